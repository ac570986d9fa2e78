"""BIP metadata (metryczka) and change register."""

from ezabrze.policy.bip import behavior as bip
from ezabrze.policy.testing.councils import create_notice
from ezabrze.policy.testing.councils import rich
from ezabrze.policy.testing.personas import create_personas
from ezabrze.policy.testing.personas import PASSWORD
from plone import api
from plone.app.testing import logout
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

import pytest
import transaction


@pytest.mark.parametrize("type_", ["Document", "News Item", "Event", "Service", "OrganizationalUnit", "Notice"])
def test_behavior_enabled_for_office_types(portal, type_):
    assert bip.BEHAVIOR in api.portal.get_tool("portal_types")[type_].behaviors


def _edit(obj, username, comment, **changes):
    """An edit as the edit form does it: set fields, note, ObjectModifiedEvent (which saves a version)."""
    request = obj.REQUEST
    with api.env.adopt_user(username=username):
        for name, value in changes.items():
            setattr(obj, name, value)
        IAnnotations(request)["plone.app.versioningbehavior-changeNote"] = comment
        notify(ObjectModifiedEvent(obj, Attributes(None, *changes)))
        del IAnnotations(request)["plone.app.versioningbehavior-changeNote"]


def _page(portal):
    create_personas()
    with api.env.adopt_user(username="editor"):
        page = api.content.create(
            container=portal["aktualnosci"],
            type="Document",
            id="zarzadzenie",
            title="Zarządzenie w sprawie dyżurów",
            text=rich("<p>Pierwsza wersja.</p>"),
            bip_prepared_by="Wydział Organizacyjny",
            bip_responsible_person="Anna Kowalska, Naczelnik Wydziału Organizacyjnego",
        )
        api.content.transition(page, transition="submit")
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(page, transition="publish", comment="Publikacja w BIP.")
    _edit(page, "editor", "Poprawiono godziny dyżurów.", text=rich("<p>Druga wersja.</p>"))
    _edit(page, "editor", "Zmiana tytułu.", title="Zarządzenie nr 12/2026 w sprawie dyżurów")
    return page


def test_metadata_records_who_and_when(portal, http_request):
    page = _page(portal)
    data = bip.metadata(page, http_request)
    assert data["publishing_entity"] == "Urząd Miejski w Zabrzu"
    assert data["prepared_by"] == "Wydział Organizacyjny"
    assert data["responsible_person"].startswith("Anna Kowalska")
    # visitors see names, never login ids (ezabrze.policy.security.authorship.without_login_ids)
    assert data["entered_by"] == {"fullname": "Ewa Redaktorka"}
    assert data["published_by"] == {"fullname": "Jan Recenzent"}
    assert data["published"] and data["created"] and data["published"] >= data["created"]


def test_publisher_is_recorded_at_the_publish_transition(portal):
    page = _page(portal)
    record = bip._record(page)
    assert record["first_published_by"] == "reviewer"
    first = record["first_published"]
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(page, transition="retract", comment="Korekta.")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(page, transition="publish")
    assert record["first_published"] == first and record["first_published_by"] == "reviewer"
    assert record["last_published"] >= first


def test_change_register_lists_versions_with_changed_fields(portal, http_request):
    page = _page(portal)
    register = bip.metadata(page, http_request)["change_register"]
    assert len(register) >= 3
    newest, middle = register[0], register[1]
    assert newest["comment"] == "Zmiana tytułu." and newest["actor"]["fullname"] == "Ewa Redaktorka"
    assert newest["changed_fields"] == ["Tytuł"]
    assert middle["comment"] == "Poprawiono godziny dyżurów."
    assert "Tekst" in middle["changed_fields"] and "Tytuł" not in middle["changed_fields"]
    assert register[-1]["changed_fields"] == []
    # metadata only: no field values of any version
    assert "Pierwsza wersja" not in repr(register) and "Druga wersja" not in repr(register)


def test_viewlet_shows_metadata_to_anonymous(portal, http_request):
    page = _page(portal)
    logout()
    html = api.content.get_view("view", page, http_request)()
    assert "Metryczka informacji (BIP)" in html and "Rejestr zmian" in html and "ezabrze-bip-metadata" in html
    assert "Wydział Organizacyjny" in html and "Jan Recenzent" in html and "Zmiana tytułu." in html


def test_viewlet_not_shown_on_drafts(portal, http_request):
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(container=portal["aktualnosci"], type="Document", id="szkic", title="Szkic")
    html = api.content.get_view("view", page, http_request)()
    assert "ezabrze-bip-metadata" not in html and "Metryczka informacji" not in html


def test_notice_has_metadata_too(portal, http_request):
    notice = create_notice(portal["rady-dzielnic"]["zaborze"], "n", "Ogłoszenie", state="published")
    assert bip.IBIPMetadata.providedBy(notice)
    assert bip.metadata(notice, http_request)["published"]


@pytest.fixture
def published_page(functional_portal):
    page = _page(functional_portal)
    with api.env.adopt_roles(["Manager"]):
        draft = api.content.create(container=functional_portal["aktualnosci"], type="Document", id="projekt",
                                   title="Projekt uchwały", text=rich("<p>Tajny projekt.</p>"))
    transaction.commit()
    return page, draft


def test_rest_bip_metadata_for_anonymous(anon_request, published_page):
    response = anon_request.get("/aktualnosci/zarzadzenie/@bip-metadata")
    assert response.status_code == 200
    data = response.json()
    assert data["published_by"]["fullname"] == "Jan Recenzent"
    assert data["prepared_by"] == "Wydział Organizacyjny"
    assert [e["comment"] for e in data["change_register"]][:2] == ["Zmiana tytułu.", "Poprawiono godziny dyżurów."]
    assert "Pierwsza wersja" not in response.text


def test_rest_does_not_expose_drafts_or_old_versions(anon_request, published_page):
    assert anon_request.get("/aktualnosci/projekt/@bip-metadata").status_code == 401
    assert anon_request.get("/aktualnosci/zarzadzenie/@history").status_code == 401
    assert anon_request.get("/aktualnosci/zarzadzenie/@history/0").status_code == 401


def test_rest_register_for_editors(request_factory, published_page):
    session = request_factory(basic_auth=("editor", PASSWORD))
    response = session.get("/aktualnosci/zarzadzenie/@bip-metadata")
    assert response.status_code == 200 and response.json()["entered_by"]["id"] == "editor"
