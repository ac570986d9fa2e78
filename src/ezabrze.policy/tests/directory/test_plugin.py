"""Directory users through PAS (integration, real slapd): authentication, properties, the group rules, the cache
time, a person moved in the directory, the circuit breaker, and a portal with no directory."""

from ezabrze.policy.directory import PLUGIN_ID
from ezabrze.policy.directory.breaker import BREAKER
from ezabrze.policy.directory.groups import CACHE
from ezabrze.policy.directory.groups import map_groups
from ezabrze.policy.directory.groups import parse_rule
from ezabrze.policy.directory.groups import parse_rules
from ezabrze.policy.directory.groups import RuleError
from ezabrze.policy.directory.interfaces import DEFAULT_GROUP_RULES
from ezabrze.policy.directory.settings import current
from ezabrze.policy.testing.directory import CACHE_SECONDS
from ezabrze.policy.testing.directory import directory_server
from ezabrze.policy.testing.directory import IWONA
from ezabrze.policy.testing.directory import JAKUB
from ezabrze.policy.testing.directory import ldap_modify
from ezabrze.policy.testing.directory import LEFT
from ezabrze.policy.testing.directory import make_units
from ezabrze.policy.testing.directory import SUFFIX
from ezabrze.policy.testing.directory import TOMASZ
from plone import api

import pytest
import time


@pytest.fixture
def unit_groups(portal):
    """The units of the catalogue (each has its case group unit-<id>)."""
    with api.env.adopt_roles(["Manager"]):
        make_units(portal)


def authenticate(portal, login, password):
    return portal.acl_users[PLUGIN_ID].authenticateCredentials({"login": login, "password": password})


def groups_of(portal, user_id):
    user = portal.acl_users.getUserById(user_id)
    return set(user.getGroups()) if user is not None else None


def test_plugin_installed_after_the_local_users(portal):
    from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
    from Products.PluggableAuthService.interfaces.plugins import IUserEnumerationPlugin

    plugins = portal.acl_users.plugins
    for interface in (IAuthenticationPlugin, IUserEnumerationPlugin):
        ids = plugins.listPluginIds(interface)
        assert PLUGIN_ID in ids
        assert ids.index("source_users") < ids.index(PLUGIN_ID)


def test_not_configured_means_not_active(portal, monkeypatch):
    for name in ("EZABRZE_DIRECTORY_URL", "EZABRZE_DIRECTORY_USERS_BASE"):
        monkeypatch.delenv(name, raising=False)
    BREAKER.reset()
    assert not current().active
    assert authenticate(portal, *IWONA[:2]) is None
    assert portal.acl_users.getUserById(IWONA[0]) is None
    assert BREAKER.attempts == 0  # nothing was even tried


def test_directory_user_authenticates(portal, directory):
    assert authenticate(portal, *IWONA[:2]) == (IWONA[0], IWONA[0])
    assert authenticate(portal, IWONA[0], "wrong") is None
    assert authenticate(portal, "nobody", "x") is None


def test_person_who_left_cannot_log_in(portal, directory):
    assert authenticate(portal, *LEFT) is None
    assert portal.acl_users.getUserById(LEFT[0]) is None


def test_properties_come_from_the_directory(portal, directory):
    user = portal.acl_users.getUserById(IWONA[0])
    assert user.getProperty("fullname") == "Iwona Stępień"
    assert user.getProperty("email") == "iwona.stepien@um.zabrze.pl"
    assert "Member" in user.getRoles()


def test_groups_mapped_by_the_rules(portal, directory, unit_groups):
    assert groups_of(portal, IWONA[0]) >= {"unit-mops", "pracownicy"}
    assert "Editors" not in groups_of(portal, IWONA[0])
    assert groups_of(portal, JAKUB[0]) >= {"unit-wydzial-organizacyjny", "pracownicy", "Editors"}
    # the directory's own group names are never portal groups
    assert not {g for g in groups_of(portal, IWONA[0]) if g.startswith("jednostka-")}


