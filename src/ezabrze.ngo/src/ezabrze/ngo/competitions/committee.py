"""The committee of a call (art. 15 ust. 2a-2f of the act): staff and NGO-nominated members.

Before a member sees any offer they sign the conflict-of-interest declaration (art. 24 of the administrative
procedure code) naming the applicants they are related to; they are excluded from those offers. An NGO-nominated
member whose own organization applies in the call is excluded from the whole call (art. 15 ust. 2d). Every view of
an offer by a member is logged. Data are kept on the call outside its schema (``_committee``, ``_declarations``,
``_view_log``); ``localroles.py`` turns them into the local role GrantCommittee on the offers a member may see."""

from BTrees.OOBTree import OOBTree
from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo.competitions import MEMBER_ROLE
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api


STAFF = "staff"
NGO = "ngo"


class CommitteeError(ValueError):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def members(call):
    return getattr(call, "_committee", None) or {}


def declarations(call):
    return getattr(call, "_declarations", None) or {}


def view_log(call):
    return list(getattr(call, "_view_log", None) or ())


def add_member(call, userid, kind=STAFF, organization_uid=None):
    if api.user.get(userid=userid) is None:
        raise CommitteeError(400, _("No such user."))
    if kind not in (STAFF, NGO):
        raise CommitteeError(400, _("A member is either staff or nominated by an organisation."))
    if kind == NGO and not organization_uid:
        raise CommitteeError(400, _("Name the organisation that nominated the member."))
    if getattr(call, "_committee", None) is None:
        call._committee = OOBTree()
    call._committee[userid] = PersistentMapping({"kind": kind, "organization_uid": organization_uid})
    roles = set(call.get_local_roles_for_userid(userid)) | {MEMBER_ROLE}
    call.manage_setLocalRoles(userid, sorted(roles))
    call.reindexObjectSecurity()


def submitted_offers(call):
    from ezabrze.ngo.competitions.offers import offer_state

    return [offer for offer in call.objectValues() if getattr(offer, "portal_type", None) == "Offer"
            and offer_state(offer) == "submitted"]


def applicants(call):
    """{organization uid: organization title} of the submitted offers (what a declaration names)."""
    from ezabrze.ngo.competitions.offers import organization

    result = {}
    for offer in submitted_offers(call):
        org = organization(offer)
        result[offer.organization_uid] = org.title if org is not None else offer.organization_uid
    return result


def excluded_from_call(call, userid):
    member = members(call).get(userid)
    if member is None:
        return False
    return member["kind"] == NGO and member["organization_uid"] in applicants(call)


def sign_declaration(call, userid, conflicts, statement_accepted):
    """The member's declaration: `conflicts` are the uids of the applicants they are related to."""
    from ezabrze.ngo.competitions.state import call_state

    if userid not in members(call):
        raise CommitteeError(403, _("Only a member of the committee signs the declaration."))
    if call_state(call) not in ("formal", "merit"):
        raise CommitteeError(409, _("The declaration is signed after the offer deadline, before the evaluation."))
    if userid in declarations(call):
        raise CommitteeError(409, _("You have already signed the declaration."))
    if not statement_accepted:
        raise CommitteeError(400, _("Confirm the statement of the declaration."))
    known = applicants(call)
    conflicts = list(conflicts or [])
    unknown = [uid for uid in conflicts if uid not in known]
    if unknown:
        raise CommitteeError(400, _("The declaration names an organisation that has not applied."))
    if getattr(call, "_declarations", None) is None:
        call._declarations = OOBTree()
    call._declarations[userid] = PersistentMapping({"date": clock.now(), "conflicts": conflicts})
    reindex_offers(call)


def reindex_offers(call):
    for offer in call.objectValues():
        if getattr(offer, "portal_type", None) == "Offer":
            offer.reindexObjectSecurity()


def may_see(call, userid, offer):
    """A member sees an offer when they signed the declaration, are not excluded from the call and did not
    declare a conflict with the applicant."""
    if userid not in members(call):
        return False
    declaration = declarations(call).get(userid)
    if declaration is None or excluded_from_call(call, userid):
        return False
    return offer.organization_uid not in declaration["conflicts"]


def exclusions(call):
    """[(userid, reason, organization uid or None)] for the protocol."""
    result = []
    for userid in members(call):
        if excluded_from_call(call, userid):
            result.append((userid, "ngo_applies", members(call)[userid]["organization_uid"]))
        for uid in declarations(call).get(userid, {}).get("conflicts", ()):
            result.append((userid, "conflict", uid))
    return result


def log_view(call, offer, userid):
    if userid not in members(call):
        return
    from plone.protect.utils import safeWrite
    from zope.globalrequest import getRequest

    request = getRequest()
    if getattr(call, "_view_log", None) is None:
        call._view_log = PersistentList()
        safeWrite(call, request)
    # written while reading the offer (a GET): plone.protect would otherwise abort it as a CSRF write
    safeWrite(call._view_log, request)
    call._view_log.append({"date": clock.now(), "userid": userid, "offer": offer.getId()})
