"""Validation of units and services: field constraints and invariants with Polish messages naming the
field, in the Classic UI add/edit forms and in plone.restapi (nothing is saved on error)."""

from decimal import Decimal
from ezabrze.policy.catalogue.content.service import IService
from ezabrze.policy.catalogue.content.unit import IOrganizationalUnit
from ezabrze.policy.interfaces import IBrowserLayer
from ezabrze.policy.testing import catalogue as ct
from plone import api
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import Invalid
from zope.schema import ValidationError

import pytest
import transaction


def polish(message):
    return translate(message, target_language="pl")


def error_of(field, value):
    with pytest.raises(ValidationError) as info:
        field.validate(value)
    return polish(info.value.doc())


class TestFieldConstraints:
    @pytest.mark.parametrize("value", ["41-800", "44-100", "00-950"])
    def test_good_postal_code(self, value):
        IOrganizationalUnit["postal_code"].validate(value)

    @pytest.mark.parametrize("value", ["41800", "41-80", "4l-800", "41 800", "41-8000", " 41-800"])
    def test_bad_postal_code(self, value):
        assert error_of(IOrganizationalUnit["postal_code"], value) == (
            "Kod pocztowy: podaj kod w formacie NN-NNN, np. 41-800."
        )

    @pytest.mark.parametrize("value", ["um@um.zabrze.pl", "sekretariat.wso@um.zabrze.pl"])
    def test_good_email(self, value):
        IOrganizationalUnit["email"].validate(value)

    # The same rules as the settings of ezabrze.theme (ezabrze.theme.checks): no dot at either end, none doubled.
    @pytest.mark.parametrize(
        "value", ["um.zabrze.pl", "a@b", "jan kowalski@um.zabrze.pl", "@um.zabrze.pl", ".um@um.zabrze.pl", "a..b@um.zabrze.pl"]
    )
    def test_bad_email(self, value):
        assert error_of(IOrganizationalUnit["email"], value).startswith("Adres e-mail: podaj poprawny adres")

    @pytest.mark.parametrize("value", ["https://sekap.pl/e-usluga", "http://epuap.gov.pl/wps/portal"])
    def test_good_online_url(self, value):
        IService["online_url"].validate(value)

    @pytest.mark.parametrize("value", ["ftp://sekap.pl/x", "javascript:alert(1)", "https://", "mailto:a@b.pl", "https://sekap pl/x"])
    def test_bad_online_url(self, value):
        assert error_of(IService["online_url"], value).startswith(
            "Adres e-usługi: podaj pełny adres zaczynający się od http:// lub https://"
        )

    @pytest.mark.parametrize("value", [50.3, -90.0, 90.0, 0.0])
    def test_good_latitude(self, value):
        IOrganizationalUnit["latitude"].validate(value)

    @pytest.mark.parametrize("value", [90.01, -91.0, 180.0])
    def test_bad_latitude(self, value):
        assert error_of(IOrganizationalUnit["latitude"], value).startswith("Szerokość geograficzna: podaj liczbę")

    @pytest.mark.parametrize("value", [18.78, -180.0, 180.0])
    def test_good_longitude(self, value):
        IOrganizationalUnit["longitude"].validate(value)

    @pytest.mark.parametrize("value", [180.5, -181.0])
    def test_bad_longitude(self, value):
        assert error_of(IOrganizationalUnit["longitude"], value).startswith("Długość geograficzna: podaj liczbę")

    def test_fee_not_negative(self):
        IService["fee_amount"].validate(Decimal("0.00"))
        IService["fee_amount"].validate(Decimal("17.00"))
        assert error_of(IService["fee_amount"], Decimal("-0.01")) == "Kwota opłaty: kwota nie może być ujemna."


class Card:
    """Stand-in for the data a form or REST call validates."""

    def __init__(self, **kw):
        self.fee_free = True
        self.fee_amount = None
        self.submission_channels = []
        self.online_url = None
        self.suspended = False
        self.suspension_reason = None
        self.__dict__.update(kw)


