"""Date-driven states of a consultation.

The workflow has draft → scheduled → open → closed → report_published. "open" and "closed" follow the dates:

1. ``effective_state(consultation)`` computes the state from the dates and the server clock whenever the
   workflow state is scheduled or open. Every rule (may a remark be posted now?) and every page and REST answer
   use it, so the end is enforced to the second whatever the stored state is.
2. ``sync(portal)`` (which also runs ``notifications.tick``) fires the workflow transitions ``open`` and ``close`` whose time has come, so that the
   stored state, the catalog (listings, search) and the BIP history follow without a page view. It runs in a
   background clock thread of each Zope process (``clock_thread``, every EZABRZE_NGO_CLOCK_SECONDS, default
   60; 0 turns it off) and from ``bin/instance run scripts/ngo_clock.py`` (for cron in production).
   The transitions refuse to run before their time (``check_transition``), so nobody fires them early by hand.
"""

from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo.consultations import CONSULTATION_TYPE
from ezabrze.ngo.consultations import notifications
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

import logging
import math
import os
import threading
import time
import transaction


logger = logging.getLogger("ezabrze.ngo.consultations")
DATE_DRIVEN = ("scheduled", "open")


def stored_state(consultation):
    return api.content.get_state(consultation, default="draft")


def state_at(stored, start, end, now):
    if stored not in DATE_DRIVEN:
        return stored
    if now < clock.aware(start):
        return "scheduled"
    if now < clock.aware(end):
        return "open"
    return "closed"


def effective_state(consultation, now=None):
    now = now or clock.now()
    return state_at(stored_state(consultation), consultation.start, consultation.end, now)


def days_left(end, now=None):
    """Whole days (rounded up) until the end; 0 once it has passed."""
    now = now or clock.now()
    seconds = (clock.aware(end) - now).total_seconds()
    return max(0, math.ceil(seconds / 86400))


def check_transition(event):
    """Before a transition: open/close only when the dates say so."""
    if event.transition is None or event.object.portal_type != CONSULTATION_TYPE:
        return
    transition = event.transition.id
    if transition not in ("open", "close"):
        return
    consultation = event.object
    now = clock.now()
    if transition == "open" and now < clock.aware(consultation.start):
        raise WorkflowException(_("The consultation opens at its start date."))
    if transition == "close" and now < clock.aware(consultation.end):
        raise WorkflowException(_("The consultation closes at its end date."))


def sync(portal=None, now=None):
    """Fire the due open/close transitions in the site; returns [(path, transition)]."""
    now = now or clock.now()
    catalog = api.portal.get_tool("portal_catalog")
    done = []
    with api.env.adopt_roles(["Manager"]):
        for brain in catalog.unrestrictedSearchResults(portal_type=CONSULTATION_TYPE, review_state=DATE_DRIVEN):
            consultation = brain._unrestrictedGetObject()
            target = effective_state(consultation, now)
            current = stored_state(consultation)
            path = "/".join(consultation.getPhysicalPath())
            if current == "scheduled" and target in ("open", "closed"):
                api.content.transition(consultation, transition="open")
                done.append((path, "open"))
                current = "open"
            if current == "open" and target == "closed":
                api.content.transition(consultation, transition="close")
                done.append((path, "close"))
        notifications.tick(now)
    return done


def sync_all_sites(app):
    from zope.component.hooks import setSite

    for site in app.objectValues("Plone Site"):
        setSite(site)
        try:
            done = sync(site)
            if done:
                logger.info("Consultation clock in %s: %s", site.getId(), done)
        finally:
            setSite(None)


RETRY_DELAY = 1  # seconds between the attempts of one run (a ZODB conflict with another instance's run)


def _tick(db):
    """One run of the clock in its own connection and transaction, tried up to three times.

    Two instances (or two processes) running it at the same moment cannot both fire a transition: both change
    the same consultation, so the second commit fails with a ZODB ConflictError, is aborted, and its retry sees
    the state the first one committed and has nothing left to do. Mail is sent after commit only, so the
    aborted attempt sends nothing either."""
    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import noSecurityManager
    from AccessControl.SpecialUsers import system
    from Testing.makerequest import makerequest

    # The thread's own transaction manager (transaction.manager is per thread), as mail hooks expect.
    connection = db.open()
    try:
        app = makerequest(connection.root()["Application"])
        newSecurityManager(None, system)
        for attempt in range(3):
            try:
                transaction.begin()
                sync_all_sites(app)
                transaction.commit()
                break
            except Exception:
                transaction.abort()
                if attempt == 2:
                    raise
                time.sleep(RETRY_DELAY)
    finally:
        noSecurityManager()
        connection.close()


class ClockThread(threading.Thread):
    """Runs ``_tick`` every ``seconds`` until stopped; a failed run is logged and the next one runs as usual."""

    def __init__(self, db, seconds):
        super().__init__(name="ezabrze.ngo consultation clock", daemon=True)
        self.db = db
        self.seconds = seconds
        self.stopped = threading.Event()
        self.runs = 0
        self.failures = 0

    def run(self):
        while not self.stopped.wait(self.seconds):
            try:
                _tick(self.db)
                self.runs += 1
            except Exception:
                self.failures += 1
                logger.exception("Consultation clock failed")

    def stop(self, timeout=5):
        self.stopped.set()
        self.join(timeout)


def clock_thread(event):
    """Subscriber of Zope's process start: runs ``sync`` periodically in a daemon thread."""
    seconds = int(os.environ.get("EZABRZE_NGO_CLOCK_SECONDS", "60") or 0)
    if seconds <= 0:
        return None
    import Zope2

    thread = ClockThread(Zope2.DB, seconds)
    thread.start()
    return thread
