"""The directory's PAS plugin in acl_users (idempotent): created if missing, active for the interfaces below,
after the local users (a local account is found before the directory is asked), first for the properties."""

from ezabrze.policy.directory import PLUGIN_ID
from ezabrze.policy.directory.plugin import DirectoryPlugin
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


def install_plugin(portal=None):
    portal = portal or api.portal.get()
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
