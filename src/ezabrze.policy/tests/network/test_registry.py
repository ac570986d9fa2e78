"""The network registry: demo figures, totals computed from the data, who sees what (pages, search, GeoJSON,
CSV), the map, faults, the workflow guard."""

from AccessControl import Unauthorized
from ezabrze.policy.network import geo
from ezabrze.policy.network.totals import totals
from ezabrze.policy.testing.personas import create_personas
from plone import api
from plone.app.testing import logout

import csv
import io
import json
import pytest


@pytest.fixture
def registry(portal):
    return portal["strategia-e-zabrze"]["siec"]


def _view(context, name, **form):
    request = context.REQUEST
    request.form.clear()
    request.form.update(form)
    return api.content.get_view(name, context, request)


def test_demo_matches_the_seed_figures_exactly(registry):
    assert totals(registry) == {
        "fibre_km": 100.0,
        "connections": 216,
        "kiosks": 17,
        "cameras": 24,
        "hotspots": 5,
        "access_points": 50,
        "connected_sites": 178,
        "wimax_coverage": 90,
    }
    cameras = [n for n in registry.objectValues() if getattr(n, "node_type", None) == "camera"]
    assert sorted(n.medium for n in cameras).count("fibre") == 16
    assert sorted(n.medium for n in cameras).count("wimax") == 8


def test_every_node_lies_in_its_district_inside_the_city(registry):
    ring = geo.outline()
    for node in registry.objectValues():
        if node.portal_type == "NetworkNode":
            assert geo.contains(ring, node.longitude, node.latitude), node.getId()
            assert geo.district_at(node.longitude, node.latitude) == node.district, node.getId()


def test_totals_follow_the_data(registry):
    before = totals(registry)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            registry, "NetworkNode", id="kiosk-nowy", title="Nowy infokiosk", node_type="kiosk",
            address="ul. Wolności 1", latitude=50.3, longitude=18.78, district="centrum-polnoc", medium="fibre",
        )
        api.content.delete(registry["odcinek-001"])
    after = totals(registry)
    assert after["kiosks"] == before["kiosks"] + 1
    assert after["connections"] == before["connections"] + 1
    assert after["fibre_km"] < before["fibre_km"]


def test_coverage_is_computed_from_positions():
    west, south, east, north = geo.bounds()
    centre = ((south + north) / 2, (west + east) / 2)
    assert geo.coverage([], 1.0) == 0.0
    assert 0 < geo.coverage([centre], 1.0) < 0.2
    assert geo.coverage([centre], 50.0) == 1.0


PUBLIC = ("infokiosk-01", "kamera-01", "kamera-20", "hotspot-1", "punkt-wimax-01")
INTERNAL = ("komenda-miejska-policji-w-zabrzu", "szkola-podstawowa-nr-1", "odcinek-001")


def test_public_and_staff_only_items(registry):
    for id_ in PUBLIC:
        assert api.content.get_state(registry[id_]) == "public", id_
    for id_ in INTERNAL:
        assert api.content.get_state(registry[id_]) == "internal", id_


@pytest.mark.parametrize(
    "user, sees_internal, may_report, may_edit",
    [
        (None, False, False, False),
        ("resident", False, False, False),
        ("staff", True, True, False),
        ("editor", True, True, True),
        ("admin", True, True, True),
    ],
)
def test_permission_matrix(registry, user, sees_internal, may_report, may_edit):
    if user:
        create_personas([user])
    site, kiosk = registry["szkola-podstawowa-nr-1"], registry["infokiosk-01"]

    def check():
        assert api.user.has_permission("View", obj=kiosk)
        assert api.user.has_permission("View", obj=site) is sees_internal
        assert api.user.has_permission("View", obj=registry["odcinek-001"]) is sees_internal
        assert api.user.has_permission("ezabrze.policy: View network internals", obj=kiosk) is sees_internal
        assert api.user.has_permission("ezabrze.policy: Report network fault", obj=kiosk) is may_report
        assert api.user.has_permission("Modify portal content", obj=kiosk) is may_edit
        assert api.user.has_permission("ezabrze.policy: Add network nodes and segments", obj=registry) is may_edit
        map_html = _view(registry, "mapa-sieci")()
        assert ("Szkoła Podstawowa nr 1<" in map_html) is sees_internal
        assert ("Sieć szkieletowa:" in map_html) is sees_internal
        assert "Infokiosk nr 1<" in map_html
        kiosk_html = _view(kiosk, "view")()
        assert ("Przełącznik dostępowy SW-K01" in kiosk_html) is sees_internal
        assert ("zglos-awarie" in kiosk_html) is may_report
        data = json.loads(_view(registry, "siec.geojson")())
        ids = {f["id"] for f in data["features"]}
        assert ("szkola-podstawowa-nr-1" in ids) is sees_internal
        assert ("odcinek-001" in ids) is sees_internal
        assert len([i for i in ids if i.startswith("infokiosk-")]) == 17
        text = json.dumps(data, ensure_ascii=False)
        assert ("Przełącznik dostępowy" in text) is sees_internal
        rows = list(csv.reader(io.StringIO(_view(registry, "siec.csv")().lstrip("\ufeff")), delimiter=";"))
        assert ("Dane techniczne" in rows[0]) is sees_internal
        assert len(rows) - 1 == (266 if sees_internal else 88)
        found = {b.getId for b in api.content.find(portal_type=["NetworkNode", "FibreSegment"])}
        assert ("szkola-podstawowa-nr-1" in found) is sees_internal
        assert ("odcinek-001" in found) is sees_internal
        assert not api.content.find(SearchableText="Przełącznik")

    if user is None:
        logout()
        check()
    else:
        with api.env.adopt_user(username=user):
            check()


