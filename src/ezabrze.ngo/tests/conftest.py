from ezabrze.ngo.testing import FUNCTIONAL_TESTING
from ezabrze.ngo.testing import INTEGRATION_TESTING
from ezabrze.ngo.testing import NOW
from pytest_plone import fixtures_factory

import os
import pytest


# No background consultation clock in the test process: it would commit into the layers' database every minute
# (plone.testing's TestIsolationBroken). Its tests start their own ClockThread (test_consultation_clock.py).
os.environ["EZABRZE_NGO_CLOCK_SECONDS"] = "0"


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)



class FrozenClock:
    def __init__(self, monkeypatch, now):
        self.now = now
        monkeypatch.setattr("ezabrze.ngo.clock.now", lambda: self.now)

    def set(self, value):
        self.now = value


@pytest.fixture
def frozen(monkeypatch):
    return FrozenClock(monkeypatch, NOW)


@pytest.fixture
def world(portal):
    """Personas, two verified organizations, as a Manager."""
    from ezabrze.ngo.testing import make_personas
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    return make_personas(portal)


@pytest.fixture
def login_as(portal):
    from plone.app.testing import login
    from plone.app.testing import logout

    def switch(name):
        if name == "anonymous":
            logout()
        else:
            login(portal, name)

    return switch


@pytest.fixture(autouse=True)
def _fresh_form_limits():
    """The limits of the participation forms count in memory per process: every test starts from zero."""
    from ezabrze.ngo import limits

    limits.reset()
    yield
    limits.reset()


@pytest.fixture
def session(functional_portal):
    """``session(user=None, json=True)``: a session on the functional site (JSON REST headers unless ``json``
    is false), as ``user`` (password of the test personas) or anonymous; closed after the test."""
    from ezabrze.ngo.testing import PASSWORD
    from plone.restapi.testing import RelativeSession

    sessions = []

    def make(user=None, json=True):
        s = RelativeSession(functional_portal.absolute_url(), test=None)
        if json:
            s.headers.update({"Accept": "application/json", "Content-Type": "application/json"})
        if user:
            s.auth = (user, PASSWORD)
        sessions.append(s)
        return s

    yield make
    for s in sessions:
        s.close()
