"""GrantApplicant on a small grant: the verified representatives of its (verified) organisation (the same rule as
on the competitions' offers)."""

from borg.localrole.interfaces import ILocalRoleProvider
from ezabrze.ngo.competitions import APPLICANT_ROLE
from ezabrze.ngo.competitions.localroles import _verified_representatives
from ezabrze.ngo.smallgrants.content import ISmallGrant
from zope.component import adapter
from zope.interface import implementer


@implementer(ILocalRoleProvider)
@adapter(ISmallGrant)
class SmallGrantRoles:
    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        return [APPLICANT_ROLE] if principal_id in _verified_representatives(self.context) else []

    def getAllRoles(self):
        for userid in _verified_representatives(self.context):
            yield userid, [APPLICANT_ROLE]
