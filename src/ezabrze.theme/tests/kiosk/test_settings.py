"""Kiosk settings: registry records, the "Infokioski" control panel, who may open it and the report, upgrade 1001."""

from AccessControl import Unauthorized
from ezabrze.theme.kiosk.controlpanel import KioskSettingsEditForm
from ezabrze.theme.kiosk.interfaces import default_kiosk_lines
from ezabrze.theme.kiosk.mode import configured_kiosks
from ezabrze.theme.kiosk.mode import kiosk_settings
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.z3cform.interfaces import IPloneFormLayer
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.i18n import translate
from zope.interface import alsoProvides

import pytest


class TestRecords:
    def test_defaults(self, portal):
        settings = kiosk_settings()
        assert settings.idle_seconds == 90
        assert settings.countdown_seconds == 15
        assert "piątek" in settings.opening_hours

    def test_seventeen_kiosks_with_district_and_location(self, portal):
        kiosks = configured_kiosks()
        assert len(kiosks) == 17
        assert kiosks["k05"].district == "zaborze"
        assert kiosks["k01"].location.startswith("Urząd Miejski")

    def test_no_settings_before_install(self, portal):
        registry = getUtility(IRegistry)
        del registry.records["ezabrze.theme.kiosk.kiosks"]
        assert kiosk_settings() is None


@pytest.fixture
def submit(portal, layer_request):
    def submit(**changes):
        alsoProvides(layer_request, IPloneFormLayer)
        data = {
            "idle_seconds": "90",
            "countdown_seconds": "15",
            "kiosks": "\n".join(default_kiosk_lines()),
            "opening_hours": "poniedziałek: 8:00–16:00",
        }
        data.update(changes)
        layer_request.form.update({f"form.widgets.{k}": v for k, v in data.items()})
        layer_request.form["form.buttons.save"] = "Zapisz"
        form = KioskSettingsEditForm(portal, layer_request)
        form.update()
        return form

    return submit


def error_of(form, name):
    error = form.widgets[name].error
    return translate(error.message, context=form.request) if error is not None else None


class TestControlPanel:
    def test_configlet(self, portal, controlpanel_actions):
        assert "ezabrze-kiosk-settings" in controlpanel_actions
        [configlet] = [a for a in portal.portal_controlpanel.listActions() if a.getId() == "ezabrze-kiosk-settings"]
        assert configlet.title == "Infokioski"
        assert configlet.permissions == ("Plone Site Setup: Site",)

    def test_saves(self, submit):
        form = submit(idle_seconds="120", kiosks="k01 | zaborze | Plac Wolności\nk99 | | Hala sportowa")
        assert [w.error for w in form.widgets.values() if w.error] == []
        assert api.portal.get_registry_record("ezabrze.theme.kiosk.idle_seconds") == 120
        assert set(configured_kiosks()) == {"k01", "k99"}
        assert configured_kiosks()["k99"].district == ""

    @pytest.mark.parametrize(
        "kiosks",
        [
            "k01 zaborze Plac Wolności",
            "K01 | zaborze | Plac Wolności",
            "k01 | zaborze |",
            "k01 | Zaborze! | Plac",
            "k01 | zaborze | Plac\nk01 | biskupice | Rynek",
        ],
    )
    def test_refuses_malformed_kiosks_in_polish(self, submit, kiosks):
        form = submit(kiosks=kiosks)
        assert error_of(form, "kiosks").startswith("Podaj jeden kiosk w wierszu w postaci")
        assert len(configured_kiosks()) == 17

    @pytest.mark.parametrize("value", ["5", "1000"])
    def test_refuses_idle_time_out_of_range(self, submit, value):
        form = submit(idle_seconds=value)
        assert form.widgets["idle_seconds"].error is not None
        assert api.portal.get_registry_record("ezabrze.theme.kiosk.idle_seconds") == 90


