"""The start screen: the kiosk's district first, contact and opening hours, tiles of other features."""

from ezabrze.theme.kiosk.interfaces import IKioskLayer
from ezabrze.theme.kiosk.interfaces import IKioskTile
from ezabrze.theme.kiosk.mode import configured_kiosks
from plone import api
from zope.component import adapter
from zope.component import getGlobalSiteManager
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.interface import Interface

import lxml.html
import pytest


@pytest.fixture
def kiosk_request(portal, layer_request):
    alsoProvides(layer_request, IKioskLayer)
    layer_request.set("ezabrze.kiosk", configured_kiosks()["k05"])
    return layer_request


def start_tree(portal, request):
    view = api.content.get_view("infokiosk", portal, request)
    return lxml.html.fromstring(view())


class TestStartScreen:
    def test_only_in_kiosk_mode(self, portal, layer_request):
        from zope.component import queryMultiAdapter

        assert queryMultiAdapter((portal, layer_request), name="infokiosk") is None

    def test_where_am_i(self, portal, kiosk_request):
        tree = start_tree(portal, kiosk_request)
        where = tree.xpath("//p[contains(@class, 'ezabrze-kiosk-where')]")[0].text_content()
        assert "ul. Ks. Józefa Dworskiego, pętla autobusowa" in " ".join(where.split())
        assert "zaborze" in where

    def test_district_council_of_the_kiosk_first(self, manager, portal, kiosk_request):
        section = api.content.create(container=portal, type="Folder", id="rady-dzielnic", title="Rady dzielnic")
        api.content.create(container=section, type="Folder", id="zaborze", title="Rada Dzielnicy Zaborze")
        api.content.create(container=section, type="Folder", id="biskupice", title="Rada Dzielnicy Biskupice")
        tree = start_tree(portal, kiosk_request)
        [tile] = tree.xpath("//li[contains(@class, 'ezabrze-kiosk-tile-notices')]")
        headings = [a.text_content() for a in tile.xpath(".//h2/a")]
        assert headings == ["Rada Dzielnicy Zaborze"]
        assert tile.xpath(".//h2/a/@href") == [f"{portal.absolute_url()}/rady-dzielnic/zaborze"]
        assert "Ogłoszenia wszystkich rad dzielnic" in tile.text_content()
        assert "Zaborze" in tree.xpath("//p[contains(@class, 'ezabrze-kiosk-where')]")[0].text_content()

    def test_without_councils_no_notices_tile(self, portal, kiosk_request):
        tree = start_tree(portal, kiosk_request)
        assert not tree.xpath("//li[contains(@class, 'ezabrze-kiosk-tile-notices')]")

    def test_news_tile_lists_published_news_only(self, manager, portal, kiosk_request):
        published = api.content.create(container=portal, type="News Item", id="n1", title="Nowy park")
        api.content.transition(published, "publish")
        api.content.create(container=portal, type="News Item", id="n2", title="Szkic wiadomości")
        tree = start_tree(portal, kiosk_request)
        [tile] = tree.xpath("//li[contains(@class, 'ezabrze-kiosk-tile-news')]")
        assert [a.text_content() for a in tile.xpath(".//li/a")] == ["Nowy park"]

    def test_contact_and_opening_hours(self, portal, kiosk_request):
        api.portal.set_registry_record("ezabrze.theme.kiosk.opening_hours", "pon.: 8–16\n\npt.: 8–13")
        tree = start_tree(portal, kiosk_request)
        [tile] = tree.xpath("//li[contains(@class, 'ezabrze-kiosk-tile-contact')]")
        assert "+48 32 373 33 00" in tile.text_content()
        assert [li.text_content() for li in tile.xpath(".//ul/li")] == ["pon.: 8–16", "pt.: 8–13"]

    def test_search_goes_to_site_search_without_a_catalogue(self, portal, kiosk_request):
        tree = start_tree(portal, kiosk_request)
        [form] = tree.xpath("//form[contains(@class, 'ezabrze-kiosk-search')]")
        assert form.get("action") == f"{portal.absolute_url()}/@@search"
        assert not tree.xpath("//li[contains(@class, 'ezabrze-kiosk-tile-az')]")

    def test_tiles_of_other_features(self, portal, kiosk_request):
        @implementer(IKioskTile)
        @adapter(Interface, IKioskLayer)
        class Consultations:
            def __init__(self, context, request):
                self.context = context

            def tile(self):
                return {
                    "title": "Konsultacje społeczne",
                    "url": f"{self.context.absolute_url()}/konsultacje",
                    "items": [{"title": "Projekt uchwały o zieleni", "url": "x"}],
                }

        @implementer(IKioskTile)
        @adapter(Interface, IKioskLayer)
        class NothingNow:
            def __init__(self, context, request):
                pass

            def tile(self):
                return None

        registry = getGlobalSiteManager()
        registry.registerAdapter(Consultations, name="konsultacje")
        registry.registerAdapter(NothingNow, name="mapa")
        try:
            tree = start_tree(portal, kiosk_request)
        finally:
            registry.unregisterAdapter(Consultations, name="konsultacje")
            registry.unregisterAdapter(NothingNow, name="mapa")
        [tile] = tree.xpath("//li[contains(@class, 'ezabrze-kiosk-tile-konsultacje')]")
        assert tile.xpath(".//h2/a/text()") == ["Konsultacje społeczne"]
        assert tile.xpath(".//li/a/text()") == ["Projekt uchwały o zieleni"]
        assert not tree.xpath("//li[contains(@class, 'ezabrze-kiosk-tile-mapa')]")
