"""The parts of the catalogue's pages and REST answers kept for anonymous visitors (utils.anonymous_fragment):
a change is visible at once, a private item never leaks, logged-in users never get what was kept
(functional, real HTTP)."""

from ezabrze.policy.testing import catalogue as ct
from ezabrze.policy.testing.pages import html_page as page
from ezabrze.policy.testing.pages import html_session
from ezabrze.policy.testing.pages import texts
from plone import api

import pytest
import transaction


EDITOR = ("redaktor-fragmenty", "Redaktor-haslo-1")
CARD = "/dla-mieszkancow/uslugi/dowod"


@pytest.fixture
def content(functional_portal, fresh_fragments):
    portal = functional_portal
    ct.make_user(EDITOR, ["Editor", "Reviewer"])
    office = ct.make_unit(portal, "wso", "Wydział Spraw Obywatelskich")
    draft = ct.make_service(portal, "robocza", "Robocza Karta Usługi", office, publish=False)
    meldunek = ct.make_service(portal, "zameldowanie", "Zameldowanie na pobyt stały", office,
                               handling_deadline="niezwłocznie")
    ct.make_service(portal, "dowod", "Wydanie dowodu osobistego", office, related=[meldunek, draft],
                    handling_deadline="30 dni")
    transaction.commit()
    return portal


@pytest.fixture
def anonymous(request_factory):
    return html_session(request_factory)


@pytest.fixture
def anonymous_api(request_factory):
    return request_factory()


def body_text(session, path, **params):
    return " ".join(page(session, path, **params).xpath("//main")[0].text_content().split())


def related_titles(session):
    return texts(page(session, CARD), "//section[@aria-labelledby='ezabrze-related']//li")


def rest_related(session):
    response = session.get(CARD)
    assert response.status_code == 200, response.text[:500]
    return [item["title"] for item in response.json()["related_services"]]


def test_an_edit_outside_the_catalog_is_visible_at_once(anonymous, content):
    card = content["dla-mieszkancow"]["uslugi"]["dowod"]
    assert "30 dni" in body_text(anonymous, CARD)
    assert "30 dni" in body_text(anonymous, CARD)  # kept
    ct.commit_as_owner(lambda: setattr(card, "handling_deadline", "14 dni"))  # not reindexed: only the commit tells
    text = body_text(anonymous, CARD)
    assert "14 dni" in text
    assert "30 dni" not in text


def bip_text(session, path):
    return " ".join(page(session, path).xpath("//section[contains(@class, 'ezabrze-bip-metadata')]")[0]
                    .text_content().split())


def test_the_bip_metadata_are_kept_and_follow_an_edit_at_once(anonymous, request_factory, content, monkeypatch):
    from ezabrze.policy.bip.browser import viewlet

    made = []

    def counted_metadata(obj, request):
        made.append(obj.getId())
        return metadata(obj, request)

    metadata = viewlet.metadata
    monkeypatch.setattr(viewlet, "metadata", counted_metadata)
    card = content["dla-mieszkancow"]["uslugi"]["dowod"]
    before = bip_text(anonymous, CARD)
    assert "Wydział Spraw Obywatelskich" in before and "Anna Odpowiedzialna" not in before
    assert bip_text(anonymous, CARD) == before
    assert made == ["dowod"]  # made once, then kept
    ct.commit_as_owner(lambda: setattr(card, "bip_responsible_person", "Anna Odpowiedzialna"))
    assert "Anna Odpowiedzialna" in bip_text(anonymous, CARD)
    assert made == ["dowod", "dowod"]
    editor = html_session(request_factory, EDITOR)
    assert "Anna Odpowiedzialna" in bip_text(editor, CARD)
    bip_text(editor, CARD)
    assert made == ["dowod"] * 4  # logged in: made for every rendering


def test_a_retracted_related_service_disappears_at_once(anonymous, anonymous_api, content):
    meldunek = content["dla-mieszkancow"]["uslugi"]["zameldowanie"]
    assert related_titles(anonymous) == ["Zameldowanie na pobyt stały"]
    assert rest_related(anonymous_api) == ["Zameldowanie na pobyt stały"]
    ct.commit_as_owner(lambda: api.content.transition(meldunek, to_state="private"))
    assert related_titles(anonymous) == []
    assert rest_related(anonymous_api) == []
    assert "Zameldowanie na pobyt" not in body_text(anonymous, CARD)


def test_a_published_service_appears_at_once(anonymous, anonymous_api, content):
    draft = content["dla-mieszkancow"]["uslugi"]["robocza"]
    catalogue = "/dla-mieszkancow/uslugi"
    assert "Robocza Karta Usługi" not in body_text(anonymous, catalogue)
    assert related_titles(anonymous) == ["Zameldowanie na pobyt stały"]
    assert rest_related(anonymous_api) == ["Zameldowanie na pobyt stały"]
    ct.commit_as_owner(lambda: api.content.transition(draft, to_state="published"))
    assert "Robocza Karta Usługi" in body_text(anonymous, catalogue)
    assert related_titles(anonymous) == ["Zameldowanie na pobyt stały", "Robocza Karta Usługi"]
    assert rest_related(anonymous_api) == ["Zameldowanie na pobyt stały", "Robocza Karta Usługi"]


