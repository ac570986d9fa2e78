"""1010 -> 1011: Plone's stock groups, titled in English by PlonePAS, get Polish titles (the Users and Groups
pages show a group's stored title as it is); a title an administrator gave stays."""

from ezabrze.policy.polishui.groups import AUTO_GROUP_TITLES
from ezabrze.policy.polishui.groups import STOCK_GROUP_TITLES
from plone import api

import pytest


PROFILE = "ezabrze.policy:default"


def _title(group_id):
    return api.portal.get_tool("portal_groups").getGroupById(group_id).getProperty("title")


@pytest.fixture
def old_site(portal):
    groups_tool = api.portal.get_tool("portal_groups")
    for group_id, (english, _polish) in STOCK_GROUP_TITLES.items():
        groups_tool.editGroup(group_id, title=english)
    portal.acl_users.auto_group.title = AUTO_GROUP_TITLES[0]
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1010")
    return portal


def test_upgrade_gives_the_stock_groups_polish_titles(old_site):
    assert _title("Site Administrators") == "Site Administrators"
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, dest="1011")
    assert setup.getLastVersionForProfile(PROFILE) == ("1011",)
    assert {group_id: _title(group_id) for group_id in STOCK_GROUP_TITLES} == {
        "Administrators": "Administratorzy",
        "Site Administrators": "Administratorzy serwisu",
        "Reviewers": "Recenzenci",
    }
    assert _title("AuthenticatedUsers") == "Zalogowani użytkownicy (grupa wirtualna)"
    # the title the groups overview lists (PAS's enumeration), not only the group's property
    titles = {info["id"]: info["title"] for info in old_site.acl_users.searchGroups(id="", exact_match=False)}
    assert titles["Site Administrators"] == "Administratorzy serwisu"
    assert titles["AuthenticatedUsers"] == "Zalogowani użytkownicy (grupa wirtualna)"


def test_upgrade_keeps_an_administrators_own_title(old_site):
    api.portal.get_tool("portal_groups").editGroup("Reviewers", title="Korekta")
    old_site.acl_users.auto_group.title = "Wszyscy zalogowani"
    api.portal.get_tool("portal_setup").upgradeProfile(PROFILE, dest="1011")
    assert _title("Reviewers") == "Korekta"
    assert _title("AuthenticatedUsers") == "Wszyscy zalogowani"
    assert _title("Administrators") == "Administratorzy"


def test_a_new_site_has_the_polish_titles(portal):
    for group_id, (_english, polish) in STOCK_GROUP_TITLES.items():
        assert _title(group_id) == polish
    assert _title("AuthenticatedUsers") == AUTO_GROUP_TITLES[1]
