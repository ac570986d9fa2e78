from ezabrze.ngo.competitions.setup import install as install_competitions
from ezabrze.ngo.consultations.setup import install as install_consultations
from ezabrze.ngo.organizations.setup import install as install_organizations
from ezabrze.ngo.smallgrants.setup import install as install_small_grants
from Products.CMFPlone.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall profile from the add-ons control panel."""
        return ["ezabrze.ngo:uninstall"]


def post_install(context):
    """After the default profile: the folders of the registry, the consultations, the competitions and the small grants, the
    moderators' group."""
    install_organizations()
    install_consultations()
    install_competitions()
    install_small_grants()
