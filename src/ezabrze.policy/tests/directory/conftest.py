"""A real OpenLDAP directory for the sign-on tests (scripts/directory_server.py: slapd on loopback, demo tree), the
settings that point the portal at it (environment, as in production) and the fixtures of a unit's cases."""

from ezabrze.policy.directory.breaker import BREAKER
from ezabrze.policy.directory.groups import CACHE
from ezabrze.policy.testing.directory import CACHE_SECONDS
from ezabrze.policy.testing.directory import directory_server
from ezabrze.policy.testing.directory import RETRY_SECONDS
from ezabrze.policy.testing.directory import SUFFIX
from ezabrze.policy.testing.directory import URL
from pathlib import Path

import pytest
import shutil


@pytest.fixture(scope="session")
def slapd():
    if not shutil.which("ldapmodify") or not Path("/usr/sbin/slapd").exists():
        pytest.fail("Debian's slapd and ldap-utils are missing: run `make system-deps`")
    directory_server("reset")
    yield URL
    directory_server("stop")


@pytest.fixture
def fresh_tree(slapd):
    """The demo tree as in demo.ldif (a test that changes the directory asks for this)."""
    directory_server("reset")
    yield slapd


@pytest.fixture
def directory(slapd, monkeypatch):
    """The portal points at the test directory through the environment; short cache, breaker closed."""
    directory_server("start")
    settings = {
        "EZABRZE_DIRECTORY_URL": slapd,
        "EZABRZE_DIRECTORY_BIND_DN": f"cn=portal,ou=konta-systemowe,{SUFFIX}",
        "EZABRZE_DIRECTORY_BIND_PASSWORD": "portal-bind-secret",
        "EZABRZE_DIRECTORY_USERS_BASE": f"ou=struktura,{SUFFIX}",
        "EZABRZE_DIRECTORY_GROUPS_BASE": f"ou=grupy,{SUFFIX}",
        "EZABRZE_DIRECTORY_CACHE_SECONDS": str(CACHE_SECONDS),
        "EZABRZE_DIRECTORY_RETRY_SECONDS": str(RETRY_SECONDS),
        "EZABRZE_DIRECTORY_TIMEOUT": "2",
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    CACHE.clear()
    BREAKER.reset()
    yield slapd
    CACHE.clear()
    BREAKER.reset()
    directory_server("start")
