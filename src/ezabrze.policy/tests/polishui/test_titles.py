"""Titles Plone wrote in English on Polish pages (ezabrze.policy/polishui/titles.py and the tabbed_forms.pt
override): the browser title of the types and member fields panels and of a type's pages, a type's heading,
and the content-rule add views' browser title and breadcrumbs."""

from ezabrze.policy.testing.pages import html_page
from ezabrze.policy.testing.pages import html_session
from ezabrze.policy.testing.pages import texts
from plone import api
from zope.i18n import translate

import pytest
import transaction


@pytest.fixture
def manager(request_factory, functional_portal):
    return html_session(request_factory, role="Manager")


def _title(page):
    return " ".join(page.findtext(".//title").split())


def _breadcrumbs(page):
    return texts(page, "//*[@id='portal-breadcrumbs']//li")


def test_types_and_member_fields_panels_have_polish_browser_titles(manager):
    assert _title(html_page(manager, "/@@dexterity-types")) == "Typy treści — Miasto Zabrze"
    assert _title(html_page(manager, "/@@member-fields")) == "Pola profilu użytkownika — Miasto Zabrze"


@pytest.mark.parametrize("tab", ["", "/@@fields", "/@@behaviors"])
def test_a_types_pages_are_titled_in_the_types_domain(manager, tab):
    page = html_page(manager, "/@@dexterity-types/Document" + tab)
    assert _title(page) == "Strona — Miasto Zabrze"
    heading = " ".join(page.xpath("//h1[contains(@class, 'documentFirstHeading')]")[0].text_content().split())
    assert heading == "Strona (Document)"
    assert "Strona" in _breadcrumbs(page)
    assert "Page" not in _breadcrumbs(page)


def test_a_title_that_is_no_message_stays_as_it_is(manager, functional_portal):
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=functional_portal, type="Document", id="about", title="Content Types")
    transaction.commit()
    assert _title(html_page(manager, "/about")) == "Content Types — Miasto Zabrze"


@pytest.fixture
def rule(functional_portal):
    from plone.app.contentrules.rule import Rule
    from plone.contentrules.engine.interfaces import IRuleStorage
    from zope.component import getUtility
    from zope.lifecycleevent.interfaces import IObjectAddedEvent

    rule = Rule()
    rule.title = "Powiadomienie"
    rule.event = IObjectAddedEvent
    getUtility(IRuleStorage)["regula"] = rule
    transaction.commit()


@pytest.mark.parametrize(
    "path, title",
    [
        ("/+rule/plone.ContentRule", "Dodaj regułę treści"),
        ("/++rule++regula/+condition/plone.conditions.PortalType", "Dodaj warunek"),
        ("/++rule++regula/+action/plone.actions.Notify", "Dodaj akcję"),
    ],
)
def test_the_content_rule_add_views_have_polish_titles(manager, rule, path, title):
    page = html_page(manager, path)
    assert _title(page) == f"{title} — Miasto Zabrze"
    assert title in _breadcrumbs(page)
    assert not any(crumb.startswith("+") for crumb in _breadcrumbs(page))


def test_the_types_listing_shows_the_types_titles_and_descriptions_translated(manager, functional_portal):
    """Site Setup > Content types listed every type's stored (English) title and description as they are."""
    page = html_page(manager, "/@@dexterity-types")
    cells = {" ".join(span.text_content().split()) for span in page.xpath("//*[@id='content']//td//span")}
    types = api.portal.get_tool("portal_types")
    document, case = types["Document"], types["Case"]
    assert {"Strona", "Sprawa"} <= cells
    assert not {text for text in (document.title, document.description, case.title, case.description) if text} & cells
    polish_description = translate(case.Description(), target_language="pl")
    assert polish_description != case.description
    assert polish_description in cells
