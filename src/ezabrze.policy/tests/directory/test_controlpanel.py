"""The control panel "Katalog domenowy": who may open it (Manager only: it holds the bind password), REST, a bad
group rule refused with a Polish message and nothing stored, a changed setting applies at once."""

from ezabrze.policy.directory import SETTINGS_PREFIX
from ezabrze.policy.directory.breaker import BREAKER
from ezabrze.policy.directory.groups import CACHE
from ezabrze.policy.testing.personas import create_personas
from ezabrze.policy.testing.personas import PASSWORD
from plone import api

import pytest
import transaction


@pytest.fixture
def people(functional_portal):
    create_personas(["siteadmin", "editor", "staff"])
    transaction.commit()
    return functional_portal


@pytest.mark.parametrize("persona", ["siteadmin", "editor", "staff"])
def test_only_managers_open_the_control_panel(people, request_factory, persona):
    session = request_factory(api=False, basic_auth=(persona, PASSWORD))
    response = session.get("/@@katalog-domenowy", allow_redirects=False)
    assert response.status_code in (302, 401, 403)
    assert "bind_password" not in response.text
    rest = request_factory(basic_auth=(persona, PASSWORD))
    response = rest.get("/@controlpanels/katalog-domenowy")
    assert response.status_code in (200, 401, 403)  # plone.restapi lets Site Administrators list panels
    assert "bind_password" not in response.text
    response = rest.patch("/@controlpanels/katalog-domenowy", json={"url": "ldap://evil.example"})
    assert response.status_code in (401, 403)


def test_password_never_sent(people, request_factory, monkeypatch):
    api.portal.set_registry_record(f"{SETTINGS_PREFIX}.bind_password", "tajne-haslo-portalu")
    transaction.commit()
    manager = request_factory(role="Manager")
    response = manager.get("/@controlpanels/katalog-domenowy")
    assert response.status_code == 200
    assert "tajne-haslo-portalu" not in response.text and "bind_password" not in response.text


def test_anonymous_gets_no_settings(people, request_factory):
    anon = request_factory(role="Anonymous")
    assert anon.get("/@controlpanels/katalog-domenowy").status_code == 401


def test_manager_reads_the_form_in_polish(people, request_factory):
    manager = request_factory(api=False, role="Manager")
    page = manager.get("/@@katalog-domenowy", headers={"Accept": "text/html", "Accept-Language": "pl"})
    assert page.status_code == 200
    assert "Reguły grup" in page.text and "Adres serwera katalogu" in page.text


def test_bad_rule_refused_over_rest(people, request_factory):
    manager = request_factory(role="Manager")
    response = manager.patch("/@controlpanels/katalog-domenowy", json={"group_rules": ["bez strzałki"]})
    assert response.status_code == 400
    transaction.begin()
    assert api.portal.get_registry_record(f"{SETTINGS_PREFIX}.group_rules")[0] == "jednostka-* -> unit-*"
    response = manager.patch("/@controlpanels/katalog-domenowy",
                             json={"group_rules": ["jednostka-* -> unit-*", "kierownicy -> Reviewers"]})
    assert response.status_code == 204
    data = manager.get("/@controlpanels/katalog-domenowy").json()["data"]
    assert data["group_rules"][-1] == "kierownicy -> Reviewers"


def test_changed_settings_apply_at_once(portal):
    CACHE.set(("groups", "someone"), ("unit-mops",), 300)
    BREAKER.failed("down", 300)
    api.portal.set_registry_record(f"{SETTINGS_PREFIX}.cache_seconds", 60)
    assert CACHE.get(("groups", "someone")) is None
    assert not BREAKER.is_open


def test_rule_error_is_polish(portal, http_request):
    from ezabrze.policy.directory.interfaces import valid_rule
    from zope.i18n import translate
    from zope.interface import Invalid

    http_request["LANGUAGE"] = "pl"
    with pytest.raises(Invalid) as error:
        valid_rule("bez strzałki")
    assert "To nie jest reguła" in translate(error.value.args[0], target_language="pl")