def invariant_errors(**kw):
    errors = []
    try:
        IService.validateInvariants(Card(**kw), errors)
    except Invalid:
        pass
    return [polish(e.args[0]) for e in errors]


class TestInvariants:
    def test_valid(self):
        assert invariant_errors() == []
        assert invariant_errors(fee_free=False, fee_amount=Decimal("17.00")) == []
        assert invariant_errors(submission_channels=["online"], online_url="https://sekap.pl/x") == []
        assert invariant_errors(suspended=True, suspension_reason="Awaria systemu") == []

    def test_fee_required_unless_free(self):
        assert invariant_errors(fee_free=False) == [
            "Kwota opłaty: podaj kwotę albo zaznacz, że usługa jest bezpłatna."
        ]

    def test_zero_fee_is_a_fee(self):
        assert invariant_errors(fee_free=False, fee_amount=Decimal("0")) == []

    def test_online_url_required_when_online(self):
        assert invariant_errors(submission_channels=["post", "online"]) == [
            "Adres e-usługi: pole jest wymagane, gdy usługę można załatwić przez internet."
        ]
        assert invariant_errors(submission_channels=["post"]) == []

    def test_reason_required_when_suspended(self):
        expected = ["Powód zawieszenia: pole jest wymagane, gdy usługa jest zawieszona."]
        assert invariant_errors(suspended=True) == expected
        assert invariant_errors(suspended=True, suspension_reason="   ") == expected


# Classic UI forms (integration)


@pytest.fixture
def form_request(portal):
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    request["LANGUAGE"] = "pl"
    request.method = "POST"
    return request


@pytest.fixture
def unit(portal):
    return ct.make_unit(portal, "wydzial", "Wydział Komunikacji", email="wk@um.zabrze.pl")


def submit(context, view_name, request, data):
    request.form.clear()
    request.form.update(data)
    request.other.update(data)
    with api.env.adopt_roles(["Manager"]):
        view = context.restrictedTraverse(view_name)
        return view()


UNIT_FORM = {
    "form.widgets.IBasic.title": "Wydział Geodezji",
    "form.widgets.unit_kind": ["department"],
    "form.widgets.unit_kind-empty-marker": "1",
    "form.widgets.postal_code": "41-800",
    "form.widgets.city": "Zabrze",
    "form.buttons.save": "Zapisz",
}


def test_add_form_accepts_a_good_unit(portal, form_request):
    folder = ct.units_folder(portal)
    submit(folder, "++add++OrganizationalUnit", form_request, dict(UNIT_FORM))
    assert [u.title for u in folder.objectValues()] == ["Wydział Geodezji"]


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("postal_code", "41800", "Kod pocztowy: podaj kod w formacie NN-NNN, np. 41-800."),
        ("email", "geodezja.um.zabrze.pl", "Adres e-mail: podaj poprawny adres e-mail"),
        ("latitude", "95", "Szerokość geograficzna: podaj liczbę od -90 do 90"),
        ("longitude", "-200", "Długość geograficzna: podaj liczbę od -180 do 180"),
    ],
)
def test_add_form_refuses_a_bad_unit(portal, form_request, field, value, message):
    folder = ct.units_folder(portal)
    html = submit(folder, "++add++OrganizationalUnit", form_request, dict(UNIT_FORM, **{f"form.widgets.{field}": value}))
    assert message in html
    assert folder.objectIds() == []


def test_edit_form_refuses_a_bad_postal_code(form_request, unit):
    html = submit(unit, "@@edit", form_request, {
        "form.widgets.IBasic.title": unit.title,
        "form.widgets.unit_kind": ["department"],
        "form.widgets.unit_kind-empty-marker": "1",
        "form.widgets.postal_code": "4l-800",
        "form.widgets.email": "nowy@um.zabrze.pl",
        "form.buttons.save": "Zapisz",
    })
    assert "Kod pocztowy: podaj kod w formacie NN-NNN" in html
    assert unit.postal_code == "41-800"
    assert unit.email == "wk@um.zabrze.pl"


