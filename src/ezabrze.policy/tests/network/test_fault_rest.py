"""POST @network-fault (real HTTP): staff report a fault with the checks of the form; the public status
follows; anonymous and residents are refused; bad input is a Polish 400 and records nothing; every answer
matches the OpenAPI document of the headless feature."""

from ezabrze.policy.testing import openapi
from ezabrze.policy.testing.personas import create_personas
from ezabrze.policy.testing.personas import PASSWORD

import pytest
import transaction


BASE = "/strategia-e-zabrze/siec"
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


@pytest.fixture(scope="module")
def doc():
    return openapi.load()


@pytest.fixture
def people(functional_portal):
    create_personas(["staff", "resident", "editor"])
    transaction.commit()


def _session(request_factory, name):
    session = request_factory(basic_auth=(name, PASSWORD))
    session.headers.update(JSON)
    return session


def _post(doc, session, node, body):
    path = f"{BASE}/{node}/@network-fault"
    response = session.post(path, json=body) if not isinstance(body, str) else session.post(path, data=body)
    return openapi.assert_matches(doc, path, "post", response)


def _public_status(anon_request, node):
    features = anon_request.get(f"{BASE}/@network", params={"type": "hotspot"}).json()["geojson"]["features"]
    return next(f["properties"]["status"] for f in features if f["id"] == node)


def test_staff_report_a_fault_and_the_public_status_follows(doc, request_factory, anon_request, people):
    assert _public_status(anon_request, "hotspot-2") == "working"
    response = _post(doc, _session(request_factory, "staff"), "hotspot-2", {"status": "fault", "comment": " Brak sygnału "})
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "fault" and data["status_title"] == "Awaria"
    assert data["faults"][0]["comment"] == "Brak sygnału" and data["faults"][0]["by"] == "staff"
    assert _public_status(anon_request, "hotspot-2") == "fault"
    response = _post(doc, _session(request_factory, "editor"), "hotspot-2", {"status": "working", "comment": "Naprawiono"})
    assert response.status_code == 201
    assert [f["status"] for f in response.json()["faults"]] == ["working", "fault"]
    assert _public_status(anon_request, "hotspot-2") == "working"


def test_staff_report_on_a_staff_only_site(doc, request_factory, anon_request, people):
    response = _post(
        doc, _session(request_factory, "staff"), "szkola-podstawowa-nr-1", {"status": "maintenance", "comment": "Przegląd"}
    )
    assert response.status_code == 201
    anon_request.headers.update(JSON)
    refused = anon_request.post(f"{BASE}/szkola-podstawowa-nr-1/@network-fault", json={"status": "fault", "comment": "x"})
    assert refused.status_code == 401


@pytest.mark.parametrize("who", [None, "resident"])
def test_anonymous_and_residents_may_not_report(doc, request_factory, anon_request, people, who):
    session = _session(request_factory, who) if who else anon_request
    session.headers.update(JSON)
    response = _post(doc, session, "hotspot-3", {"status": "fault", "comment": "Nie działa"})
    assert response.status_code in (401, 403)
    assert _public_status(anon_request, "hotspot-3") == "working"


@pytest.mark.parametrize(
    "body, field, message",
    [
        ({"status": "broken", "comment": "x"}, "status", "Wybierz nowy stan"),
        ({"status": "fault", "comment": "   "}, "comment", "Opisz awarię lub naprawę."),
        ({"status": "fault"}, "comment", "Opisz awarię lub naprawę."),
        ({"status": "fault", "comment": 5}, "comment", "Opisz awarię lub naprawę."),
        ({"status": "fault", "comment": "x" * 2001}, "comment", "najwyżej 2000 znaków"),
        # a body that is not a JSON object: refused before or by the service, in Polish either way
        ("[1, 2]", None, "JSON"),
        ("nie json", None, "JSON"),
        ("null", None, "JSON"),
    ],
)
def test_bad_input_is_a_polish_400_and_records_nothing(
    doc, request_factory, anon_request, functional_portal, people, body, field, message
):
    response = _post(doc, _session(request_factory, "staff"), "hotspot-4", body)
    assert response.status_code == 400
    error = response.json().get("error", response.json())  # the portal's Error or plone.rest's error
    if field:
        assert [e["field"] for e in error["errors"]] == [field]
        assert message in error["errors"][0]["message"]
    assert message in error["message"]
    assert any(letter in error["message"] for letter in "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
    transaction.begin()
    assert not functional_portal["strategia-e-zabrze"]["siec"]["hotspot-4"].faults
    assert _public_status(anon_request, "hotspot-4") == "working"
