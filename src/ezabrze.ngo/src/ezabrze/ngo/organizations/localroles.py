"""The local role OrganizationRepresentative (borg.localrole provider): the verified representatives of a verified
organization get it on that organization, computed from the registry so that it follows verification and
suspension (of the representative or of the organization) at once, without copying users onto the object.

The organization workflow gives the role "Modify portal content" in the state verified only; which fields it may
change is decided by ``editing.py`` (edit form and REST PATCH)."""

from borg.localrole.interfaces import ILocalRoleProvider
from ezabrze.ngo.organizations import REPRESENTATIVE_ROLE
from ezabrze.ngo.organizations import representatives as reps
from ezabrze.ngo.organizations.content import IOrganization
from plone import api
from zope.component import adapter
from zope.interface import implementer


def verified_representatives(org):
    if api.content.get_state(org, default=None) != reps.VERIFIED:
        return []
    return [userid for userid, rep in reps.representatives(org).items() if rep.state == reps.VERIFIED]


@implementer(ILocalRoleProvider)
@adapter(IOrganization)
class OrganizationRoles:
    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        rep = reps.representatives(self.context).get(principal_id)
        if rep is None or rep.state != reps.VERIFIED:
            return []
        if api.content.get_state(self.context, default=None) != reps.VERIFIED:
            return []
        return [REPRESENTATIVE_ROLE]

    def getAllRoles(self):
        for userid in verified_representatives(self.context):
            yield userid, [REPRESENTATIVE_ROLE]
