"""Where the settings come from: the environment wins over the control panel (registry), for every setting."""

from ezabrze.policy.directory import SETTINGS_PREFIX
from ezabrze.policy.directory.interfaces import IDirectorySettings
from ezabrze.policy.directory.settings import current
from ezabrze.policy.directory.settings import ENVIRONMENT
from plone import api

import pytest


@pytest.fixture
def clean_environment(monkeypatch):
    for variable in ENVIRONMENT.values():
        monkeypatch.delenv(variable, raising=False)
    return monkeypatch


def test_every_setting_is_read(portal, clean_environment):
    assert set(IDirectorySettings.names(all=True)) == set(current().__dataclass_fields__)


def test_registry_values(portal, clean_environment):
    api.portal.set_registry_record(f"{SETTINGS_PREFIX}.url", "ldaps://dc1.um.zabrze.pl")
    api.portal.set_registry_record(f"{SETTINGS_PREFIX}.users_base", "OU=Pracownicy,DC=um,DC=zabrze,DC=pl")
    api.portal.set_registry_record(f"{SETTINGS_PREFIX}.bind_password", "z-panelu")
    settings = current()
    assert (settings.url, settings.bind_password, settings.active) == ("ldaps://dc1.um.zabrze.pl", "z-panelu", True)


def test_environment_wins(portal, clean_environment):
    api.portal.set_registry_record(f"{SETTINGS_PREFIX}.url", "ldap://z-panelu")
    values = {
        "url": ("EZABRZE_DIRECTORY_URL", "ldaps://dc2.um.zabrze.pl", "ldaps://dc2.um.zabrze.pl"),
        "bind_dn": ("EZABRZE_DIRECTORY_BIND_DN", "portal@um.zabrze.pl", "portal@um.zabrze.pl"),
        "bind_password": ("EZABRZE_DIRECTORY_BIND_PASSWORD", "ze-srodowiska", "ze-srodowiska"),
        "users_base": ("EZABRZE_DIRECTORY_USERS_BASE", "OU=P,DC=x", "OU=P,DC=x"),
        "login_attribute": ("EZABRZE_DIRECTORY_LOGIN_ATTRIBUTE", "sAMAccountName", "sAMAccountName"),
        "start_tls": ("EZABRZE_DIRECTORY_START_TLS", "tak", True),
        "cache_seconds": ("EZABRZE_DIRECTORY_CACHE_SECONDS", "30", 30),
        "retry_seconds": ("EZABRZE_DIRECTORY_RETRY_SECONDS", "15", 15),
    }
    for variable, text, _expected in values.values():
        clean_environment.setenv(variable, text)
    settings = current()
    for name, (_variable, _text, expected) in values.items():
        assert getattr(settings, name) == expected, name


def test_bad_number_in_the_environment_falls_back(portal, clean_environment):
    clean_environment.setenv("EZABRZE_DIRECTORY_CACHE_SECONDS", "pięć")
    assert current().cache_seconds == 300


def test_no_url_is_not_active(portal, clean_environment):
    assert not current().active
