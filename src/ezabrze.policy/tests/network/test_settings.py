"""The settings of the network registry (control panel "Rejestr sieci miejskiej", REST @controlpanels) and what
they change: the kinds that may be public, the WiMax range and the coverage as reported; the network
workflow's titles in Polish."""

from ezabrze.policy.network import SETTINGS_PERMISSION
from ezabrze.policy.network.totals import totals
from ezabrze.policy.testing.personas import create_personas
from ezabrze.policy.testing.personas import PASSWORD
from plone import api
from zope.i18n import translate

import pytest
import transaction


RECORD = "ezabrze.policy.network_{}"


@pytest.fixture
def registry(portal):
    return portal["strategia-e-zabrze"]["siec"]


def test_reported_coverage_replaces_the_computed_one(registry):
    assert totals(registry)["wimax_coverage"] == 90
    api.portal.set_registry_record(RECORD.format("wimax_coverage"), 87)
    assert totals(registry)["wimax_coverage"] == 87
    api.portal.get_tool("portal_registry")[RECORD.format("wimax_coverage")] = None
    assert totals(registry)["wimax_coverage"] == 90


def test_range_of_an_access_point_changes_the_computed_coverage(registry):
    api.portal.set_registry_record(RECORD.format("wimax_range_km"), 0.5)
    smaller = totals(registry)["wimax_coverage"]
    assert 0 < smaller < 90
    api.portal.set_registry_record(RECORD.format("wimax_range_km"), 5.0)
    assert totals(registry)["wimax_coverage"] == 100


def test_only_the_kinds_set_may_be_made_public(registry):
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(registry["hotspot-1"], transition="make_internal")
        api.portal.set_registry_record(RECORD.format("public_node_types"), ["kiosk", "camera"])
        assert "make_public" not in [t["id"] for t in workflow.getTransitionsFor(registry["hotspot-1"])]
        api.portal.set_registry_record(RECORD.format("public_node_types"), ["kiosk", "hotspot"])
        api.content.transition(registry["hotspot-1"], transition="make_public")
        site = next(n for n in registry.objectValues() if getattr(n, "node_type", None) == "site")
        assert "make_public" not in [t["id"] for t in workflow.getTransitionsFor(site)]
    assert api.content.get_state(registry["hotspot-1"]) == "public"


def test_connected_sites_are_not_offered_as_public(portal):
    from ezabrze.policy.network.vocabularies import public_node_types

    assert [term.value for term in public_node_types()] == ["kiosk", "camera", "hotspot", "access_point"]


def test_workflow_titles_are_polish(portal):
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById("ezabrze_network_workflow")
    texts = [workflow.title, workflow.description]
    for item in (*workflow.states.values(), *workflow.transitions.values()):
        texts += [item.title, item.description]
    texts += [t.actbox_name for t in workflow.transitions.values()]
    polish = {text: translate(text, domain="plone", target_language="pl") for text in texts}
    assert [text for text, translated in polish.items() if translated == text] == []
    assert polish["Public"] == "Publiczny"
    assert polish["Restrict to staff"] == "Ogranicz do pracowników"


@pytest.fixture
def people(functional_portal):
    create_personas(["staff", "resident", "editor"])
    transaction.commit()


@pytest.mark.parametrize(
    "roles, allowed",
    [(["Member"], False), (["Editor"], False), (["Reviewer"], False), (["Site Administrator"], True), (["Manager"], True)],
)
def test_who_may_change_the_settings(portal, roles, allowed):
    user = api.user.create(email="osoba@um.zabrze.pl", username="osoba", password="Haslo-osoby-123")
    api.user.grant_roles(username="osoba", roles=roles)
    assert api.user.has_permission(SETTINGS_PERMISSION, user=user, obj=portal) is allowed


def test_anonymous_may_not_change_the_settings(portal):
    assert "Anonymous" not in [r["name"] for r in portal.rolesOfPermission(SETTINGS_PERMISSION) if r["selected"]]


def test_control_panel_is_polish_and_for_administrators_only(manager_request, request_factory, anon_request, people):
    page = manager_request.get("/@@ustawienia-sieci")
    assert page.status_code == 200
    assert "Rejestr sieci miejskiej" in page.text
    assert "Zasięg punktu dostępowego WiMax (km)" in page.text
    assert "Infokiosk" in page.text and "Podłączony obiekt" not in page.text
    for name in (None, "staff", "editor"):
        session = request_factory(basic_auth=(name, PASSWORD)) if name else anon_request
        response = session.get("/@@ustawienia-sieci", allow_redirects=False)
        assert response.status_code in (302, 401, 403)
        assert "Zasięg punktu" not in response.text


def test_settings_over_rest(manager_request, request_factory, anon_request, people):
    admin = manager_request
    data = admin.get("/@controlpanels/ustawienia-sieci").json()
    assert data["data"]["network_wimax_range_km"] == 1.08
    response = admin.patch("/@controlpanels/ustawienia-sieci", json={"network_wimax_coverage": 88})
    assert response.status_code == 204
    assert anon_request.get("/strategia-e-zabrze/siec/@network").json()["totals"]["wimax_coverage"] == 88
    response = admin.patch("/@controlpanels/ustawienia-sieci", json={"network_wimax_coverage": 140})
    assert response.status_code == 400
    staff = request_factory(basic_auth=("staff", PASSWORD))
    assert staff.patch("/@controlpanels/ustawienia-sieci", json={"network_wimax_coverage": 1}).status_code in (
        401, 403,
    )
    assert anon_request.get("/strategia-e-zabrze/siec/@network").json()["totals"]["wimax_coverage"] == 88
