"""Every text field of every own content type has a maximum length; an over-long value is refused with a
Polish message by the edit form and with 400 (naming the field) by the REST API, and nothing is stored."""

from ezabrze.policy.security import limits
from pathlib import Path
from plone.app.textfield import RichText
from plone.dexterity.utils import iterSchemataForType
from zope.schema import getFieldsInOrder
from zope.schema import Text

import ezabrze.policy
import pytest


def own_types(package):
    """The types a package's profile defines or changes (its types/*.xml)."""
    types = Path(package.__file__).parent / "profiles" / "default" / "types"
    return [path.stem.replace("_", " ") for path in sorted(types.glob("*.xml"))]


OWN_TYPES = own_types(ezabrze.policy)


def test_the_own_types_are_found():
    assert {"Case", "Notice", "Document", "News Item", "Event", "OrganizationalUnit"} <= set(OWN_TYPES)


def text_fields_without_maximum(portal, portal_type):
    """Also used by ezabrze.ngo's tests for its types."""
    assert portal.portal_types.get(portal_type) is not None, portal_type
    missing = []
    for schema in iterSchemataForType(portal_type):
        for name, field in getFieldsInOrder(schema):
            for inner_name, inner in limits.text_fields(name, field):
                if isinstance(inner, (Text, RichText)) and not getattr(inner, "max_length", None):
                    missing.append(f"{schema.__identifier__}.{inner_name}")
                elif isinstance(inner, (Text, RichText)):
                    assert inner.max_length <= limits.RICH_TEXT_MAX
    return missing


@pytest.mark.parametrize("portal_type", OWN_TYPES)
def test_every_text_field_has_a_maximum_length(portal, portal_type):
    missing = text_fields_without_maximum(portal, portal_type)
    assert not missing, f"{portal_type}: text fields without max_length: {missing}"


def test_a_field_without_maximum_is_found(portal, monkeypatch):
    from ezabrze.policy.councils.content import INotice

    monkeypatch.setattr(INotice["meeting_place"], "max_length", None)
    assert text_fields_without_maximum(portal, "Notice") == ["ezabrze.policy.councils.content.INotice.meeting_place"]


@pytest.mark.parametrize("portal_type", OWN_TYPES)
def test_titles_and_descriptions_have_the_documented_limits(portal, portal_type):
    for schema in iterSchemataForType(portal_type):
        fields = dict(getFieldsInOrder(schema))
        if "title" in fields and isinstance(fields["title"], Text):
            assert fields["title"].max_length <= limits.TITLE_MAX
        if "description" in fields and isinstance(fields["description"], Text):
            assert fields["description"].max_length <= limits.DESCRIPTION_MAX


# --------------------------------------------------------------------------- REST: 400 per field, nothing stored

@pytest.fixture
def manager_api(functional_portal, manager_request):
    manager_request.headers.update({"Accept": "application/json", "Accept-Language": "pl"})
    return manager_request


def _errors(response):
    assert response.status_code == 400, response.text
    body = response.json()
    assert "Traceback" not in response.text
    return body


@pytest.mark.parametrize(
    "portal_type,field,value",
    [
        ("Document", "title", "T" * (limits.TITLE_MAX + 1)),
        ("Document", "description", "D" * (limits.DESCRIPTION_MAX + 1)),
        ("News Item", "text", {"data": "<p>" + "x" * limits.RICH_TEXT_MAX + "</p>", "content-type": "text/html"}),
        ("Event", "location", "L" * (limits.FIELD_LINE_MAX + 1)),
        ("Document", "subjects", ["s" * (limits.FIELD_LINE_MAX + 1)]),
    ],
)
def test_rest_create_refuses_an_over_long_value(manager_api, portal_type, field, value):
    data = {"@type": portal_type, "id": "za-dlugi", "title": "Tytuł", field: value}
    body = _errors(manager_api.post("/aktualnosci", json=data))
    assert field in str(body["message"])
    assert "za długi" in str(body["message"]) or "za dług" in str(body["message"]).lower()
    assert manager_api.get("/aktualnosci/za-dlugi").status_code == 404  # nothing stored


def test_rest_patch_refuses_and_keeps_the_old_value(manager_api):
    assert manager_api.post("/aktualnosci", json={"@type": "Document", "id": "strona", "title": "Stary"}).status_code \
        == 201
    response = manager_api.patch("/aktualnosci/strona", json={"title": "Nowy", "description": "D" * 5000})
    body = _errors(response)
    assert "description" in str(body["message"])
    assert manager_api.get("/aktualnosci/strona").json()["title"] == "Stary"


def test_rest_accepts_values_at_the_limit(manager_api):
    data = {"@type": "Document", "id": "dokladnie", "title": "T" * limits.TITLE_MAX,
            "description": "D" * limits.DESCRIPTION_MAX}
    assert manager_api.post("/aktualnosci", json=data).status_code == 201


def test_edit_form_shows_a_polish_message(functional_portal, request_factory):
    """The Classic UI edit form: the field's error in Polish, the item unchanged."""
    from plone import api

    import re
    import transaction

    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=functional_portal["aktualnosci"], type="Document", id="forma", title="Stary")
    transaction.commit()
    session = request_factory(role="Manager", api=False)
    session.headers["Accept-Language"] = "pl"
    form = session.get("/aktualnosci/forma/edit").text
    found = re.search(r'name="_authenticator"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_authenticator"', form)
    token = found.group(1) or found.group(2)
    response = session.post("/aktualnosci/forma/edit", data={
        "form.widgets.IDublinCore.title": "T" * (limits.TITLE_MAX + 1), "form.buttons.save": "Zapisz",
        "_authenticator": token})
    assert response.status_code == 200

    assert "Tekst jest za długi" in response.text
    assert session.get("/aktualnosci/forma", headers={"Accept": "application/json"}).json()["title"] == "Stary"