def service_form(unit, **extra):
    data = {
        "form.widgets.IBasic.title": "Rejestracja pojazdu",
        "form.widgets.audience": ["residents"],
        "form.widgets.audience-empty-marker": "1",
        "form.widgets.category": ["komunikacja-i-transport"],
        "form.widgets.category-empty-marker": "1",
        "form.widgets.fee_free-empty-marker": "1",
        "form.widgets.fee_amount": "",
        "form.widgets.submission_channels-empty-marker": "1",
        "form.widgets.responsible_unit": unit.UID(),
        "form.widgets.suspended-empty-marker": "1",
        "form.buttons.save": "Zapisz",
    }
    data.update(extra)
    return data


def test_add_form_accepts_a_good_service(portal, form_request, unit):
    folder = ct.catalogue(portal)
    submit(folder, "++add++Service", form_request, service_form(unit, **{
        "form.widgets.fee_amount": "180,50",
        "form.widgets.submission_channels": ["in_person", "online"],
        "form.widgets.online_url": "https://sekap.pl/rejestracja",
    }))
    [service] = folder.objectValues()
    assert service.fee_amount == Decimal("180.50")
    assert service.responsible_unit.to_object == unit
    assert service.online_available() is True


@pytest.mark.parametrize(
    "extra,message",
    [
        ({}, "Kwota opłaty: podaj kwotę albo zaznacz, że usługa jest bezpłatna."),
        ({"form.widgets.fee_amount": "-1"}, "Kwota opłaty: kwota nie może być ujemna."),
        (
            {"form.widgets.fee_free": ["selected"], "form.widgets.submission_channels": ["online"]},
            "Adres e-usługi: pole jest wymagane, gdy usługę można załatwić przez internet.",
        ),
        (
            {"form.widgets.fee_free": ["selected"], "form.widgets.online_url": "ftp://sekap.pl/x"},
            "Adres e-usługi: podaj pełny adres zaczynający się od http:// lub https://",
        ),
        (
            {"form.widgets.fee_free": ["selected"], "form.widgets.suspended": ["selected"]},
            "Powód zawieszenia: pole jest wymagane, gdy usługa jest zawieszona.",
        ),
    ],
)
def test_add_form_refuses_a_bad_service(portal, form_request, unit, extra, message):
    folder = ct.catalogue(portal)
    html = submit(folder, "++add++Service", form_request, service_form(unit, **extra))
    assert message in html
    assert folder.objectIds() == []


# plone.restapi (functional, real HTTP)


@pytest.fixture
def rest_content(functional_portal):
    unit = ct.make_unit(functional_portal, "wydzial", "Wydział Komunikacji", email="wk@um.zabrze.pl")
    service = ct.make_service(functional_portal, "rejestracja", "Rejestracja pojazdu", unit)
    transaction.commit()
    return {"unit": unit, "service": service}


def message(response):
    """plone.restapi answers a validation error with 400 and the list of errors in "message"."""
    assert response.status_code == 400, response.text
    return response.json()["message"]


def test_rest_post_with_a_bad_postal_code(manager_request, rest_content):
    response = manager_request.post(
        "/dla-mieszkancow/jednostki",
        json={"@type": "OrganizationalUnit", "title": "Wydział Geodezji", "unit_kind": "department",
              "postal_code": "41800"},
    )
    assert "Kod pocztowy: podaj kod w formacie NN-NNN, np. 41-800." in message(response)
    listing = manager_request.get("/dla-mieszkancow/jednostki").json()
    assert [i["title"] for i in listing["items"]] == ["Wydział Komunikacji"]