def test_map_filters_and_keyboard_reachable_nodes(registry):
    logout()
    view = _view(registry, "mapa-sieci", type=["kiosk", "nonsense"], status="fault")
    html = view()
    assert view.filters == {"type": ["kiosk"], "status": ["fault"]}
    assert [n["id"] for n in view.nodes()] == ["infokiosk-07"]
    svg = view.svg()
    assert svg.count("<a href=") == 1 and 'aria-label="Infokiosk nr 7' in svg
    assert "<title" in svg and "<desc" in svg and "Zaborze" in svg
    assert "Infokiosk nr 7" in html and "Sieć światłowodowa (km)" in html
    listing = _view(registry, "wykaz-sieci")()
    assert listing.count("<tr>") >= 88


def test_staff_reports_a_fault_and_the_public_status_follows(registry):
    create_personas(["staff", "resident"])
    hotspot = registry["hotspot-2"]
    request = hotspot.REQUEST
    request.method = "POST"
    with api.env.adopt_user(username="resident"):
        with pytest.raises(Unauthorized):
            _view(hotspot, "zglos-awarie", status="fault", comment="Nie działa")()
    with api.env.adopt_user(username="staff"):
        from plone.protect.authenticator import createToken

        with pytest.raises(Exception, match="authenticator"):
            _view(hotspot, "zglos-awarie", status="fault", comment="Nie działa")()
        _view(hotspot, "zglos-awarie", status="broken", comment="x", _authenticator=createToken())()
        assert hotspot.node_status == "working"
        _view(hotspot, "zglos-awarie", status="fault", comment="Brak sygnału", _authenticator=createToken())()
    assert hotspot.node_status == "fault"
    assert hotspot.faults[-1]["comment"] == "Brak sygnału"
    logout()
    request.method = "GET"
    data = json.loads(_view(registry, "siec.geojson", status="fault")())
    assert "hotspot-2" in {f["id"] for f in data["features"]}
    assert "Brak sygnału" not in _view(hotspot, "view")()


def test_connected_site_and_segment_cannot_be_made_public(registry):
    with api.env.adopt_roles(["Manager"]):
        for id_ in ("szkola-podstawowa-nr-1", "odcinek-001"):
            transitions = [t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(registry[id_])]
            assert "make_public" not in transitions
        assert "make_internal" in [
            t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(registry["infokiosk-01"])
        ]


def test_coordinates_outside_zabrze_are_refused():
    from ezabrze.policy.network.content import INetworkNode
    from zope.interface import Invalid

    with pytest.raises(Invalid):
        INetworkNode["latitude"].validate(52.2)
    INetworkNode["latitude"].validate(50.3)


def test_geojson_of_the_city_ships_with_twelve_districts():
    data = geo.city()
    assert len(geo.districts()) == 12
    assert data["features"][0]["properties"]["kind"] == "city"




@pytest.fixture
def owned_nodes(portal, registry):
    """The demo loader run again with the demo units there (this layer has none): a kiosk, a camera, a hotspot,
    an access point and two connected sites are created anew, each with the unit the data file names."""
    from ezabrze.policy.demo import units
    from ezabrze.policy.network import setup as network_setup

    ids = ["infokiosk-01", "kamera-01", "hotspot-1", "szpital-miejski-w-zabrzu", "szkola-podstawowa-nr-1"]
    ids += [n.getId() for n in registry.objectValues() if getattr(n, "node_type", None) == "access_point"][:1]
    with api.env.adopt_roles(["Manager"]):
        units.create(portal)
        for id_ in ids:
            api.content.delete(registry[id_], check_linkintegrity=False)
        network_setup.load_demo(portal)
    return [registry[id_] for id_ in ids]


def test_every_demo_node_names_a_demo_unit_as_its_owner(portal):
    from ezabrze.policy.demo import read
    from ezabrze.policy.network.setup import DEMO_DATA

    unit_ids = {unit["id"] for unit in read("units.json")["units"]}
    nodes = json.loads(DEMO_DATA.read_text(encoding="utf-8"))["nodes"]
    assert {node["owner_unit"] for node in nodes} <= unit_ids
    owners = {}
    for node in nodes:
        owners.setdefault(node["node_type"], set()).add(node["owner_unit"])
    assert owners["camera"] == {"straz-miejska"}
    assert owners["kiosk"] == owners["hotspot"] == owners["access_point"] == {"miejski-zarzad-drog"}
    assert {"szpital-miejski", "biblioteka", "miejski-zarzad-drog"} <= owners["site"]


def test_the_loader_links_each_node_to_its_owning_unit(owned_nodes):
    owners = {node.getId(): node.owner_unit.to_object.getId() for node in owned_nodes}
    assert owners["infokiosk-01"] == owners["hotspot-1"] == "miejski-zarzad-drog"
    assert owners["kamera-01"] == "straz-miejska"
    assert owners["szpital-miejski-w-zabrzu"] == "szpital-miejski"
    assert all(node.owner_unit.to_object.portal_type == "OrganizationalUnit" for node in owned_nodes)


def test_node_page_names_its_owning_unit(owned_nodes, registry):
    logout()
    html = registry["infokiosk-01"]()
    assert "Miejski Zarząd Dróg i Infrastruktury Informatycznej w Zabrzu" in html
