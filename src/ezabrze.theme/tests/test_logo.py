"""The city's wordmark is the default site logo; an administrator's logo always wins."""

from ezabrze.theme import PACKAGE_NAME
from ezabrze.theme import setuphandlers
from plone import api
from plone.formwidget.namedfile.converter import b64decode_file
from plone.formwidget.namedfile.converter import b64encode_file
from Products.CMFPlone.utils import getSiteLogo

import pytest


CUSTOM_LOGO = b64encode_file("herb.png", b"\x89PNG\r\n\x1a\n not really a png")


def test_logo_set_on_install(portal):
    value = api.portal.get_registry_record("plone.site_logo")
    filename, data = b64decode_file(value)
    assert filename == "logo-miasto-zabrze.svg"
    assert data.startswith(b"<svg")
    assert b"<title id=\"ezabrze-logo-title\">Miasto Zabrze</title>" in data


def test_plone_uses_it(portal):
    assert getSiteLogo(portal, include_type=True) == (
        f"{portal.absolute_url()}/@@site-logo/logo-miasto-zabrze.svg",
        "image/svg+xml",
    )


def test_existing_logo_not_overwritten(portal):
    api.portal.set_registry_record("plone.site_logo", CUSTOM_LOGO)
    api.portal.get_tool("portal_setup").runAllImportStepsFromProfile(f"profile-{PACKAGE_NAME}:default")
    assert api.portal.get_registry_record("plone.site_logo") == CUSTOM_LOGO


def test_set_default_logo_only_when_empty(portal):
    assert setuphandlers.set_default_logo() is False
    api.portal.set_registry_record("plone.site_logo", b"")
    assert setuphandlers.set_default_logo() is True
    assert setuphandlers.is_our_logo(api.portal.get_registry_record("plone.site_logo"))


def test_uninstall_keeps_an_administrators_logo(portal, installer):
    api.portal.set_registry_record("plone.site_logo", CUSTOM_LOGO)
    installer.uninstall_product(PACKAGE_NAME)
    assert api.portal.get_registry_record("plone.site_logo") == CUSTOM_LOGO


@pytest.mark.parametrize("value,expected", [(None, False), (b"", False), (CUSTOM_LOGO, False)])
def test_is_our_logo(value, expected):
    assert setuphandlers.is_our_logo(value) is expected


def test_logo_served(functional_portal, browser):
    response = browser.get("@@site-logo/logo-miasto-zabrze.svg")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("image/svg+xml")
    assert b"Miasto Zabrze" in response.content
