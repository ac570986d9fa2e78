"""Install and uninstall of the ezabrze.ngo profile (its content types come with the NGO issues)."""

from ezabrze.ngo import PACKAGE_NAME

import pytest


class TestSetupInstall:
    def test_addon_installed(self, installer):
        assert installer.is_product_installed(PACKAGE_NAME) is True

    def test_browserlayer(self, browser_layers):
        from ezabrze.ngo.interfaces import IBrowserLayer

        assert IBrowserLayer in browser_layers

    def test_policy_installed_as_dependency(self, installer):
        """ezabrze.ngo builds on ezabrze.policy (units, editorial workflow, BIP metadata), never the reverse."""
        assert installer.is_product_installed("ezabrze.policy") is True

    def test_latest_version(self, profile_last_version):
        assert profile_last_version(f"{PACKAGE_NAME}:default") == "1004"

    def test_uninstall_profile_hidden(self):
        from ezabrze.ngo.setuphandlers import HiddenProfiles

        assert HiddenProfiles().getNonInstallableProfiles() == ["ezabrze.ngo:uninstall"]


class TestSetupUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, installer):
        installer.uninstall_product(PACKAGE_NAME)

    def test_addon_uninstalled(self, installer):
        assert installer.is_product_installed(PACKAGE_NAME) is False

    def test_browserlayer_removed(self, browser_layers):
        from ezabrze.ngo.interfaces import IBrowserLayer

        assert IBrowserLayer not in browser_layers