def test_rules_from_the_control_panel(portal, directory):
    api.portal.set_registry_record("ezabrze.policy.directory.group_rules", ["jednostka-mops -> Reviewers"])
    CACHE.clear()
    assert "Reviewers" in groups_of(portal, IWONA[0])
    assert "unit-mops" not in groups_of(portal, IWONA[0])


def test_moving_a_person_changes_their_groups_after_the_cache_time(portal, directory, fresh_tree, unit_groups):
    assert "unit-biuro-obslugi-mieszkancow" in groups_of(portal, TOMASZ[0])
    dn = f"uid=tomasz.mazur,ou=biuro-obslugi-mieszkancow,ou=urzad-miejski,ou=struktura,{SUFFIX}"
    ldap_modify(
        f"dn: cn=jednostka-biuro-obslugi-mieszkancow,ou=grupy,{SUFFIX}\nchangetype: modify\ndelete: member\n"
        f"member: {dn}\n\n"
        f"dn: cn=jednostka-mops,ou=grupy,{SUFFIX}\nchangetype: modify\nadd: member\nmember: {dn}\n"
    )
    # within the cache time the portal may still use what it read
    time.sleep(CACHE_SECONDS + 0.2)
    groups = groups_of(portal, TOMASZ[0])
    assert "unit-mops" in groups
    assert "unit-biuro-obslugi-mieszkancow" not in groups


def test_outage_opens_the_breaker_and_local_accounts_work(portal, directory):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import TEST_USER_NAME
    from plone.app.testing import TEST_USER_PASSWORD

    directory_server("stop")
    before = BREAKER.attempts
    for _attempt in range(10):
        assert authenticate(portal, *IWONA[:2]) is None
        assert portal.acl_users.getUserById(IWONA[0]) is None
    # one attempt found the directory down; the others did not try again
    assert BREAKER.attempts - before == 1
    assert BREAKER.is_open
    # local accounts: found and authenticated without the directory
    assert portal.acl_users.authenticate(TEST_USER_NAME, TEST_USER_PASSWORD, portal.REQUEST) is not None
    assert portal.acl_users.getUserById("test_user_1_") is not None
    assert SITE_OWNER_NAME
    assert BREAKER.attempts - before == 1


def test_directory_asked_again_after_the_pause(portal, directory, monkeypatch):
    directory_server("stop")
    monkeypatch.setenv("EZABRZE_DIRECTORY_RETRY_SECONDS", "1")
    assert authenticate(portal, *IWONA[:2]) is None
    assert BREAKER.is_open
    directory_server("start")
    assert authenticate(portal, *IWONA[:2]) is None  # still paused
    time.sleep(1.2)
    assert authenticate(portal, *IWONA[:2]) == (IWONA[0], IWONA[0])
    assert not BREAKER.is_open


# ----------------------------------------------------------------------------- rules


def test_rule_parsing():
    assert parse_rule("jednostka-* -> unit-*") == ("jednostka-*", "unit-*")
    assert parse_rule("Redaktorzy => Editors") == ("Redaktorzy", "Editors")
    for bad in ("no arrow", "a -> ", "a -> b*", "a* -> b**", "a -> two words"):
        with pytest.raises(RuleError):
            parse_rule(bad)
    assert parse_rules(["# comment", "", "x -> y"]) == [("x", "y")]


def test_rule_mapping():
    rules = parse_rules(DEFAULT_GROUP_RULES)
    assert map_groups(["jednostka-MOPS", "pracownicy-urzedu", "inna"], rules) == ("unit-mops", "pracownicy")
    assert map_groups(["redaktorzy-portalu"], rules) == ("Editors",)
    assert map_groups([], rules) == ()


def test_rule_naming_a_missing_group_gives_no_group(portal, directory):
    api.portal.set_registry_record("ezabrze.policy.directory.group_rules", ["jednostka-* -> nie-ma-*"])
    CACHE.clear()
    assert not {g for g in groups_of(portal, IWONA[0]) if g.startswith("nie-ma-")}
