"""The directory's PAS plugin in acl_users (idempotent): created if missing, active for the interfaces below,
after the local users (a local account is found before the directory is asked), first for the properties."""

from ezabrze.policy.directory import PLUGIN_ID
from ezabrze.policy.directory.plugin import DirectoryPlugin
from ezabrze.policy.utils import ensure_group
from plone import api
from Products.PluggableAuthService.interfaces import plugins as pas_plugins

import logging


logger = logging.getLogger("ezabrze.policy.directory")

ACTIVE = (
    pas_plugins.IAuthenticationPlugin,
    pas_plugins.IUserEnumerationPlugin,
    pas_plugins.IPropertiesPlugin,
    pas_plugins.IRolesPlugin,
    pas_plugins.IGroupsPlugin,
)

# The properties of a directory user come from the directory before the (empty) local sheet; it has none for a
# local user. Everything else: after the local plugins.
FIRST = (pas_plugins.IPropertiesPlugin,)


EDITORS_GROUP = "Editors"


def ensure_editors_group():
    """The group the default rule gives the directory's editors (redaktorzy-portalu -> Editors): the roles of the
    portal's editors (Editor, Contributor), as the editor persona has them; reviewing stays separate."""
    if api.group.get(groupname=EDITORS_GROUP) is None:
        with api.env.adopt_roles(["Manager"]):
            ensure_group(EDITORS_GROUP, title="Redaktorzy", description="Redaktorzy portalu (z katalogu domenowego).")
            api.group.grant_roles(groupname=EDITORS_GROUP, roles=["Editor", "Contributor"])


def install_plugin(portal=None):
    portal = portal or api.portal.get()
    ensure_editors_group()
    acl_users = portal.acl_users
    if PLUGIN_ID not in acl_users.objectIds():
        acl_users._setObject(PLUGIN_ID, DirectoryPlugin(PLUGIN_ID, title="Katalog domenowy (LDAP / Active Directory)"))
        logger.info("Directory plugin added to acl_users")
    registry = acl_users.plugins
    for interface in ACTIVE:
        if PLUGIN_ID not in registry.listPluginIds(interface):
            registry.activatePlugin(interface, PLUGIN_ID)
        if interface in FIRST:
            while registry.listPluginIds(interface)[0] != PLUGIN_ID:
                registry.movePluginsUp(interface, [PLUGIN_ID])
        else:
            while registry.listPluginIds(interface)[-1] != PLUGIN_ID:
                registry.movePluginsDown(interface, [PLUGIN_ID])
    return acl_users[PLUGIN_ID]


def remove_plugin(portal=None):
    portal = portal or api.portal.get()
    acl_users = portal.acl_users
    if PLUGIN_ID in acl_users.objectIds():
        registry = acl_users.plugins
        for interface in ACTIVE:
            if PLUGIN_ID in registry.listPluginIds(interface):
                registry.deactivatePlugin(interface, PLUGIN_ID)
        acl_users._delObject(PLUGIN_ID)