class TestPermissions:
    """The settings and the usage report: Manager and Site Administrator only."""

    @pytest.mark.parametrize(
        "view,heading",
        [("@@infokiosk-ustawienia", "Infokioski"), ("@@infokiosk-statystyki", "Korzystanie z infokiosków")],
    )
    @pytest.mark.parametrize("role", ["Manager", "Site Administrator"])
    def test_open_to_administrators(self, manager, portal, layer_request, view, heading, role):
        api.user.create(email="a@example.pl", username="admin-zabrze", password="sekretne-haslo-1", roles=[role])
        login(portal, "admin-zabrze")
        assert f">{heading}</h1>" in portal.restrictedTraverse(view)()

    @pytest.mark.parametrize("view", ["@@infokiosk-ustawienia", "@@infokiosk-statystyki"])
    @pytest.mark.parametrize("role", ["Editor", "Reviewer", "Contributor", "Member", None])
    def test_closed_to_others(self, manager, portal, layer_request, view, role):
        if role:
            api.user.create(email="r@example.pl", username="redaktor", password="sekretne-haslo-1", roles=[role])
            login(portal, "redaktor")
        else:
            logout()
        with pytest.raises(Unauthorized):
            portal.restrictedTraverse(view)


class TestUpgrade:
    def test_1000_to_1001_adds_settings_and_configlet_keeping_values(self, portal):
        setup = portal.portal_setup
        registry = getUtility(IRegistry)
        registry["ezabrze.theme.kiosk.idle_seconds"] = 45
        # A site of version 1000: no kiosk records but the one above, no configlet.
        for name in ("countdown_seconds", "kiosks", "opening_hours"):
            del registry.records[f"ezabrze.theme.kiosk.{name}"]
        portal.portal_controlpanel.unregisterConfiglet("ezabrze-kiosk-settings")
        setup.setLastVersionForProfile("ezabrze.theme:default", "1000")

        steps = setup.listUpgrades("ezabrze.theme:default")
        assert [(step["ssource"], step["sdest"]) for step in steps] == [("1000", "1001"), ("1001", "1002")]
        setup.upgradeProfile("ezabrze.theme:default", dest="1001")

        assert setup.getLastVersionForProfile("ezabrze.theme:default") == ("1001",)
        assert api.portal.get_registry_record("ezabrze.theme.kiosk.idle_seconds") == 45
        assert len(configured_kiosks()) == 17
        assert kiosk_settings().countdown_seconds == 15
        assert "ezabrze-kiosk-settings" in [a.getId() for a in portal.portal_controlpanel.listActions()]

    def test_1001_to_1002_without_a_network_registry_keeps_the_settings_kiosks(self, portal):
        """Without a kiosk registry (ezabrze.policy's network) the settings' list stays the kiosks and the
        usage counts keep their ids; the list's description says when it is used."""
        from ezabrze.theme.kiosk import usage

        setup = portal.portal_setup
        registry = getUtility(IRegistry)
        registry["ezabrze.theme.kiosk.kiosks"] = ["k01 | zaborze | Plac", "k02 | | Dworzec"]
        usage._add(portal, "2026-11-30", "k01", "start", 2)
        record = registry.records["ezabrze.theme.kiosk.kiosks"]
        record.field.description = "One kiosk per line: id | district | location."
        setup.setLastVersionForProfile("ezabrze.theme:default", "1001")
        setup.upgradeProfile("ezabrze.theme:default")
        assert setup.getLastVersionForProfile("ezabrze.theme:default") == ("1002",)
        assert sorted(configured_kiosks()) == ["k01", "k02"]
        assert usage.report(portal, "2026-11-30", "2026-11-30") == [("2026-11-30", "k01", "start", 2)]
        assert "network registry" in registry.records["ezabrze.theme.kiosk.kiosks"].field.description


class TestUninstall:
    def test_uninstall_removes_settings_and_configlet(self, portal, installer):
        installer.uninstall_product("ezabrze.theme")
        assert kiosk_settings() is None
        assert "ezabrze-kiosk-settings" not in [a.getId() for a in portal.portal_controlpanel.listActions()]
