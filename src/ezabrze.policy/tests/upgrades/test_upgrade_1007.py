"""1006 -> 1007: a site without the directory gets its plugin (inactive until configured), its settings, the
control panel "Katalog domenowy", the Editors group and the permission of the staff directory's sync button."""

from ezabrze.policy.directory import PLUGIN_ID
from ezabrze.policy.directory import SETTINGS_PREFIX
from ezabrze.policy.directory import setup as directory_setup
from ezabrze.policy.directory.settings import current
from plone import api
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin

import pytest


PROFILE = "ezabrze.policy:default"
SYNC_PERMISSION = "ezabrze.policy: Synchronize staff directory"


@pytest.fixture
def old_site(portal, monkeypatch):
    """What a site at 1006 holds: no plugin, no records, no configlet, the permission with Manager only."""
    monkeypatch.delenv("EZABRZE_DIRECTORY_URL", raising=False)
    directory_setup.remove_plugin(portal)
    registry = api.portal.get_tool("portal_registry")
    for name in [n for n in registry.records.keys() if n.startswith(SETTINGS_PREFIX + ".")]:
        del registry.records[name]
    api.portal.get_tool("portal_controlpanel").unregisterConfiglet("ezabrze-directory")
    portal.manage_permission(SYNC_PERMISSION, ["Manager"], acquire=True)
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1006")
    return portal


def test_old_site_has_no_directory(old_site):
    assert PLUGIN_ID not in old_site.acl_users.objectIds()
    assert api.portal.get_registry_record(f"{SETTINGS_PREFIX}.group_rules", default=None) is None


def test_upgrade_adds_the_directory(old_site):
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, dest="1007")
    assert setup.getLastVersionForProfile(PROFILE) == ("1007",)
    assert PLUGIN_ID in old_site.acl_users.plugins.listPluginIds(IAuthenticationPlugin)
    assert api.portal.get_registry_record(f"{SETTINGS_PREFIX}.group_rules")[0] == "jednostka-* -> unit-*"
    assert api.portal.get_registry_record(f"{SETTINGS_PREFIX}.cache_seconds") == 300
    assert "ezabrze-directory" in [a.id for a in api.portal.get_tool("portal_controlpanel").listActions()]
    assert api.group.get(groupname="Editors") is not None
    roles = {r["name"] for r in old_site.rolesOfPermission(SYNC_PERMISSION) if r["selected"]}
    assert roles == {"Manager", "Site Administrator"}
    # no URL: the plugin is there but does nothing (local accounts only)
    assert not current().active
    assert old_site.acl_users[PLUGIN_ID].authenticateCredentials({"login": "x", "password": "y"}) is None


def test_upgrade_twice_is_harmless(old_site):
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, dest="1007")
    directory_setup.install_plugin(old_site)
    ids = old_site.acl_users.plugins.listPluginIds(IAuthenticationPlugin)
    assert ids.count(PLUGIN_ID) == 1
