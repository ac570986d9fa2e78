"""Form submissions run one at a time in each Zope process, each on a fresh view of the database.

Why: every submission adds a Case, and those inserts land in the same few BTree buckets (the year folder's
ids are consecutive numbers, and so are the keys of the intid utility and of the path index). Under MVCC a
transaction sees the database as of its start; when two submissions overlap and one of them splits a
bucket the other one also touched, the later commit gets a ConflictError. Zope retries it, but first sleeps
``random(0, 2 ** retry)`` seconds (ZPublisher ``HTTPRequest.delay_retry``): at 8 concurrent clients a
third of the submissions conflicted and the worker threads spent half of their time asleep.

How: after traversal, a POST to an easyform form (or one of its views, or to ``@citizen-forms/<id>``) takes a process-wide lock, and if
nothing has joined the request's transaction yet, begins it anew: the transaction now starts after the
previous submission committed, so two submissions of one process never conflict. The lock is released when
the publisher reports success (after the commit) or failure (after the abort, before a retry).

Only form POSTs wait for each other; pages (GET) run in parallel as before. In a cluster (several Zope
processes on RelStorage/ZEO) submissions of different processes may still conflict and are retried by the
publisher (``max-conflict-retries`` in buildout.cfg). A submission that does not get the lock within
``WAIT_SECONDS`` goes on without it (it may then conflict and be retried; nothing is lost either way).
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.easyform.interfaces import IEasyForm

import logging
import threading
import transaction


logger = logging.getLogger("ezabrze.policy.cases")

WAIT_SECONDS = 60
_lock = threading.Lock()
_MARKER = "_ezabrze_submission_lock_held"


def _form_of(published):
    """The easyform the published object belongs to (the form itself or a view of it), or None."""
    for candidate in (published, getattr(published, "context", None), aq_parent(aq_inner(published))):
        if candidate is not None and IEasyForm.providedBy(candidate):
            return candidate
    return None


def is_form_submission(request):
    if request.get("REQUEST_METHOD", "GET").upper() != "POST":
        return False
    published = request.get("PUBLISHED")
    if published is None:
        return False
    if getattr(published, "submits_citizen_form", False):  # POST /@citizen-forms/<id>
        return True
    try:
        return _form_of(published) is not None
    except Exception:  # an odd published object (a method, a file): not a form submission
        return False


def _held(request):
    return bool(getattr(aq_base(request), _MARKER, False))


def after_traversal(event):
    """IPubAfterTraversal: serialize form submissions and start them on the newest database state."""
    request = event.request
    if _held(request) or not is_form_submission(request):
        return
    if not _lock.acquire(timeout=WAIT_SECONDS):
        logger.warning("Form submission went on without the submission lock after %ss", WAIT_SECONDS)
        return
    setattr(request, _MARKER, True)
    txn = transaction.get()
    if getattr(txn, "_resources", None):
        # Something already joined this transaction during traversal: keep it (the submission may then
        # conflict and be retried, as without the lock).
        return
    # Nothing happened in this transaction yet: begin a new one, so that the connection sees every
    # submission committed before we got the lock.
    transaction.begin()


def release(event):
    """IPubSuccess / IPubBeforeAbort / IPubFailure: the transaction is committed or failed, let the next
    submission in. Released already before the abort: an abort can itself raise (the database connection
    is gone, e.g. PostgreSQL restarting under RelStorage) and then no IPubFailure follows."""
    request = event.request
    if _held(request):
        setattr(request, _MARKER, False)
        _lock.release()
