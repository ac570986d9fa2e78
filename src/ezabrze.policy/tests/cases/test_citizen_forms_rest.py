"""Citizen forms over REST (functional, real HTTP): list, describe and submit a form as JSON, with the
same checks as the HTML form; then follow the case with @case-status."""

from collective.honeypot.config import HONEYPOT_FIELD
from ezabrze.policy.cases import ratelimit
from ezabrze.policy.testing.files import PDF
from ezabrze.policy.testing.files import PNG
from plone import api

import base64
import pytest
import re
import transaction


SIGN_RE = re.compile(r"^ZAB/\d{4}/\d{6}$")
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture
def portal(functional_portal):
    ratelimit.submissions.reset()
    ratelimit.status_failures.reset()
    transaction.commit()
    return functional_portal


@pytest.fixture
def anon(anon_request):
    anon_request.headers.update(JSON)
    return anon_request


def cases(portal):
    transaction.begin()  # see what the server committed
    return len(api.portal.get_tool("portal_catalog").unrestrictedSearchResults(portal_type="Case"))


def problem(**extra):
    data = {
        "category": "drogi-i-chodniki",
        "description": "Dziura w jezdni przed szkołą.",
        "address": "ul. Wolności 286, Zabrze",
        "email": "jan@example.com",
        HONEYPOT_FIELD: "",
    }
    data.update(extra)
    return data


def contact(**extra):
    data = {
        "name": "Jan Kowalski",
        "email": "jan@example.com",
        "subject": "Pytanie",
        "message": "Kiedy otwarte jest biuro?",
        "consent": True,
        HONEYPOT_FIELD: "",
    }
    data.update(extra)
    return data


def errors_of(response):
    assert response.status_code == 400, response.text
    body = response.json()["error"]
    assert body["type"] == "ValidationError"
    return {item["field"]: item["message"] for item in body["errors"]}


def test_list_of_forms_for_anonymous(portal, anon):
    response = anon.get("/@citizen-forms")
    assert response.status_code == 200
    items = {item["id"]: item for item in response.json()["items"]}
    assert set(items) == {"zglos-problem", "kontakt-z-urzedem", "wniosek-o-informacje-publiczna"}
    assert items["kontakt-z-urzedem"]["consent_required"] is True
    assert items["zglos-problem"]["consent_required"] is False
    assert items["zglos-problem"]["@id"].endswith("/dla-mieszkancow/formularze/zglos-problem")


def test_private_form_is_neither_listed_nor_readable_nor_submittable(portal, anon):
    form = portal["dla-mieszkancow"]["formularze"]["kontakt-z-urzedem"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=form, to_state="private")
    transaction.commit()
    ids = [item["id"] for item in anon.get("/@citizen-forms").json()["items"]]
    assert "kontakt-z-urzedem" not in ids
    assert anon.get("/@citizen-forms/kontakt-z-urzedem").status_code == 404
    before = cases(portal)
    assert anon.post("/@citizen-forms/kontakt-z-urzedem", json=contact()).status_code == 404
    assert cases(portal) == before


def test_form_description_has_fields_choices_rodo_and_consent(portal, anon):
    response = anon.get("/@citizen-forms/zglos-problem")
    assert response.status_code == 200
    data = response.json()
    fields = {f["name"]: f for f in data["fields"]}
    assert list(fields) == ["category", "description", "address", "latitude", "longitude", "photo", "name", "email"]
    assert fields["category"]["type"] == "choice" and fields["category"]["required"] is True
    assert {"value": "zielen", "title": "Zieleń miejska (drzewa, trawniki, parki)"} in fields["category"]["choices"]
    assert fields["category"]["description"].startswith("Od kategorii zależy")
    assert fields["description"]["type"] == "text" and fields["description"]["max_length"] == 5000
    assert fields["latitude"] == {
        "name": "latitude", "type": "number", "title": "Szerokość geograficzna", "required": False,
        "description": fields["latitude"]["description"], "minimum": -90.0, "maximum": 90.0,
    }
    assert fields["address"]["max_length"] == 300  # the site's limit of a one-line field
    assert fields["photo"]["type"] == "file" and fields["photo"]["validators"] == ["isAllowedAttachment"]
    assert fields["email"]["validators"] == ["isValidEmail"]
    assert data["consent_required"] is False and data["consent_field"] is None
    assert data["honeypot_field"] == HONEYPOT_FIELD
    assert data["rodo"]["legal_basis"] == "public_task"
    headings = [item["heading"] for item in data["rodo"]["clause"]]
    assert "Administrator" in headings[0]
    assert "Prezydent Miasta Zabrze" in data["rodo"]["clause"][0]["text"]

    consent_form = anon.get("/@citizen-forms/kontakt-z-urzedem").json()
    assert consent_form["consent_required"] is True and consent_form["consent_field"] == "consent"
    consent = next(f for f in consent_form["fields"] if f["name"] == "consent")
    assert consent["type"] == "boolean" and consent["required"] is True
    assert any("wycofać" in item["text"] for item in consent_form["rodo"]["clause"])


