"""Notifications: organizations following areas get an e-mail when a consultation in one of their areas opens,
three days before it closes and when its report is published — at once or in a daily digest, their choice.
Authors get one when their remark is answered (consultations/mail.py). Every e-mail ends with an unsubscribe
link that works without login (``@@wypisz-powiadomienia``).

Storage (portal annotations): subscriptions by their secret token (one per organization), each with a queue for
the digest; the userids of authors who turned off answer e-mails; a random secret for the authors' links.
The clock (``state.sync``) sends the "closes in 3 days" notices (once per consultation) and the digests (once a
day, from 7:00 Warsaw time); the "opened" and "report published" notices follow the workflow transitions.
"""

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from datetime import timedelta
from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo import mail
from ezabrze.ngo.consultations import CONSULTATION_TYPE
from persistent import Persistent
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations

import hashlib
import hmac
import secrets


KEY = "ezabrze.ngo.subscriptions"
OPTOUT_KEY = "ezabrze.ngo.answer_optout"
SECRET_KEY = "ezabrze.ngo.unsubscribe_secret"
IMMEDIATE = "immediate"
DIGEST = "digest"
DIGEST_HOUR = 7
CLOSING_DAYS = 3


class Subscription(Persistent):
    def __init__(self, organization_uid, email, areas, mode):
        self.token = secrets.token_urlsafe(24)
        self.organization_uid = organization_uid
        self.email = email
        self.areas = tuple(areas)
        self.mode = mode
        self.queue = PersistentList()
        self.last_digest = None


def _annotations():
    return IAnnotations(api.portal.get())


def subscriptions(create=False):
    annotations = _annotations()
    tree = annotations.get(KEY)
    if tree is None and create:
        tree = annotations[KEY] = OOBTree()
    return tree if tree is not None else {}


def subscription_of(org):
    uid = api.content.get_uuid(org)
    for sub in subscriptions().values():
        if sub.organization_uid == uid:
            return sub
    return None


def subscribe(org, areas, mode, email=None):
    """Create or change the organization's subscription; returns it."""
    if mode not in (IMMEDIATE, DIGEST):
        raise ValueError(mode)
    sub = subscription_of(org)
    email = email or org.email
    if sub is None:
        sub = Subscription(api.content.get_uuid(org), email, areas, mode)
        subscriptions(create=True)[sub.token] = sub
    else:
        sub.areas, sub.mode, sub.email = tuple(areas), mode, email
    return sub


def unsubscribe(token):
    tree = subscriptions()
    if isinstance(token, str) and token in tree:
        del tree[token]
        return True
    return False


# ------------------------------------------------------------------ authors' answer e-mails


def _secret():
    annotations = _annotations()
    if SECRET_KEY not in annotations:
        annotations[SECRET_KEY] = secrets.token_hex(32)
    return annotations[SECRET_KEY]


def author_signature(userid):
    return hmac.new(_secret().encode(), userid.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def author_unsubscribe_url(userid):
    portal_url = api.portal.get().absolute_url()
    return f"{portal_url}/@@wypisz-powiadomienia?u={userid}&sig={author_signature(userid)}"


def author_opted_out(userid):
    tree = _annotations().get(OPTOUT_KEY)
    return tree is not None and userid in tree


def opt_out_author(userid, signature):
    if not isinstance(userid, str) or not isinstance(signature, str):
        return False
    if not hmac.compare_digest(author_signature(userid), signature):
        return False
    annotations = _annotations()
    if OPTOUT_KEY not in annotations:
        annotations[OPTOUT_KEY] = OOTreeSet()
    annotations[OPTOUT_KEY].add(userid)
    return True


# ------------------------------------------------------------------ events


EVENTS = {
    "opened": _("The consultation \"${title}\" has opened. Remarks are accepted until ${end}."),
    "closing": _("The consultation \"${title}\" closes in 3 days, on ${end}."),
    "report": _("The report of the consultation \"${title}\" has been published."),
}


def _line(consultation, event):
    end = clock.local(consultation.end).strftime("%d.%m.%Y %H:%M")
    return mail.t(EVENTS[event], {"title": consultation.title, "end": end}) + "\n" + consultation.absolute_url()


def _footer(sub):
    url = f"{api.portal.get().absolute_url()}/@@wypisz-powiadomienia?token={sub.token}"
    return "\n\n--\n" + mail.t(_("To stop these e-mails open: ${url}"), {"url": url})


def _send(sub, subject, text):
    body = mail.t(_("Good day,")) + "\n\n" + text + "\n\nUrząd Miejski w Zabrzu" + _footer(sub)
    mail.send_after_commit(mail.message(sub.email, subject, body))


def notify(consultation, event):
    """Tell every subscription following one of the consultation's areas (now or in its digest)."""
    areas = set(consultation.areas or ())
    if not areas:
        return 0
    count = 0
    for sub in list(subscriptions().values()):
        if not areas.intersection(sub.areas):
            continue
        line = _line(consultation, event)
        if sub.mode == IMMEDIATE:
            _send(sub, mail.t(_("Consultations: ${title}"), {"title": consultation.title}), line)
        else:
            sub.queue.append(line)
        count += 1
    return count


def transitioned(consultation, event):
    """After-transition subscriber: opened and report published."""
    transition = event.transition.id if event.transition is not None else None
    if transition == "open":
        notify(consultation, "opened")
    elif transition == "publish_report":
        notify(consultation, "report")


def tick(now=None):
    """Run by the clock: the "closes in 3 days" notices (once each) and the daily digests."""
    now = now or clock.now()
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=CONSULTATION_TYPE, review_state="open"):
        consultation = brain._unrestrictedGetObject()
        end = clock.aware(consultation.end)
        if now < end <= now + timedelta(days=CLOSING_DAYS) and not getattr(consultation, "_closing_notified", False):
            consultation._closing_notified = True
            notify(consultation, "closing")
    local = clock.local(now)
    if local.hour < DIGEST_HOUR:
        return
    for sub in subscriptions().values():
        if sub.mode == DIGEST and sub.queue and sub.last_digest != local.date():
            _send(sub, mail.t(_("Consultations: daily digest")), "\n\n".join(sub.queue))
            sub.queue = PersistentList()
            sub.last_digest = local.date()
