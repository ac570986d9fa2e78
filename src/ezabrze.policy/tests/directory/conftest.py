"""A real OpenLDAP directory for the sign-on tests (scripts/directory_server.py: slapd on loopback, demo tree), the
settings that point the portal at it (environment, as in production) and the fixtures of a unit's cases."""

from collective.easyform.api import get_actions
from collective.honeypot.config import HONEYPOT_FIELD
from ezabrze.policy.cases import api as cases_api
from ezabrze.policy.cases import ratelimit
from ezabrze.policy.directory.breaker import BREAKER
from ezabrze.policy.directory.groups import CACHE
from ezabrze.policy.security import login as login_throttle
from ezabrze.policy.testing.directory import CACHE_SECONDS
from ezabrze.policy.testing.directory import directory_server
from ezabrze.policy.testing.directory import RETRY_SECONDS
from ezabrze.policy.testing.directory import SUFFIX
from ezabrze.policy.testing.directory import URL
from pathlib import Path
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

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
    login_throttle.failures.reset()
    yield slapd
    CACHE.clear()
    BREAKER.reset()
    directory_server("start")


UNITS = (
    ("mops", "Miejski Ośrodek Pomocy Społecznej w Zabrzu"),
    ("biuro-obslugi-mieszkancow", "Biuro Obsługi Mieszkańców"),
    ("wydzial-organizacyjny", "Wydział Organizacyjny"),
    ("wydzial-komunikacji", "Wydział Komunikacji"),
    ("biuro-rad-dzielnic", "Biuro Rad Dzielnic i Budżetu Obywatelskiego"),
    ("wydzial-informatyki", "Wydział Informatyki"),
)


def make_units(portal):
    units = portal["dla-mieszkancow"]["jednostki"]
    for unit_id, title in UNITS:
        if unit_id not in units:
            api.content.create(container=units, type="OrganizationalUnit", id=unit_id, title=title)
        cases_api.ensure_unit_group(unit_id)


def submit_case(portal, request, unit_id):
    """A resident's case (the real form action of the problem form), routed to the unit."""
    easyform = portal.unrestrictedTraverse("dla-mieszkancow/formularze/zglos-problem")
    request.form[HONEYPOT_FIELD] = ""
    fields = {"category": "inne", "description": f"Sprawa dla {unit_id}", "address": "ul. Wolności 1",
              "email": "jan@example.com"}
    get_actions(easyform)["utworz_sprawe"].onSuccess(fields, request)
    case = cases_api.find_case(request.get("ezabrze.cases.created")["sign"])
    with api.env.adopt_roles(["Manager"]):
        cases_api.grant_unit(case, unit_id, previous=case.unit_id)
    return case


@pytest.fixture
def units(portal, http_request):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    ratelimit.submissions.reset()
    http_request["REMOTE_ADDR"] = "192.0.2.10"
    make_units(portal)
    setRoles(portal, TEST_USER_ID, ["Member"])
    return portal
