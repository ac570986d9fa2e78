"""The infokiosk start screen shows the consultations and grant calls open now (ezabrze.theme kiosk tiles)."""

from ezabrze.theme.kiosk.interfaces import IKioskTile
from plone import api
from plone.app.testing import applyProfile
from zope.component import getMultiAdapter

import pytest


@pytest.fixture
def demo(portal):
    with api.env.adopt_roles(["Manager"]):
        applyProfile(portal, "ezabrze.ngo:demo")
    return portal


def _tile(portal, name):
    return getMultiAdapter((portal, portal.REQUEST), IKioskTile, name=name).tile()


def test_open_consultations_tile(demo):
    tile = _tile(demo, "ngo-consultations")
    assert tile["url"].endswith("/organizacje-pozarzadowe/konsultacje")
    urls = [item["url"] for item in tile["items"]]
    assert any(url.endswith("/program-wspolpracy-2027") for url in urls)
    # the consultation with a published report is not open
    assert not any(url.endswith("/program-wspolpracy-2026") for url in urls)


def test_open_grant_calls_tile(demo):
    tile = _tile(demo, "ngo-grant-calls")
    urls = [item["url"] for item in tile["items"]]
    assert any(url.endswith("/sport-dzieci-i-mlodziezy-2027") for url in urls)
    assert not any(url.endswith("/kultura-i-tradycja-2026") for url in urls)


def test_no_tile_when_nothing_is_open(portal):
    assert _tile(portal, "ngo-consultations") is None
    assert _tile(portal, "ngo-grant-calls") is None
