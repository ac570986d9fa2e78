"""The control panel "Ustawienia e-Zabrze"."""

from AccessControl import Unauthorized
from ezabrze.theme import interfaces
from ezabrze.theme.browser.controlpanel import SettingsEditForm
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.z3cform.interfaces import IPloneFormLayer
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.schema import ValidationError

import pytest
import transaction


VALID = {
    "office_name": "Urząd Miejski w Zabrzu",
    "street": "ul. Powstańców Śląskich 5-7",
    "postal_code": "41-800",
    "city": "Zabrze",
    "phone": "+48 32 373 33 00",
    "email": "um@um.zabrze.pl",
    "bip_url": "https://bip.um.zabrze.pl",
    "accessibility_statement": "deklaracja-dostepnosci",
}


def form_data(**changes):
    data = {f"form.widgets.{name}": value for name, value in dict(VALID, **changes).items()}
    data["form.buttons.save"] = "Zapisz"
    return data


@pytest.fixture
def submit(portal, layer_request):
    def submit(**changes):
        alsoProvides(layer_request, IPloneFormLayer)
        layer_request.form.update(form_data(**changes))
        form = SettingsEditForm(portal, layer_request)
        form.update()
        return form

    return submit


def error_of(form, name):
    error = form.widgets[name].error
    return translate(error.message, context=form.request) if error is not None else None


class TestConfiglet:
    def test_registered_with_a_polish_title(self, portal, controlpanel_actions):
        assert "ezabrze-settings" in controlpanel_actions
        [configlet] = [a for a in portal.portal_controlpanel.listActions() if a.getId() == "ezabrze-settings"]
        assert configlet.title == "Ustawienia e-Zabrze"
        assert configlet.permissions == ("Plone Site Setup: Site",)
        assert configlet.getActionExpression() == "string:${portal_url}/@@ezabrze-controlpanel"

    @pytest.mark.parametrize("role", ["Manager", "Site Administrator"])
    def test_open_to_administrators(self, manager, portal, layer_request, role):
        api.user.create(email="admin@example.pl", username="admin-zabrze", password="sekretne-haslo-1", roles=[role])
        login(portal, "admin-zabrze")
        view = portal.restrictedTraverse("@@ezabrze-controlpanel")
        assert "Ustawienia e-Zabrze" in view()

    @pytest.mark.parametrize("role", ["Editor", "Member", None])
    def test_closed_to_others(self, manager, portal, layer_request, role):
        if role:
            api.user.create(email="red@example.pl", username="redaktor", password="sekretne-haslo-1", roles=[role])
            login(portal, "redaktor")
        else:
            logout()
        with pytest.raises(Unauthorized):
            portal.restrictedTraverse("@@ezabrze-controlpanel")


class TestSaving:
    def test_saves_valid_values(self, submit):
        form = submit(office_name="Urząd Miasta", postal_code="41-803", email="kontakt@zabrze.pl", bip_url="http://bip.zabrze.pl/")
        assert [w.error for w in form.widgets.values() if w.error] == []
        assert api.portal.get_registry_record("ezabrze.theme.office_name") == "Urząd Miasta"
        assert api.portal.get_registry_record("ezabrze.theme.postal_code") == "41-803"
        assert api.portal.get_registry_record("ezabrze.theme.email") == "kontakt@zabrze.pl"
        assert api.portal.get_registry_record("ezabrze.theme.bip_url") == "http://bip.zabrze.pl/"

    @pytest.mark.parametrize(
        "field,value,message",
        [
            ("postal_code", "41800", "Podaj kod pocztowy w formacie NN-NNN, np. 41-800."),
            ("postal_code", "41-80", "Podaj kod pocztowy w formacie NN-NNN, np. 41-800."),
            ("email", "um.zabrze.pl", "Podaj poprawny adres e-mail, np. um@um.zabrze.pl."),
            ("email", "um@zabrze", "Podaj poprawny adres e-mail, np. um@um.zabrze.pl."),
            ("bip_url", "bip.um.zabrze.pl", "Podaj pełny adres strony internetowej zaczynający się od https:// lub http://."),
            ("bip_url", "javascript:alert(1)", "Podaj pełny adres strony internetowej zaczynający się od https:// lub http://."),
            ("phone", "zadzwoń", "Podaj numer telefonu złożony z cyfr i spacji, opcjonalnie poprzedzony znakiem +."),
            ("accessibility_statement", "javascript:alert(1)", "Podaj ścieżkę strony w tym serwisie (np. deklaracja-dostepnosci) lub pełny adres strony internetowej zaczynający się od https://."),
        ],
    )
    def test_refuses_invalid_values_in_polish(self, submit, field, value, message):
        form = submit(**{field: value})
        assert error_of(form, field) == message
        assert api.portal.get_registry_record(f"ezabrze.theme.{field}") == VALID[field]


