"""Login throttling: after too many wrong passwords the right one is refused too (REST 429, form 429)."""

from ezabrze.policy.security import login as login_throttle
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD

import pytest
import transaction


@pytest.fixture
def anon(functional_portal, request_factory):
    login_throttle.failures.reset()
    transaction.commit()
    yield request_factory(api=False)
    login_throttle.failures.reset()


def test_rest_login_is_throttled(anon):
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN):
        response = anon.post("/@login", json={"login": TEST_USER_NAME, "password": "wrong"},
                             headers={"Accept": "application/json"})
        assert response.status_code == 401
    response = anon.post("/@login", json={"login": TEST_USER_NAME, "password": TEST_USER_PASSWORD},
                         headers={"Accept": "application/json"})
    assert response.status_code == 429
    assert "token" not in response.json()


def test_rest_login_works_below_the_limit(anon):
    anon.post("/@login", json={"login": TEST_USER_NAME, "password": "wrong"}, headers={"Accept": "application/json"})
    response = anon.post("/@login", json={"login": TEST_USER_NAME, "password": TEST_USER_PASSWORD},
                         headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.json()["token"]


def test_other_logins_are_not_affected(anon):
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN):
        anon.post("/@login", json={"login": SITE_OWNER_NAME, "password": "wrong"},
                  headers={"Accept": "application/json"})
    response = anon.post("/@login", json={"login": TEST_USER_NAME, "password": TEST_USER_PASSWORD},
                         headers={"Accept": "application/json"})
    assert response.status_code == 200


def _form_login(session, password):
    return session.post("/login", data={"__ac_name": TEST_USER_NAME, "__ac_password": password,
                                        "buttons.login": "Log in", "came_from": ""}, allow_redirects=False)


def test_login_form_is_throttled(anon):
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN):
        response = _form_login(anon, "wrong")
        assert "__ac" not in response.cookies
    response = _form_login(anon, TEST_USER_PASSWORD)
    assert response.status_code == 429
    assert "__ac" not in response.cookies


def test_login_form_works_below_the_limit(anon):
    response = _form_login(anon, TEST_USER_PASSWORD)
    assert response.status_code in (200, 302)
    assert "__ac" in response.cookies
