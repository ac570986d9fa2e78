from ezabrze.policy import portlets
from ezabrze.policy import structure
from ezabrze.policy.directory import setup as directory_setup
from ezabrze.policy.mail import configure_mail_from_environment
from ezabrze.policy.polishui.groups import stock_groups_in_polish
from ezabrze.policy.search import setup as search_setup
from ezabrze.policy.security.roles import register_roles
from plone import api
from Products.CMFPlone.interfaces import INonInstallable
from zope.interface import implementer


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall and demo profiles from the add-ons control panel."""
        return ["ezabrze.policy:uninstall"]


def post_install(context):
    """Configure mail, create the top-level structure of the portal, use the Polish lexicon, register the own
    roles in acl_users, give Plone's stock groups Polish titles (idempotent)."""
    portal = api.portal.get()
    configure_mail_from_environment()
    # Applying a profile is an administrator's act; the content it creates must not depend on who runs it.
    with api.env.adopt_roles(["Manager"]):
        structure.create_groups()
        structure.create_structure(portal)
    portlets.prepare_assignment_settings(portal)
    search_setup.install_polish_lexicon()
    directory_setup.install_plugin(portal)
    register_roles(portal)
    stock_groups_in_polish(portal)


def uninstall(context):
    """Content created by the profile stays: removing a city's pages is an editor's decision."""
