"""1008 -> 1009: a site whose role manager lacks the own roles (as every site installed before) gets them,
with their titles; a role the role manager had already added lazily, without a title, gets its title."""

from ezabrze.policy.security.roles import ROLES
from plone import api

import pytest


PROFILE = "ezabrze.policy:default"


@pytest.fixture
def old_site(portal):
    manager = portal.acl_users.portal_role_manager
    for role_id in ROLES:
        manager.removeRole(role_id)
    manager._roles["NetworkStaff"] = {"id": "NetworkStaff", "title": "", "description": ""}  # added lazily
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1008")
    return portal


def test_old_site_lacks_the_roles(old_site):
    manager = old_site.acl_users.portal_role_manager
    assert "CouncilEditor" not in manager._roles and "CaseHandler" not in manager._roles
    assert manager._roles["NetworkStaff"]["title"] == ""


def test_upgrade_registers_the_roles_with_titles(old_site):
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, dest="1009")
    assert setup.getLastVersionForProfile(PROFILE) == ("1009",)
    manager = old_site.acl_users.portal_role_manager
    titles = {role_id: manager._roles[role_id]["title"] for role_id in ROLES}
    assert titles == {
        "CouncilEditor": "District council editor", "CaseHandler": "Case handler", "NetworkStaff": "City network staff",
    }


def test_upgrade_is_idempotent(old_site):
    from ezabrze.policy.upgrades import v1009

    v1009.own_roles_in_role_manager(None)
    v1009.own_roles_in_role_manager(None)
    manager = old_site.acl_users.portal_role_manager
    assert sorted(role for role in manager._roles if role in ROLES) == sorted(ROLES)


def test_a_new_site_has_the_roles(portal):
    manager = portal.acl_users.portal_role_manager
    assert {role_id: manager._roles[role_id]["title"] for role_id in ROLES} == {
        role_id: title for role_id, (title, _) in ROLES.items()
    }
    # listing the roles (what the Users and Groups overviews do) finds nothing to add: nothing written
    before = dict(manager._roles)
    manager.listRoleIds()
    assert dict(manager._roles) == before
