"""Install and uninstall of the ezabrze.policy profile and the site settings it makes."""

from ezabrze.policy import PACKAGE_NAME
from plone import api

import pytest


class TestSetupInstall:
    def test_addon_installed(self, installer):
        assert installer.is_product_installed(PACKAGE_NAME) is True

    @pytest.mark.parametrize(
        "package",
        [
            "ezabrze.theme",
            "plone.restapi",
            "plone.app.contenttypes",
            "plone.app.layout",
            "plone.app.caching",
            "collective.easyform",
        ],
    )
    def test_dependencies_installed(self, installer, package):
        assert installer.is_product_installed(package) is True

    def test_browserlayer(self, browser_layers):
        from ezabrze.policy.interfaces import IBrowserLayer

        assert IBrowserLayer in browser_layers

    def test_latest_version(self, profile_last_version):
        assert profile_last_version(f"{PACKAGE_NAME}:default") == "1011"

    def test_upgrade_steps_lead_to_the_profile_version(self, portal, profile_last_version):
        """Every profile version after the first landed one (1000) is reachable by an upgrade step."""
        setup = api.portal.get_tool("portal_setup")
        steps = setup.listUpgrades(f"{PACKAGE_NAME}:default", show_old=True)
        flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
        destinations = sorted({int(".".join(step["dest"])) for step in flat})
        assert destinations[-1] == int(profile_last_version(f"{PACKAGE_NAME}:default"))
        assert destinations == list(range(1001, destinations[-1] + 1))

    def test_front_page_views_write_nothing(self, functional_portal):
        """Portlet settings exist from the install on: a visitor's first page view writes no portlet
        (plone.portlets would create them lazily: a write, and conflicts, on the first views after a start)."""
        from plone.app.testing import logout

        import transaction

        transaction.commit()
        logout()
        functional_portal.restrictedTraverse("view")()
        assert list(functional_portal._p_jar._registered_objects) == []

    def test_upgrade_1001_prepares_portlet_settings(self, portal):
        from ezabrze.policy import portlets
        from ezabrze.policy.upgrades import v1001
        from plone.portlets.interfaces import IPortletAssignmentMapping
        from plone.portlets.interfaces import IPortletManager
        from zope.component import getMultiAdapter
        from zope.component import getUtility

        mapping = getMultiAdapter((portal, getUtility(IPortletManager, "plone.leftcolumn")), IPortletAssignmentMapping)
        assert len(mapping)
        for assignment in mapping.values():
            del assignment.__annotations__  # as on a site installed before 1001
        assert portlets.prepare_assignment_settings(portal) == len(mapping)
        assert portlets.prepare_assignment_settings(portal) == 0  # idempotent
        for assignment in mapping.values():
            del assignment.__annotations__
        v1001.prepare_portlet_settings(api.portal.get_tool("portal_setup"))
        assert all(len(assignment.__annotations__) for assignment in mapping.values())

    def test_site_title(self, portal):
        assert api.portal.get_registry_record("plone.site_title") == "Miasto Zabrze"

    def test_languages(self, portal):
        assert api.portal.get_registry_record("plone.default_language") == "pl"
        assert api.portal.get_registry_record("plone.available_languages") == ["pl", "en"]
        # A browser asking for English does not switch the default; the selector's cookie does.
        assert api.portal.get_registry_record("plone.use_request_negotiation") is False
        assert api.portal.get_registry_record("plone.use_cookie_negotiation") is True

    def test_time_zone_and_week(self, portal):
        assert api.portal.get_registry_record("plone.portal_timezone") == "Europe/Warsaw"
        assert api.portal.get_registry_record("plone.first_weekday") == 0

    def test_polish_date_formats(self, portal):
        prefix = "Products.CMFPlone.i18nl10n.override_dateformat"
        assert api.portal.get_registry_record(f"{prefix}.Enabled") is True
        assert api.portal.get_registry_record(f"{prefix}.date_format_short") == "%d.%m.%Y"
        assert api.portal.get_registry_record(f"{prefix}.date_format_long") == "%d.%m.%Y %H:%M"

    def test_localized_time_is_polish(self, portal):
        from DateTime import DateTime

        plone_view = api.content.get_view("plone", portal, portal.REQUEST)
        assert plone_view.toLocalizedTime(DateTime("2026/11/25 14:05")) == "25.11.2026"

    def test_anonymous_may_use_rest_api(self, portal):
        roles = [r["name"] for r in portal.rolesOfPermission("plone.restapi: Use REST API") if r["selected"]]
        assert "Anonymous" in roles

    def test_hidden_profiles(self, portal):
        from ezabrze.policy.setuphandlers import HiddenProfiles

        assert "ezabrze.policy:uninstall" in HiddenProfiles().getNonInstallableProfiles()


class TestSetupUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer):
        installer.uninstall_product(PACKAGE_NAME)

    def test_addon_uninstalled(self, installer):
        assert installer.is_product_installed(PACKAGE_NAME) is False

    def test_browserlayer_removed(self, browser_layers):
        from ezabrze.policy.interfaces import IBrowserLayer

        assert IBrowserLayer not in browser_layers

    def test_content_is_kept(self, portal):
        assert "dla-mieszkancow" in portal.objectIds()