def test_unknown_form_is_404(portal, anon):
    assert anon.get("/@citizen-forms/nie-ma-takiego").status_code == 404
    assert anon.get("/@citizen-forms/zglos-problem/dalej").status_code == 404
    assert anon.post("/@citizen-forms/nie-ma-takiego", json=problem()).status_code == 404


def test_submission_creates_a_case_and_returns_sign_and_code_once(portal, anon):
    before = cases(portal)
    photo = {"filename": "dziura.png", "data": base64.b64encode(PNG).decode()}
    response = anon.post("/@citizen-forms/zglos-problem", json=problem(photo=photo, latitude=50.3, longitude=18.78))
    assert response.status_code == 201, response.text
    data = response.json()
    assert SIGN_RE.match(data["sign"]) and len(data["tracking_code"]) >= 8
    assert data["email_confirmation"] is True
    assert cases(portal) == before + 1
    case = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(case_sign=data["sign"])[0]
    case = case._unrestrictedGetObject()
    assert case.unit_id == "miejski-zarzad-drog"
    assert case.attachment.filename == "dziura.png" and case.attachment.data == PNG
    assert case.latitude == 50.3
    assert data["tracking_code"] not in repr(case.__dict__)  # only its hash is stored

    status = anon.post("/@case-status", json={"sign": data["sign"], "code": data["tracking_code"]})
    assert status.status_code == 200 and status.json()["state"] == "registered"
    # The code is never shown again.
    assert data["tracking_code"] not in anon.get("/@citizen-forms/zglos-problem").text


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"category": None}, "category", "Wypełnij to pole."),
        ({"category": "kosmos"}, "category", "Wybierz jedną z podanych możliwości."),
        ({"description": 12}, "description", "Podaj tekst."),
        ({"description": "x" * 5001}, "description", "najwyżej 5000 znaków"),
        ({"address": "x" * 301}, "address", "najwyżej 300 znaków"),
        ({"latitude": "50.3"}, "latitude", "Podaj liczbę."),
        ({"latitude": 120.0, "longitude": 18.0}, "latitude", "najwyżej 90"),
        ({"latitude": 50.3}, "longitude", "długość"),
        ({"latitude": 50.2945, "longitude": 18.6714}, "latitude", "Ten punkt leży poza Zabrzem."),  # Gliwice
        ({"address": "", "latitude": None}, "address", "adres"),
        ({"email": "nie-adres"}, "email", "adres e-mail"),
        ({"photo": {"filename": "a.png", "data": "@@@"}}, "photo", "base64"),
        ({"photo": "dziura.png"}, "photo", "filename"),
        ({"photo": {"filename": "a.sh", "data": base64.b64encode(b"#!/bin/sh").decode()}}, "photo", "odrzucono"),
        ({"photo": {"filename": "a.png", "data": base64.b64encode(PDF).decode()}}, "photo", "odrzucono"),
        ({"wiek": 30}, "wiek", "nie ma takiego pola"),
    ],
)
def test_bad_fields_answer_400_per_field_in_polish_and_store_nothing(portal, anon, changes, field, message):
    before = cases(portal)
    data = problem()
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    errors = errors_of(anon.post("/@citizen-forms/zglos-problem", json=data))
    assert field in errors, errors
    if message:
        assert message in errors[field], errors
    assert cases(portal) == before


def test_consent_is_required_where_it_is_the_basis(portal, anon):
    before = cases(portal)
    errors = errors_of(anon.post("/@citizen-forms/kontakt-z-urzedem", json=contact(consent=False)))
    assert "consent" in errors and "zgod" in errors["consent"]
    assert cases(portal) == before
    assert anon.post("/@citizen-forms/kontakt-z-urzedem", json=contact()).status_code == 201


def test_honeypot_must_be_sent_empty(portal, anon):
    before = cases(portal)
    data = problem()
    del data[HONEYPOT_FIELD]
    assert anon.post("/@citizen-forms/zglos-problem", json=data).status_code == 403
    assert anon.post("/@citizen-forms/zglos-problem", json=problem(**{HONEYPOT_FIELD: "spam"})).status_code == 403
    assert cases(portal) == before


@pytest.mark.parametrize("body", ["[]", "nie json", '"tekst"', "{"])
def test_body_that_is_not_an_object_is_400(portal, anon, body):
    response = anon.post("/@citizen-forms/zglos-problem", data=body.encode())
    assert response.status_code == 400, response.text
    body = response.json()
    assert body.get("error", body)["message"]  # ours, or the site's answer to a body that is not JSON


def test_rate_limit_answers_429(portal, anon):
    api.portal.set_registry_record("ezabrze.policy.cases.submissions_per_window", 2)
    transaction.commit()
    for _ in range(2):
        assert anon.post("/@citizen-forms/zglos-problem", json=problem()).status_code == 201
    before = cases(portal)
    response = anon.post("/@citizen-forms/zglos-problem", json=problem())
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "600"
    assert "zbyt wiele" in response.json()["error"]["message"]
    assert cases(portal) == before
    # Invalid submissions are not counted (the HTML form counts only valid ones too).
    ratelimit.submissions.reset()
    for _ in range(3):
        errors_of(anon.post("/@citizen-forms/zglos-problem", json=problem(category="kosmos")))
    assert anon.post("/@citizen-forms/zglos-problem", json=problem()).status_code == 201
