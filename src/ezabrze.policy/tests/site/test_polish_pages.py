"""No English on Polish pages: every public page type and form renders with every message translated.

While the pages render, each translation asked for in Polish is watched: a message that comes back as its
English default (or as its bare msgid) was not translated, and the test names it with its domain. Override
translations of Plone's own messages live in ezabrze.policy's locales (pl/LC_MESSAGES/plone.po).
"""

from ezabrze.policy.testing import catalogue as ct
from plone import api
from zope.i18n.translationdomain import TranslationDomain

import lxml.html
import pytest
import re
import transaction


LETTERS = re.compile(r"[A-Za-z]{2,}")


def _in_catalogues(domain, msgid, languages, msgid_plural=None):
    def has(catalogue):
        if msgid_plural is not None:
            return catalogue.queryPluralMessage(msgid, msgid_plural, 1) is not None
        return catalogue.queryMessage(msgid) is not None

    return any(has(domain._data[name]) for language in languages for name in domain._catalogs.get(language, ()))


def _is_untranslated(domain, msgid, default, msgid_plural=None):
    """No Polish entry for a message the domain really owns.

    A Polish entry counts even when it is spelled like the default ("E-mail:"). Messages of our own domains
    must all have one; in other domains (plone, plone.app.*, collective.easyform) a message counts as the
    domain's own when it has a default different from its id or another language translates it: text that
    is only passed through translate (content titles, field titles of forms editors made) does not.
    """
    if _in_catalogues(domain, msgid, ["pl"], msgid_plural):
        return False
    if domain.domain.startswith("ezabrze."):
        return True
    if default is not None and str(default) != str(msgid):
        return True
    others = [language for language in domain._catalogs if language not in ("pl", "test")]  # "test": zope.i18n's echo
    return _in_catalogues(domain, msgid, others)


@pytest.fixture
def untranslated(monkeypatch):
    found = set()
    original = TranslationDomain.translate

    def watching(
        self,
        msgid,
        mapping=None,
        context=None,
        target_language=None,
        default=None,
        msgid_plural=None,
        default_plural=None,
        number=None,
    ):
        result = original(self, msgid, mapping, context, target_language, default, msgid_plural, default_plural, number)
        plural = str(msgid_plural or getattr(msgid, "msgid_plural", None) or "") or None
        if LETTERS.search(str(msgid)) and _is_untranslated(self, str(msgid), default, plural):
            found.add(f"{self.domain}: {msgid!s} -> {str(result)[:60]!r}")
        return result

    monkeypatch.setattr(TranslationDomain, "translate", watching)
    return found


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


def test_every_public_page_is_all_polish(request_factory, pages, untranslated):
    session = request_factory(api=False)
    session.headers["Accept"] = "text/html"
    problems = []
    for name, path in pages.items():
        untranslated.clear()
        response = session.get(path)
        assert response.status_code == 200, (name, response.status_code)
        problems.extend(f"{name}: {entry}" for entry in sorted(untranslated))
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


def test_every_staff_page_is_all_polish(request_factory, pages, untranslated):
    """Edit forms of own types, my work, the intranet and the control panels of own features, logged in."""
    session = request_factory(role="Manager", api=False)
    session.headers["Accept"] = "text/html"
    problems = []
    for name, path in STAFF_PAGES.items():
        untranslated.clear()
        response = session.get(path)
        assert response.status_code == 200, (name, response.status_code)
        problems.extend(f"{name}: {entry}" for entry in sorted(untranslated))
    assert problems == [], "\n".join(problems)


def test_search_page_counts_in_correct_polish(request_factory, pages):
    session = request_factory(api=False)
    session.headers["Accept"] = "text/html"
    html = session.get(pages["search"]).text
    assert "Filtruj wyniki" in html and "Filter the results" not in html
    assert "element(ów)" not in html
    counts = lxml.html.fromstring(html).xpath("//*[@id='results-count']")
    assert " ".join(counts[0].text_content().split()) == "3 elementy pasują do kryteriów wyszukiwania"  # prawo jazdy: the card, its unit, the catalogue
    html = session.get("/@@search?SearchableText=xyzxyz").text
    counts = lxml.html.fromstring(html).xpath("//*[@id='results-count']")
    assert " ".join(counts[0].text_content().split()) == "0 elementów pasuje do kryteriów wyszukiwania"