def test_the_navigation_follows_a_renamed_service(anonymous, content):
    nav = "//*[contains(@class, 'portletNavigationTree')]//a[contains(@class, 'navTreeCurrentItem')]"
    tree = page(anonymous, CARD)
    assert texts(tree, nav) == ["Wydanie dowodu osobistego"]
    card = content["dla-mieszkancow"]["uslugi"]["dowod"]

    def rename():
        card.title = "Wydanie i odbiór dowodu osobistego"
        card.reindexObject()

    ct.commit_as_owner(rename)
    tree = page(anonymous, CARD)
    assert texts(tree, nav) == ["Wydanie i odbiór dowodu osobistego"]


def test_the_private_service_never_leaks_to_anonymous(request_factory, anonymous, anonymous_api, content):
    editor = html_session(request_factory, EDITOR)
    editor_api = request_factory(basic_auth=EDITOR)
    for _ in range(2):  # the editor first: what the editor sees is never kept for anonymous
        assert "Robocza Karta Usługi" in related_titles(editor)
        assert "Robocza Karta Usługi" in rest_related(editor_api)
        assert related_titles(anonymous) == ["Zameldowanie na pobyt stały"]
        assert rest_related(anonymous_api) == ["Zameldowanie na pobyt stały"]
        assert "Robocza Karta" not in body_text(anonymous, "/dla-mieszkancow/uslugi")


def test_logged_in_users_never_get_the_anonymous_fragment(request_factory, anonymous, anonymous_api, content):
    assert related_titles(anonymous) == ["Zameldowanie na pobyt stały"]  # kept for anonymous
    assert rest_related(anonymous_api) == ["Zameldowanie na pobyt stały"]
    editor = html_session(request_factory, EDITOR)
    assert related_titles(editor) == ["Zameldowanie na pobyt stały", "Robocza Karta Usługi"]
    assert rest_related(request_factory(basic_auth=EDITOR)) == ["Zameldowanie na pobyt stały", "Robocza Karta Usługi"]
    assert "Robocza Karta Usługi" in body_text(editor, "/dla-mieszkancow/uslugi")


def test_the_catalogue_keeps_one_entry_per_query(anonymous, content):
    assert "Wydanie dowodu osobistego" in body_text(anonymous, "/dla-mieszkancow/uslugi")
    text = body_text(anonymous, "/dla-mieszkancow/uslugi", SearchableText="zameldowanie")
    assert "Zameldowanie na pobyt stały" in text
    assert "Wydanie dowodu osobistego" not in text


def test_the_parent_summary_follows_a_renamed_catalogue(anonymous_api, content):
    folder = content["dla-mieszkancow"]["uslugi"]
    before = anonymous_api.get(CARD).json()["parent"]
    assert before["title"] == folder.Title()
    assert anonymous_api.get(CARD).json()["parent"] == before  # kept

    def rename():
        folder.title = "Katalog spraw urzędowych"
        folder.reindexObject()

    ct.commit_as_owner(rename)
    assert anonymous_api.get(CARD).json()["parent"]["title"] == "Katalog spraw urzędowych"


def test_the_card_rest_answer_is_kept_and_follows_an_edit_at_once(anonymous_api, request_factory, content,
                                                                    monkeypatch):
    from ezabrze.policy.catalogue.restapi.serializers import SerializeServiceToJson

    made = []
    serialize = SerializeServiceToJson.serialize

    def counted_serialize(self, *args, **kw):
        made.append(self.context.getId())
        return serialize(self, *args, **kw)

    monkeypatch.setattr(SerializeServiceToJson, "serialize", counted_serialize)
    card = content["dla-mieszkancow"]["uslugi"]["dowod"]
    first = anonymous_api.get(CARD).json()
    assert first["handling_deadline"] == "30 dni"
    assert anonymous_api.get(CARD).json() == first
    assert made == ["dowod"]  # made once, then kept
    assert anonymous_api.get(CARD, params={"include_items": "false"}).json().get("items") is None  # per query
    assert made == ["dowod", "dowod"]
    ct.commit_as_owner(lambda: setattr(card, "handling_deadline", "14 dni"))  # not reindexed: only the commit tells
    assert anonymous_api.get(CARD).json()["handling_deadline"] == "14 dni"
    assert made == ["dowod"] * 3
    editor_api = request_factory(basic_auth=EDITOR)
    assert editor_api.get(CARD).json()["handling_deadline"] == "14 dni"
    editor_api.get(CARD)
    assert made == ["dowod"] * 5  # logged in: made for every answer
