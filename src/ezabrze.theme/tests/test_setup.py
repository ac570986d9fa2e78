"""Install and uninstall of ezabrze.theme."""

from ezabrze.theme import PACKAGE_NAME
from ezabrze.theme.setuphandlers import HOME_LAYOUT
from plone import api
from plone.app.portlets.utils import assignment_mapping_from_key
from plone.app.theming.utils import getCurrentTheme
from plone.app.theming.utils import isThemeEnabled
from plone.app.viewletmanager.interfaces import IViewletSettingsStorage
from plone.portlets.interfaces import IPortletAssignmentSettings
from zope.component import getUtility

import pytest


def footer_portlets_visibility(portal):
    mapping = assignment_mapping_from_key(portal, "plone.footerportlets", "context", "/")
    return {name: IPortletAssignmentSettings(mapping[name]).get("visible", True) for name in mapping}


class TestSetupInstall:
    def test_addon_installed(self, installer):
        assert installer.is_product_installed(PACKAGE_NAME) is True

    @pytest.mark.parametrize("package", ["plone.app.layout", "plonetheme.barceloneta"])
    def test_dependencies_installed(self, installer, package):
        assert installer.is_product_installed(package) is True

    def test_browserlayer(self, browser_layers):
        from ezabrze.theme.interfaces import IBrowserLayer

        assert IBrowserLayer in browser_layers

    def test_latest_version(self, profile_last_version):
        assert profile_last_version(f"{PACKAGE_NAME}:default") == "1002"

    def test_theme_enabled(self, portal, http_request):
        assert getCurrentTheme() == "ezabrze"
        assert isThemeEnabled(http_request) is True

    def test_colophon_hidden_and_footer_first(self, portal):
        storage = getUtility(IViewletSettingsStorage)
        assert "plone.colophon" in storage.getHidden("plone.portalfooter", "Plone Default")
        assert storage.getOrder("plone.portalfooter", "Plone Default")[0] == "ezabrze.footer"
        assert storage.getOrder("plone.portaltop", "Plone Default")[0] == "ezabrze.skiplinks"

    def test_stock_footer_portlets_hidden(self, portal):
        # Plone's copyright, the site actions portlet and "Powered by Plone" give way to the city's footer.
        assert footer_portlets_visibility(portal) == {"footer": False, "actions": False, "colophon": False}

    def test_stock_accessibility_action_hidden(self, portal):
        assert portal.portal_actions.site_actions.accessibility.visible is False
        assert portal.portal_actions.site_actions.sitemap.visible is True

    def test_home_view_available_and_selected(self, portal):
        assert HOME_LAYOUT in portal.getTypeInfo().view_methods
        # the stock view methods are kept (purge="false")
        assert "listing_view" in portal.getTypeInfo().view_methods
        assert portal.getLayout() == HOME_LAYOUT

    def test_settings_records(self, portal):
        assert api.portal.get_registry_record("ezabrze.theme.office_name") == "Urząd Miejski w Zabrzu"
        assert api.portal.get_registry_record("ezabrze.theme.bip_url") == "https://bip.um.zabrze.pl"

    def test_hidden_profiles(self):
        from ezabrze.theme.setuphandlers import HiddenProfiles

        assert HiddenProfiles().getNonInstallableProfiles() == ["ezabrze.theme:uninstall"]


class TestSetupUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer):
        installer.uninstall_product(PACKAGE_NAME)

    def test_addon_uninstalled(self, installer):
        assert installer.is_product_installed(PACKAGE_NAME) is False

    def test_browserlayer_removed(self, browser_layers):
        from ezabrze.theme.interfaces import IBrowserLayer

        assert IBrowserLayer not in browser_layers

    def test_back_to_barceloneta(self, portal, http_request):
        assert getCurrentTheme() == "barceloneta"
        assert isThemeEnabled(http_request) is True

    def test_settings_records_removed(self, portal):
        assert api.portal.get_registry_record("ezabrze.theme.office_name", default=None) is None

    def test_configlet_removed(self, portal):
        assert "ezabrze-settings" not in [a.getId() for a in portal.portal_controlpanel.listActions()]

    def test_home_view_removed(self, portal):
        assert HOME_LAYOUT not in portal.getTypeInfo().view_methods
        assert portal.getLayout() != HOME_LAYOUT

    def test_stock_footer_portlets_shown_again(self, portal):
        assert footer_portlets_visibility(portal) == {"footer": True, "actions": True, "colophon": True}

    def test_stock_accessibility_action_shown_again(self, portal):
        assert portal.portal_actions.site_actions.accessibility.visible is True

    def test_logo_removed(self, portal):
        assert not api.portal.get_registry_record("plone.site_logo")