class TestValidators:
    @pytest.mark.parametrize("value", ["41-800", "00-001"])
    def test_postal_code_valid(self, value):
        assert interfaces.validate_postal_code(value)

    @pytest.mark.parametrize("value", ["41800", "4-1800", "41-8000", "ab-cde", " 41-800", ""])
    def test_postal_code_invalid(self, value):
        with pytest.raises(interfaces.InvalidPostalCode):
            interfaces.validate_postal_code(value)

    @pytest.mark.parametrize("value", ["um@um.zabrze.pl", "jan.kowalski@zabrze.pl", "a+b@x-y.com.pl"])
    def test_email_valid(self, value):
        assert interfaces.validate_email(value)

    @pytest.mark.parametrize("value", ["um", "um@", "@zabrze.pl", "um@zabrze", "u m@zabrze.pl", "um@@zabrze.pl", ".um@zabrze.pl", "um..x@zabrze.pl"])
    def test_email_invalid(self, value):
        with pytest.raises(interfaces.InvalidEmail):
            interfaces.validate_email(value)

    @pytest.mark.parametrize("value", ["https://bip.um.zabrze.pl", "http://bip.zabrze.pl/strona?a=1"])
    def test_web_address_valid(self, value):
        assert interfaces.validate_web_address(value)

    @pytest.mark.parametrize("value", ["bip.um.zabrze.pl", "ftp://bip.zabrze.pl", "https://", "javascript:alert(1)", "https://bip zabrze.pl"])
    def test_web_address_invalid(self, value):
        with pytest.raises(interfaces.InvalidWebAddress):
            interfaces.validate_web_address(value)

    @pytest.mark.parametrize("value", ["deklaracja-dostepnosci", "/o-nas/deklaracja", "https://zabrze.pl/deklaracja"])
    def test_statement_location_valid(self, value):
        assert interfaces.validate_statement_location(value)

    @pytest.mark.parametrize("value", ["", "deklaracja dostępności", "javascript:alert(1)", "../../etc", "//evil.example"])
    def test_statement_location_invalid(self, value):
        with pytest.raises(ValidationError):
            interfaces.validate_statement_location(value)


class TestControlPanelOverHTTP:
    def test_polish_form_and_polish_error(self, functional_portal, browser):
        browser.login()
        page = browser.page("@@ezabrze-controlpanel")
        assert page.cssselect("h1")[0].text_content().strip() == "Ustawienia e-Zabrze"
        labels = " ".join(label.text_content() for label in page.cssselect("label"))
        assert "Kod pocztowy" in labels
        token = page.cssselect("input[name=_authenticator]")[0].get("value")
        data = form_data(postal_code="41 800")
        data["_authenticator"] = token
        response = browser.post("@@ezabrze-controlpanel", data=data)
        assert response.status_code == 200
        assert "Podaj kod pocztowy w formacie NN-NNN, np. 41-800." in response.text
        assert api.portal.get_registry_record("ezabrze.theme.postal_code") == "41-800"

    def test_save_is_shown_in_the_footer(self, functional_portal, browser):
        browser.login()
        page = browser.page("@@ezabrze-controlpanel")
        data = form_data(street="ul. Testowa 1")
        data["_authenticator"] = page.cssselect("input[name=_authenticator]")[0].get("value")
        assert browser.post("@@ezabrze-controlpanel", data=data).status_code == 200
        transaction.begin()  # see what the server committed
        assert api.portal.get_registry_record("ezabrze.theme.street") == "ul. Testowa 1"
        browser.session.auth = None
        footer = browser.page().cssselect("#ezabrze-footer address")[0]
        assert "ul. Testowa 1" in footer.text_content()
