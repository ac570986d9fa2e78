"""The network registry for the infokiosks: the kiosks are the registry's infokiosks (ids, districts,
addresses), their earlier ids (k01–k17) redirect, and the start screen has the map tile with "you are here"
and its text alternative; the theme's upgrade 1002 moves the usage counts to the registry's ids."""

from ezabrze.theme.kiosk import usage
from ezabrze.theme.kiosk.interfaces import IKioskLayer
from ezabrze.theme.kiosk.mode import configured_kiosks
from plone import api
from plone.app.testing import logout
from zope.interface import alsoProvides

import lxml.html
import pytest
import requests


@pytest.fixture
def kiosk_request(portal, http_request):
    from ezabrze.policy.interfaces import IBrowserLayer
    from ezabrze.theme.interfaces import IBrowserLayer as IThemeLayer
    from plone.app.layout.interfaces import IPloneAppLayoutLayer

    alsoProvides(http_request, IBrowserLayer, IThemeLayer, IPloneAppLayoutLayer, IKioskLayer)
    http_request.set("ezabrze.kiosk", configured_kiosks()["infokiosk-05"])
    return http_request


def _map_tile(portal, request):
    logout()  # a kiosk-mode request is always anonymous
    tree = lxml.html.fromstring(api.content.get_view("infokiosk", portal, request)())
    [tile] = tree.xpath("//li[contains(@class, 'ezabrze-kiosk-tile-network-map')]")
    return tile


def test_the_kiosks_are_the_registrys_infokiosks(portal):
    kiosks = configured_kiosks()
    assert sorted(kiosks) == [f"infokiosk-{n:02d}" for n in range(1, 18)]
    kiosk = kiosks["infokiosk-05"]
    assert (kiosk.district, kiosk.location, kiosk.aliases) == ("centrum-poludnie", "ul. 3 Maja 120, 41-800 Zabrze", ("k05",))


def test_a_new_kiosk_node_is_a_kiosk_at_once(portal):
    registry = portal["strategia-e-zabrze"]["siec"]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            registry, "NetworkNode", id="infokiosk-18", title="Infokiosk nr 18", node_type="kiosk",
            address="ul. Wolności 1", latitude=50.3, longitude=18.78, district="centrum-polnoc", medium="fibre",
        )
    assert configured_kiosks()["infokiosk-18"].district == "centrum-polnoc"


def test_map_tile_marks_this_kiosk_and_names_the_nearest_points(portal, kiosk_request):
    tile = _map_tile(portal, kiosk_request)
    assert tile.xpath(".//h2/a")[0].text_content() == "Mapa infokiosków i hotspotów"
    [svg] = tile.xpath(".//svg")
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "kiosk-map-title kiosk-map-desc"
    assert "Centrum Południe" in svg.xpath(".//desc")[0].text_content()
    assert len(svg.xpath(".//circle[contains(@class, 'kiosk-map-node')]")) == 17 + 5 - 1
    assert svg.xpath(".//g[@class='kiosk-map-here']//text()")[0].strip() == "Tu jesteś"
    assert not svg.xpath(".//a")  # the text alternative below carries the links
    items = [li.text_content() for li in tile.xpath(".//ul/li")]
    assert items[0] == "Tu jesteś: Infokiosk nr 5, ul. 3 Maja 120, 41-800 Zabrze (Centrum Południe)"
    assert len(items) == 4 and all(" km stąd" in item for item in items[1:])
    distances = [float(item.rsplit("—", 1)[1].split()[0].replace(",", ".")) for item in items[1:]]
    assert distances == sorted(distances)
    assert "infokioski: 17, hotspoty: 5" in tile.text_content()
    hrefs = tile.xpath(".//a/@href")
    assert all(href.startswith(portal.absolute_url()) for href in hrefs)


def test_map_tile_shows_the_kinds_set_in_the_control_panel(portal, kiosk_request):
    api.portal.set_registry_record("ezabrze.policy.network_kiosk_map_types", ["hotspot"])
    [svg] = _map_tile(portal, kiosk_request).xpath(".//svg")
    assert len(svg.xpath(".//circle[contains(@class, 'kiosk-map-node')]")) == 5
    assert not svg.xpath(".//g[@class='kiosk-map-here']")  # this kiosk is not on a map of hotspots


def test_map_tile_leaves_out_nodes_that_are_not_public(portal, kiosk_request):
    registry = portal["strategia-e-zabrze"]["siec"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(registry["hotspot-1"], transition="make_internal")
    [svg] = _map_tile(portal, kiosk_request).xpath(".//svg")
    assert len(svg.xpath(".//circle[contains(@class, 'kiosk-map-node')]")) == 17 + 4 - 1


def test_theme_upgrade_moves_the_usage_counts_to_the_registry_ids(portal):
    usage._add(portal, "2026-11-30", "k05", "start", 3)
    usage._add(portal, "2026-11-30", "infokiosk-05", "start", 2)
    usage._add(portal, "2026-11-30", "k02", "aktualnosci", 1)
    usage._add(portal, "2026-11-30", "k99", "start", 4)  # no such kiosk in the registry: kept as it was
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile("ezabrze.theme:default", "1001")
    setup.upgradeProfile("ezabrze.theme:default")
    assert setup.getLastVersionForProfile("ezabrze.theme:default") == ("1002",)
    assert sorted(usage.report(portal, "2026-11-30", "2026-11-30")) == [
        ("2026-11-30", "infokiosk-02", "aktualnosci", 1),
        ("2026-11-30", "infokiosk-05", "start", 5),
        ("2026-11-30", "k99", "start", 4),
    ]


def test_kiosk_by_registry_id_and_earlier_ids_redirect(functional_portal):
    base = functional_portal.absolute_url()
    page = requests.get(f"{base}/++kiosk++infokiosk-05", headers={"Accept": "text/html"}, timeout=60)
    assert page.status_code == 200
    assert "ul. 3 Maja 120" in page.text and "Tu jesteś" in page.text
    old = requests.get(f"{base}/++kiosk++k05/aktualnosci?x=1", allow_redirects=False, timeout=60)
    assert old.status_code in (301, 302)
    assert old.headers["Location"] == f"{base}/++kiosk++infokiosk-05/aktualnosci?x=1"
    assert requests.get(f"{base}/++kiosk++k42", timeout=60).status_code == 404
