"""PATCH @registry as an administrator: a value the record's field refuses is 400 with a Polish message per
record (was 500), nothing is stored half-way, and a valid change still works — functional, real HTTP, answers
validated against the OpenAPI document. Anonymous users and editors still may not change the registry."""

from ezabrze.policy.testing import openapi
from ezabrze.policy.testing.personas import create_personas
from ezabrze.policy.testing.personas import PASSWORD
from plone import api

import pytest
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
RETENTION = "ezabrze.policy.cases.retention_years"  # Int, min=1, max=100
WINDOW = "ezabrze.policy.cases.window_minutes"  # Int, min=1
CATEGORIES = "ezabrze.policy.cases.problem_categories"  # List of TextLine
LANGUAGES = "plone.available_languages"  # List of Choice
DISPLAY_PUB_DATE = "plone.display_publication_date_in_byline"  # Bool


@pytest.fixture(scope="module")
def doc():
    return openapi.load()


@pytest.fixture
def admin(functional_portal, manager_request):
    manager_request.headers.update(JSON)
    return manager_request


def record(name):
    transaction.begin()  # see what the server committed
    return api.portal.get_registry_record(name)


def patch(doc, session, body, **kwargs):
    kwargs = {"json": body} if not kwargs else kwargs
    response = session.patch("/@registry", **kwargs)
    return openapi.assert_matches(doc, "/@registry", "patch", response)


def errors(response):
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    return error["message"], {item["field"]: item["message"] for item in error.get("errors", [])}


@pytest.mark.parametrize(
    "value, message",
    [
        (0, "Wartość jest za mała: co najmniej 1."),
        (-5, "Wartość jest za mała: co najmniej 1."),
        (101, "Wartość jest za duża: najwyżej 100."),
        ("5", "Ten rekord przyjmuje wartość innego typu (integer)."),
        (5.5, "Ten rekord przyjmuje wartość innego typu (integer)."),
        (True, "Ten rekord przyjmuje wartość innego typu (integer)."),
        ([1], "Ten rekord przyjmuje wartość innego typu (integer)."),
        ({"a": 1}, "Ten rekord przyjmuje wartość innego typu (integer)."),
    ],
)
def test_value_the_field_refuses_is_400_with_a_polish_message(doc, admin, value, message):
    summary, by_record = errors(patch(doc, admin, {RETENTION: value}))
    assert summary.startswith("Ustawienia nie zostały zapisane")
    assert by_record == {RETENTION: message}
    assert record(RETENTION) == 5


def test_nothing_is_stored_half_way(doc, admin):
    """One bad record: the good ones sent with it are not stored either."""
    response = patch(doc, admin, {WINDOW: 30, RETENTION: 0, "no.such.record": 1})
    _summary, by_record = errors(response)
    assert by_record == {RETENTION: "Wartość jest za mała: co najmniej 1.",
                         "no.such.record": "W rejestrze nie ma takiego rekordu."}
    assert record(WINDOW) == 10


@pytest.mark.parametrize(
    "body, field, message",
    [
        ({CATEGORIES: "drogi"}, CATEGORIES, "Ten rekord przyjmuje wartość innego typu (list)."),
        ({CATEGORIES: ["drogi", 3]}, CATEGORIES, "Element tej listy jest niepoprawny dla tego rekordu."),
        ({LANGUAGES: ["xx-klingon"]}, LANGUAGES, "Element tej listy jest niepoprawny dla tego rekordu."),
        ({DISPLAY_PUB_DATE: 1}, DISPLAY_PUB_DATE, "Ten rekord przyjmuje wartość innego typu (true/false)."),
        ({DISPLAY_PUB_DATE: "tak"}, DISPLAY_PUB_DATE, "Ten rekord przyjmuje wartość innego typu (true/false)."),
    ],
)
def test_other_invalid_values_are_400(doc, admin, body, field, message):
    before = record(field)
    _summary, by_record = errors(patch(doc, admin, body))
    assert by_record == {field: message}
    assert record(field) == before


@pytest.mark.parametrize("raw", [b"[1, 2]", b'"text"', b"{not json", b"null", b"5"])
def test_body_that_is_not_a_json_object_is_400(doc, admin, raw):
    message, by_record = errors(patch(doc, admin, None, data=raw))
    assert message == 'Wyślij zmieniane rekordy jako obiekt JSON {"nazwa rekordu": wartość}.'
    assert by_record == {}


def test_valid_values_are_stored(doc, admin):
    response = patch(doc, admin, {RETENTION: 7, WINDOW: 15, CATEGORIES: ["drogi|Drogi"], DISPLAY_PUB_DATE: True})
    assert response.status_code == 204, response.text
    assert record(RETENTION) == 7
    assert record(WINDOW) == 15
    assert record(CATEGORIES) == ["drogi|Drogi"]
    assert record(DISPLAY_PUB_DATE) is True


def test_only_an_administrator_may_patch(doc, functional_portal, anon_request, request_factory):
    create_personas(("editor",))
    transaction.commit()
    editor = request_factory(basic_auth=("editor", PASSWORD))
    for session, status in ((anon_request, 401), (editor, 401)):
        session.headers.update(JSON)
        response = patch(doc, session, {RETENTION: 9})
        assert response.status_code in (status, 403), response.text
    assert record(RETENTION) == 5
