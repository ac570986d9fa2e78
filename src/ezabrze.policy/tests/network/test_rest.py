"""REST (real HTTP) of the network registry: @network and nodes as content, without staff-only data for the
public; GeoJSON and CSV over HTTP; no 5xx for odd input."""

from ezabrze.policy.testing.personas import create_personas
from ezabrze.policy.testing.personas import PASSWORD

import pytest
import transaction


BASE = "/strategia-e-zabrze/siec"


@pytest.fixture
def people(functional_portal):
    create_personas(["staff", "resident"])
    transaction.commit()


def test_network_service_for_anonymous(anon_request):
    response = anon_request.get(f"{BASE}/@network")
    assert response.status_code == 200
    data = response.json()
    assert data["totals"]["connections"] == 216 and data["totals"]["fibre_km"] == 100.0
    kinds = {f["properties"].get("node_type") for f in data["geojson"]["features"]}
    assert kinds == {"kiosk", "camera", "hotspot", "access_point"}
    assert all(f["geometry"]["type"] == "Point" for f in data["geojson"]["features"])
    assert "Przełącznik" not in response.text and "Klucze" not in response.text


def test_network_service_for_staff(request_factory, people):
    session = request_factory(basic_auth=("staff", PASSWORD))
    data = session.get(f"{BASE}/@network").json()
    kinds = {f["properties"].get("node_type") for f in data["geojson"]["features"]}
    assert "site" in kinds
    assert any(f["geometry"]["type"] == "LineString" for f in data["geojson"]["features"])


def test_node_content_hides_internal_fields_from_the_public(anon_request, request_factory, people):
    public = anon_request.get(f"{BASE}/infokiosk-01").json()
    assert public["address"] and "technical_details" not in public and "internal_notes" not in public
    assert anon_request.get(f"{BASE}/szkola-podstawowa-nr-1").status_code == 401
    assert anon_request.get(f"{BASE}/odcinek-001").status_code == 401
    listing = anon_request.get("/@search", params={"portal_type": "NetworkNode", "b_size": 500}).json()
    assert listing["items_total"] == 88
    staff = request_factory(basic_auth=("staff", PASSWORD)).get(f"{BASE}/infokiosk-01").json()
    assert staff["technical_details"].startswith("Przełącznik")


@pytest.mark.parametrize(
    "path",
    [
        "/siec.geojson?type=kiosk&type=%00&status=x",
        "/siec.csv?status[]=1",
        "/mapa-sieci?type:list=kiosk&status=1",
        "/wykaz-sieci?type:record=1",
        "/infokiosk-01/zglos-awarie",
    ],
)
def test_odd_input_is_never_a_server_error(request_factory, path):
    session = request_factory(api=False)
    response = session.get(BASE + path)
    assert response.status_code < 500


def test_relation_to_a_private_project_is_left_out_for_the_public(anon_request, request_factory, functional_portal):
    from plone import api
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    strategy = functional_portal["strategia-e-zabrze"]["strategia-2020"]
    with api.env.adopt_roles(["Manager"]):
        draft = api.content.create(
            strategy, "StrategyProject", id="projekt-wewnetrzny", title="Projekt wewnętrzny Omega",
            goals=["infrastruktura"],
        )
        kiosk = functional_portal["strategia-e-zabrze"]["siec"]["infokiosk-02"]
        kiosk.project = RelationValue(getUtility(IIntIds).getId(draft))
    transaction.commit()
    data = anon_request.get(f"{BASE}/infokiosk-02").json()
    assert data["project"] is None
    page = request_factory(api=False).get(f"{BASE}/infokiosk-02")
    assert page.status_code == 200 and "Infokiosk nr 2" in page.text
    assert "Omega" not in page.text