def test_rest_post_good_unit(manager_request, rest_content):
    response = manager_request.post(
        "/dla-mieszkancow/jednostki",
        json={"@type": "OrganizationalUnit", "title": "Wydział Geodezji", "unit_kind": "department",
              "postal_code": "41-800", "latitude": 50.31, "longitude": 18.79, "email": "wg@um.zabrze.pl"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["postal_code"] == "41-800"


@pytest.mark.parametrize(
    "data,expected",
    [
        ({"email": "wk-um.zabrze.pl"}, "Adres e-mail: podaj poprawny adres e-mail"),
        ({"latitude": 91}, "Szerokość geograficzna: podaj liczbę od -90 do 90"),
        ({"longitude": 181.5}, "Długość geograficzna: podaj liczbę od -180 do 180"),
        ({"postal_code": "41-8000", "phone": "+48 32 000 00 00"}, "Kod pocztowy: podaj kod"),
    ],
)
def test_rest_patch_bad_unit_saves_nothing(manager_request, rest_content, data, expected):
    response = manager_request.patch("/dla-mieszkancow/jednostki/wydzial", json=data)
    assert expected in message(response)
    after = manager_request.get("/dla-mieszkancow/jednostki/wydzial").json()
    assert after["email"] == "wk@um.zabrze.pl"
    assert after["postal_code"] == "41-800"
    assert after["latitude"] is None and after["phone"] is None


def service_json(unit, **extra):
    data = {
        "@type": "Service",
        "title": "Wymiana prawa jazdy",
        "audience": ["residents"],
        "category": "komunikacja-i-transport",
        "responsible_unit": unit.UID(),
        "fee_free": False,
        "fee_amount": "100.50",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize(
    "extra,expected",
    [
        ({"fee_amount": None}, "Kwota opłaty: podaj kwotę albo zaznacz, że usługa jest bezpłatna."),
        ({"fee_amount": "-5"}, "Kwota opłaty: kwota nie może być ujemna."),
        ({"submission_channels": ["online"]}, "Adres e-usługi: pole jest wymagane, gdy usługę można"),
        ({"online_url": "ftp://sekap.pl/x"}, "Adres e-usługi: podaj pełny adres zaczynający się od http://"),
        ({"suspended": True}, "Powód zawieszenia: pole jest wymagane, gdy usługa jest zawieszona."),
    ],
)
def test_rest_post_bad_service_creates_nothing(manager_request, rest_content, extra, expected):
    data = service_json(rest_content["unit"], **extra)
    data = {k: v for k, v in data.items() if v is not None}
    response = manager_request.post("/dla-mieszkancow/uslugi", json=data)
    assert expected in message(response)
    listing = manager_request.get("/dla-mieszkancow/uslugi", params={"include_items": True}).json()
    assert [i["title"] for i in listing["items"]] == ["Rejestracja pojazdu"]


def test_rest_post_good_service(manager_request, rest_content):
    response = manager_request.post("/dla-mieszkancow/uslugi", json=service_json(
        rest_content["unit"], submission_channels=["online"], online_url="https://sekap.pl/prawo-jazdy"))
    assert response.status_code == 201, response.text
    assert response.json()["fee_amount"] == "100.50"


def test_rest_patch_suspension_needs_a_reason(manager_request, rest_content):
    response = manager_request.patch("/dla-mieszkancow/uslugi/rejestracja", json={"suspended": True})
    assert "Powód zawieszenia: pole jest wymagane" in message(response)
    assert manager_request.get("/dla-mieszkancow/uslugi/rejestracja").json()["suspended"] is False
    response = manager_request.patch(
        "/dla-mieszkancow/uslugi/rejestracja", json={"suspended": True, "suspension_reason": "Awaria CEPiK"}
    )
    assert response.status_code == 204
    assert manager_request.get("/dla-mieszkancow/uslugi/rejestracja").json()["suspended"] is True
