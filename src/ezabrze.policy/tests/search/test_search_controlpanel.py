"""The control panel "Synonimy wyszukiwania": who may change the synonyms, and that bad lines are refused."""

from ezabrze.policy.search import CONTROLPANEL_VIEW
from plone import api

import pytest


PERMISSION = "ezabrze.policy: Manage search settings"


@pytest.mark.parametrize(
    "roles, allowed",
    [
        (["Member"], False),
        (["Contributor"], False),
        (["Reviewer"], False),
        (["Editor"], True),
        (["Site Administrator"], True),
        (["Manager"], True),
    ],
)
def test_permission(portal, roles, allowed):
    user = api.user.create(email="osoba@um.zabrze.pl", username="osoba", password="Haslo-osoby-123")
    api.user.grant_roles(username="osoba", roles=roles)
    assert api.user.has_permission(PERMISSION, user=user, obj=portal) is allowed


def test_anonymous_may_not(portal):
    assert "Anonymous" not in [r["name"] for r in portal.rolesOfPermission(PERMISSION) if r["selected"]]


def test_rest_refuses_a_bad_line_and_stores_nothing(functional_portal, manager_request):
    path = f"/@controlpanels/{CONTROLPANEL_VIEW}"

    def stored():
        return manager_request.get(path).json()["data"]["search_synonyms"]

    before = stored()
    assert "śmieci: odpady" in before
    response = manager_request.patch(path, json={"search_synonyms": ["to nie jest linia"]})
    assert response.status_code == 400, response.text
    assert stored() == before
    response = manager_request.patch(path, json={"search_synonyms": ["gruz: odpady"]})
    assert response.status_code == 204, response.text
    assert stored() == ["gruz: odpady"]


def test_anonymous_rest_may_not_change_synonyms(functional_portal, anon_request):
    response = anon_request.patch(f"/@controlpanels/{CONTROLPANEL_VIEW}", json={"search_synonyms": ["a: b"]})
    assert response.status_code == 401
