"""Local roles computed from the registry and the committee (borg.localrole providers), so they follow the
representatives' verification and the declarations without copying users onto each offer:

- GrantApplicant on an offer: the verified representatives of its (verified) organization;
- GrantCommittee on an offer: committee members who signed the declaration and are not excluded from it.
"""

from borg.localrole.interfaces import ILocalRoleProvider
from ezabrze.ngo.competitions import APPLICANT_ROLE
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import COMMITTEE_ROLE
from ezabrze.ngo.competitions.content import IOffer
from ezabrze.ngo.organizations import representatives as reps
from plone import api
from zope.component import adapter
from zope.interface import implementer


def _organization(uid):
    if not uid:
        return None
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=uid)
    return brains[0]._unrestrictedGetObject() if brains else None


def _verified_representatives(offer):
    org = _organization(offer.organization_uid)
    if org is None or api.content.get_state(org, default=None) != reps.VERIFIED:
        return []
    return [userid for userid, rep in reps.representatives(org).items() if rep.state == reps.VERIFIED]


@implementer(ILocalRoleProvider)
@adapter(IOffer)
class OfferRoles:
    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        roles = []
        if principal_id in _verified_representatives(self.context):
            roles.append(APPLICANT_ROLE)
        call = self.context.aq_parent
        if committee.may_see(call, principal_id, self.context):
            roles.append(COMMITTEE_ROLE)
        return roles

    def getAllRoles(self):
        for userid in _verified_representatives(self.context):
            yield userid, [APPLICANT_ROLE]
        call = self.context.aq_parent
        for userid in committee.members(call):
            if committee.may_see(call, userid, self.context):
                yield userid, [COMMITTEE_ROLE]
