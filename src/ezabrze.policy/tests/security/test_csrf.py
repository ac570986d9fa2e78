"""CSRF on REST with the login cookie: a foreign Origin or a non-JSON body is refused (403); token and
Basic clients, and same-origin JSON requests with the cookie, keep working."""

from ezabrze.policy.security.csrf import same_origin
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.session import tktauth

import binascii
import json
import pytest
import transaction


@pytest.fixture
def cookie_session(functional_portal, request_factory):
    """A REST session logged in by the plone.session cookie ``__ac`` as a Manager, as a browser would be."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    plugin = functional_portal.acl_users.session
    ticket = tktauth.createTicket(
        secret=plugin._getSigningSecret(TEST_USER_ID), userid=TEST_USER_ID, mod_auth_tkt=False
    )
    transaction.commit()
    session = request_factory()  # anonymous: no Authorization header
    session.cookies.set("__ac", binascii.b2a_base64(ticket).rstrip().decode())
    return session


def _page(title):
    return json.dumps({"@type": "Document", "id": title, "title": title})


def _titles(portal):
    transaction.begin()
    return set(portal.objectIds())


def test_cookie_login_works_for_same_origin_json(cookie_session, functional_portal):
    site_url = cookie_session.get("/", headers={"Accept": "application/json"}).json()["@id"]
    origin = site_url.rsplit("/", 1)[0]
    response = cookie_session.post(
        "/", data=_page("rest-ok"), headers={"Content-Type": "application/json", "Origin": origin,
                                             "Accept": "application/json"},
    )
    assert response.status_code == 201, response.text
    assert "rest-ok" in _titles(functional_portal)


def test_cookie_login_text_plain_is_refused(cookie_session, functional_portal):
    response = cookie_session.post(
        "/", data=_page("csrf-plain"), headers={"Content-Type": "text/plain", "Accept": "application/json"}
    )
    assert response.status_code == 403
    assert "JSON" in response.json()["message"]
    assert "csrf-plain" not in _titles(functional_portal)


def test_cookie_login_foreign_origin_is_refused(cookie_session, functional_portal):
    response = cookie_session.post(
        "/", data=_page("csrf-origin"),
        headers={"Content-Type": "application/json", "Origin": "https://attacker.example",
                 "Accept": "application/json"},
    )
    assert response.status_code == 403
    assert "csrf-origin" not in _titles(functional_portal)
    response = cookie_session.post(
        "/@users", json={"username": "evil", "email": "evil@example.com", "password": "Evil-Password-1",
                         "roles": ["Manager"]},
        headers={"Origin": "https://attacker.example", "Accept": "application/json"},
    )
    assert response.status_code == 403
    transaction.begin()
    assert api.user.get(username="evil") is None


def test_token_clients_keep_working(functional_portal, request_factory):
    session = request_factory()
    token = session.post("/@login", json={"login": SITE_OWNER_NAME, "password": SITE_OWNER_PASSWORD}).json()["token"]
    session.headers["Authorization"] = f"Bearer {token}"
    session.cookies.set("__ac", "stale")  # a browser-ish client that also has some cookie
    response = session.post(
        "/", data=_page("token-ok"),
        headers={"Content-Type": "text/plain", "Origin": "https://app.example", "Accept": "application/json"},
    )
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "origin,server,same",
    [
        ("http://localhost:8080", "http://localhost:8080", True),
        ("https://www.zabrze.pl", "https://www.zabrze.pl:443", True),
        ("https://www.zabrze.pl", "http://www.zabrze.pl", False),
        ("https://attacker.example", "https://www.zabrze.pl", False),
        ("null", "https://www.zabrze.pl", False),
    ],
)
def test_same_origin(origin, server, same):
    assert same_origin(origin, server) is same
