"""Representatives of organizations: a person with a portal account asks to act for an organization, confirms
the request from an e-mail (a one-time link), and an editor verifies or suspends them (with a reason).

Storage: each organization keeps its representatives in a BTree (userid -> Representative) outside its schema,
so their personal data are never serialized, indexed or listed publicly; the portal keeps a BTree userid ->
organization UIDs to find "whom does this person represent" without a catalog index (an index could be queried
through @search and would tell who represents whom).
"""

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo import mail
from persistent import Persistent
from persistent.list import PersistentList
from plone import api
from zope.annotation.interfaces import IAnnotations

import hashlib
import secrets


PORTAL_KEY = "ezabrze.ngo.represented"
UNCONFIRMED = "unconfirmed"
PENDING = "pending"
VERIFIED = "verified"
SUSPENDED = "suspended"
STATES = {
    UNCONFIRMED: _("E-mail not confirmed"),
    PENDING: _("Waiting for verification"),
    VERIFIED: _("Verified"),
    SUSPENDED: _("Suspended"),
}


class RepresentationError(ValueError):
    """A request that cannot be done; args[0] is a translatable message."""


class Representative(Persistent):
    def __init__(self, userid, fullname, email, function):
        self.userid = userid
        self.fullname = fullname
        self.email = email
        self.function = function
        self.state = UNCONFIRMED
        self.requested = clock.now()
        self.rodo_accepted = self.requested
        self.token_hash = None
        self.history = PersistentList()

    def log(self, state, actor, reason=""):
        self.history.append({"date": clock.now(), "state": state, "actor": actor, "reason": reason})
        self.state = state


def _hash(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def representatives(org, create=False):
    tree = getattr(org, "_representatives", None)
    if tree is None and create:
        tree = org._representatives = OOBTree()
    return tree if tree is not None else {}


def _represented(create=False):
    annotations = IAnnotations(api.portal.get())
    tree = annotations.get(PORTAL_KEY)
    if tree is None and create:
        tree = annotations[PORTAL_KEY] = OOBTree()
    return tree if tree is not None else {}


def request(org, userid, fullname, function, rodo_accepted):
    """Register `userid` as a representative of `org`; returns the confirmation token (sent by e-mail)."""
    if not rodo_accepted:
        raise RepresentationError(_("Accept the information on the processing of personal data (RODO)."))
    fullname = (fullname or "").strip()
    if not fullname:
        raise RepresentationError(_("Give your first name and surname."))
    email = mail.user_email(userid)
    if not email:
        raise RepresentationError(_("Your account has no e-mail address: add it in your personal preferences."))
    existing = representatives(org).get(userid)
    if existing is not None and existing.state in (PENDING, VERIFIED, SUSPENDED):
        raise RepresentationError(_("You have already registered as a representative of this organisation."))
    rep = Representative(userid, fullname, email, (function or "").strip())
    token = secrets.token_urlsafe(32)
    rep.token_hash = _hash(token)
    rep.log(UNCONFIRMED, userid)
    representatives(org, create=True)[userid] = rep
    tree = _represented(create=True)
    if userid not in tree:
        tree[userid] = OOTreeSet()
    tree[userid].add(api.content.get_uuid(org))
    return token


def confirm(org, token):
    """Confirm the e-mail of a request with its one-time token. Returns the representative or None."""
    digest = _hash(token or "")
    for rep in representatives(org).values():
        if rep.token_hash and secrets.compare_digest(rep.token_hash, digest):
            rep.token_hash = None
            rep.log(PENDING, rep.userid)
            return rep
    return None


def set_state(org, userid, state, reason=""):
    rep = representatives(org).get(userid)
    if rep is None:
        raise RepresentationError(_("No such representative."))
    reason = (reason or "").strip()
    if state == VERIFIED:
        if rep.state not in (PENDING, SUSPENDED):
            raise RepresentationError(_("Only a confirmed request can be verified."))
    elif state == SUSPENDED:
        if rep.state != VERIFIED:
            raise RepresentationError(_("Only a verified representative can be suspended."))
        if not reason:
            raise RepresentationError(_("Give the reason for the suspension."))
    else:
        raise RepresentationError(_("Unknown state."))
    rep.log(state, api.user.get_current().getId(), reason)
    reindex_security(org)
    return rep


# Content whose local roles follow the organisation's representatives (borg.localrole providers in
# competitions/localroles.py and smallgrants/localroles.py): named here by portal type, not imported, so that the
# registry does not depend on the features that build on it.
REPRESENTED_TYPES = ("Offer", "SmallGrant")


def reindex_security(org):
    """Catalog the security of the organisation and of all its offers (allowedRolesAndUsers) again, after a
    representative or the organisation itself was verified or suspended: the local roles are computed, so the
    catalog would otherwise keep the old readers (a suspended representative would still find the drafts in the
    search, a re-verified one would not)."""
    org.reindexObjectSecurity()
    uid = api.content.get_uuid(org)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=list(REPRESENTED_TYPES)):
        obj = brain._unrestrictedGetObject()
        if getattr(obj, "organization_uid", None) == uid:
            obj.reindexObjectSecurity()


def organizations_of(userid):
    """[(organization, representative)] of every organization the user asked to represent (any state)."""
    uids = _represented().get(userid)
    if not uids:
        return []
    result = []
    for uid in uids:
        with api.env.adopt_roles(["Manager"]):
            org = api.content.get(UID=uid)
        if org is None:
            continue
        rep = representatives(org).get(userid)
        if rep is not None:
            result.append((org, rep))
    return sorted(result, key=lambda pair: pair[0].title or "")


def acting_organizations(userid):
    """Organizations the user acts for now: a verified representative of a verified organization."""
    return [
        org
        for org, rep in organizations_of(userid)
        if rep.state == VERIFIED and api.content.get_state(org, default=None) == VERIFIED
    ]


def confirmation_mail(org, rep, token):
    url = f"{org.absolute_url()}/@@potwierdz-reprezentacje?token={token}"
    subject = mail.t(_("Confirm your registration as a representative of ${organization}"),
                     {"organization": org.title})
    body = mail.t(
        _(
            "mail_representative_confirm",
            default=(
                "Good day,\n\nyou asked to be registered as a representative of ${organization} in the "
                "e-Zabrze portal. Confirm it by opening this link:\n${url}\n\nAfter the confirmation an editor "
                "of the City Hall verifies the request. If you did not ask for it, ignore this message.\n\n"
                "Urząd Miejski w Zabrzu"
            ),
        ),
        {"organization": org.title, "url": url},
    )
    return mail.message(rep.email, subject, body)


def organization_transitioned(org, event):
    """After-transition subscriber: verifying or suspending the organisation changes its offers' readers too."""
    reindex_security(org)
