"""A headless client over real HTTP, with nothing but the published contract (/@openapi): it discovers every
citizen form, reads its fields, fills them from their descriptions, submits each form as JSON (with an
attachment where the form takes one) and follows the case with @case-status. Every answer is checked
against the document's schemas."""

from ezabrze.policy.testing import openapi

import base64
import pytest
import requests


pytestmark = pytest.mark.server

JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


LIMITS = ("ezabrze.policy.cases.submissions_per_window", "ezabrze.policy.cases.status_failures_allowed")


@pytest.fixture(scope="module")
def contract(server, admin_auth):
    # Every client here is 127.0.0.1 (and the fuzzing before may have used up its tries): the per-client
    # limits are switched off for this module and restored after it.
    registry = f"{server}/@registry"
    headers = {"Accept": "application/json"}
    before = {name: requests.get(f"{registry}/{name}", auth=admin_auth, headers=headers, timeout=60).json()
              for name in LIMITS}
    # 0 switches the submission limit off; wrong status tries must allow at least 1
    requests.patch(registry, json={LIMITS[0]: 0, LIMITS[1]: 10000}, auth=admin_auth, headers=headers,
                   timeout=60).raise_for_status()
    response = requests.get(f"{server}/@openapi", headers=JSON, timeout=60)
    assert response.status_code == 200
    yield response.json()
    requests.patch(registry, json=before, auth=admin_auth, headers=headers, timeout=60).raise_for_status()


def call(contract, server, method, path, **kwargs):
    response = requests.request(method, f"{server}{path}", headers=JSON, timeout=120, **kwargs)
    return openapi.assert_matches(contract, path, method, response)


def value_for(field):
    """A valid value for a described field, from its description only."""
    kind, name = field["type"], field["name"]
    if "isValidEmail" in field.get("validators", []):
        return "mieszkanka.zabrze@example.org"
    if kind == "choice":
        return field["choices"][0]["value"]
    if kind == "multiple_choice":
        return [field["choices"][0]["value"]]
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        return field.get("minimum", 1)
    if kind == "date":
        return "2026-12-01"
    if kind == "file":
        return {"filename": "wniosek.pdf", "data": base64.b64encode(PDF).decode()}
    return f"Wartość pola {name}"


def test_every_form_can_be_discovered_read_submitted_and_followed(server, contract):
    assert "/@citizen-forms/{form_id}" in contract["paths"]
    forms = call(contract, server, "GET", "/@citizen-forms").json()["items"]
    assert len(forms) >= 3
    for summary in forms:
        form = call(contract, server, "GET", f"/@citizen-forms/{summary['id']}").json()
        assert form["rodo"]["clause"]
        # optional numbers (the problem's coordinates) stay empty: their description gives only the range of any
        # coordinate, and the form refuses a point outside Zabrze; the address is the alternative
        data = {field["name"]: value_for(field) for field in form["fields"]
                if field["required"] or field["type"] not in ("integer", "number")}
        data[form["honeypot_field"]] = ""
        if form["consent_field"]:
            data[form["consent_field"]] = True
        created = call(contract, server, "POST", f"/@citizen-forms/{summary['id']}", json=data)
        assert created.status_code == 201, created.text
        case = created.json()
        status = call(contract, server, "POST", "/@case-status",
                      json={"sign": case["sign"], "code": case["tracking_code"]})
        assert status.status_code == 200, status.text
        assert status.json()["sign"] == case["sign"] and status.json()["form"] == form["title"]


def test_errors_come_back_per_field_in_polish(server, contract):
    form = call(contract, server, "GET", "/@citizen-forms/zglos-problem").json()
    response = call(contract, server, "POST", "/@citizen-forms/zglos-problem",
                    json={form["honeypot_field"]: "", "category": "nie-ma-takiej", "email": "x"})
    assert response.status_code == 400
    errors = {e["field"]: e["message"] for e in response.json()["error"]["errors"]}
    assert errors["category"] == "Wybierz jedną z podanych możliwości."
    assert errors["description"] == "Wypełnij to pole."
    assert errors["email"] == "To nie jest poprawny adres e-mail."
