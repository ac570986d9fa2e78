"""No English on Polish pages: every public page type and form, and the staff pages (edit forms of own types,
my work, the intranet, control panels of own features), render with every message translated.

While the pages render, each translation asked for in Polish is watched (ezabrze.policy.testing.polish): a message
that comes back as its English default (or as its bare msgid) was not translated, and the test names it with its
domain. Override translations of Plone's own messages live in ezabrze.policy's locales (pl/LC_MESSAGES/plone.po).
ezabrze.ngo checks its pages (representatives, remark and offer forms) the same way (tests/test_polish_pages.py).
"""

from ezabrze.policy.testing import catalogue as ct
from ezabrze.policy.testing import polish
from plone import api

import lxml.html
import pytest
import transaction


@pytest.fixture
def pages(functional_portal):
    portal = functional_portal
    with api.env.adopt_roles(["Manager"]):
        unit = ct.make_unit(portal, "wydzial", "Wydział Komunikacji", email="wk@um.zabrze.pl")
        ct.make_service(portal, "prawo-jazdy", "Wydanie prawa jazdy", unit)
        page = api.content.create(container=portal, type="Document", id="strona", title="Strona o odpadach")
        news = api.content.create(container=portal, type="News Item", id="aktualnosc", title="Aktualność")
        event = api.content.create(container=portal, type="Event", id="wydarzenie", title="Dni Zabrza")
        for obj in (page, news, event):
            api.content.transition(obj, to_state="published")
    transaction.commit()
    return {
        "home": "/",
        "search": "/@@search?SearchableText=prawo",
        "search without results": "/@@search?SearchableText=xyzxyz",
        "document": "/strona",
        "news item": "/aktualnosc",
        "event": "/wydarzenie",
        "service": "/dla-mieszkancow/uslugi/prawo-jazdy",
        "unit": "/dla-mieszkancow/jednostki/wydzial",
        "catalogue": "/dla-mieszkancow/uslugi",
        "problem form": "/dla-mieszkancow/formularze/zglos-problem",
        "contact form": "/dla-mieszkancow/formularze/kontakt-z-urzedem",
        "case status": "/status-sprawy",
        "login": "/login",
    }


def test_every_public_page_is_all_polish(request_factory, pages, untranslated, functional_portal):
    session = request_factory(api=False)
    session.headers["Accept"] = "text/html"
    problems = polish.check_pages(session, pages, untranslated, english=polish.english_scan(functional_portal))
    assert problems == [], "\n".join(problems)


STAFF_PAGES = {
    "add service form": "/dla-mieszkancow/uslugi/++add++Service",
    "service edit form": "/dla-mieszkancow/uslugi/prawo-jazdy/edit",
    "add unit form": "/dla-mieszkancow/jednostki/++add++OrganizationalUnit",
    "unit edit form": "/dla-mieszkancow/jednostki/wydzial/edit",
    "page edit form": "/strona/edit",
    "stale cards": "/dla-mieszkancow/uslugi/@@nieaktualne-karty",
    "my work": "/@@moja-praca",
    "intranet": "/intranet",
    "staff directory": "/intranet/pracownicy",
    "unit cases": "/@@sprawy-jednostki",
    "search synonyms control panel": "/@@synonimy-wyszukiwania",
    "editorial control panel": "/@@ezabrze-editorial-settings",
    "life event categories control panel": "/@@kategorie-zdarzen-zyciowych",
    "cases control panel": "/@@sprawy-ustawienia",
}


def test_every_staff_page_is_all_polish(request_factory, pages, untranslated, functional_portal):
    """Edit forms of own types, my work, the intranet and the control panels of own features, logged in."""
    session = request_factory(role="Manager", api=False)
    session.headers["Accept"] = "text/html"
    problems = polish.check_pages(session, STAFF_PAGES, untranslated, english=polish.english_scan(functional_portal))
    assert problems == [], "\n".join(problems)


def test_search_page_counts_in_correct_polish(request_factory, pages):
    session = request_factory(api=False)
    session.headers["Accept"] = "text/html"
    html = session.get(pages["search"]).text
    assert "Filtruj wyniki" in html and "Filter the results" not in html
    assert "element(ów)" not in html
    counts = lxml.html.fromstring(html).xpath("//*[@id='results-count']")
    assert " ".join(counts[0].text_content().split()) == "3 elementy pasują do kryteriów wyszukiwania"
    html = session.get("/@@search?SearchableText=xyzxyz").text
    counts = lxml.html.fromstring(html).xpath("//*[@id='results-count']")
    assert " ".join(counts[0].text_content().split()) == "0 elementów pasuje do kryteriów wyszukiwania"
