"""Every msgid of ezabrze.policy is in its .pot and translated to Polish (English msgids, Polish UI)."""

from ezabrze.theme import i18ncheck
from pathlib import Path
from zope.i18n import translate

import ezabrze.policy
import pytest


PACKAGE = Path(ezabrze.policy.__file__).parent
LOCALES = PACKAGE / "locales"
DOMAIN = "ezabrze.policy"


def test_code_and_templates_have_msgids():
    assert {"four_eyes_refused", "rate_limited"} <= i18ncheck.python_msgids(PACKAGE)
    assert i18ncheck.template_msgids(PACKAGE, DOMAIN)


def test_every_msgid_is_in_the_pot():
    pot = i18ncheck.read_catalogue(LOCALES / f"{DOMAIN}.pot")
    used = i18ncheck.python_msgids(PACKAGE) | i18ncheck.template_msgids(PACKAGE, DOMAIN)
    used |= i18ncheck.counted_msgids(PACKAGE)
    assert sorted(used - set(pot)) == []


def test_polish_po_has_the_msgids_of_the_pot_all_translated():
    pot = i18ncheck.read_catalogue(LOCALES / f"{DOMAIN}.pot")
    po = i18ncheck.read_catalogue(LOCALES / "pl" / "LC_MESSAGES" / f"{DOMAIN}.po")
    assert sorted(set(pot) ^ set(po)) == []
    assert [msgid for msgid, msgstr in po.items() if not msgstr] == []


def test_catalogue_is_compiled_and_used(portal):
    from ezabrze.policy import _

    assert translate(_("four_eyes_refused"), target_language="pl").startswith("Zasada czterech oczu:")


@pytest.mark.parametrize(
    "number, text",
    [
        (1, "Znaleziono 1 usługę"),
        (2, "Znaleziono 2 usługi"),
        (4, "Znaleziono 4 usługi"),
        (5, "Znaleziono 5 usług"),
        (12, "Znaleziono 12 usług"),
        (22, "Znaleziono 22 usługi"),
        (25, "Znaleziono 25 usług"),
        (0, "Znaleziono 0 usług"),
    ],
)
def test_counts_take_the_polish_plural_form(number, text):
    from ezabrze.policy.utils import counted
    from zope.publisher.browser import TestRequest

    request = TestRequest(environ={"HTTP_ACCEPT_LANGUAGE": "pl"})
    assert counted(number, "${count} service found", "${count} services found", request) == text


def test_plural_entries_need_every_form(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid "${count} a"\nmsgid_plural "${count} as"\nmsgstr[0] "1"\nmsgstr[1] ""\nmsgstr[2] "5"\n\n'
        'msgid "${count} b"\nmsgid_plural "${count} bs"\nmsgstr[0] "1"\nmsgstr[1] "2"\nmsgstr[2] "5"\n',
        encoding="utf-8",
    )
    assert i18ncheck.read_catalogue(po) == {"${count} a": "", "${count} b": "1\n2\n5"}


def test_search_page_number_of_results_takes_the_polish_plural_form():
    from ezabrze.policy.search.browser.views import PluralSearch
    from zope.publisher.browser import TestRequest

    view = PluralSearch(None, TestRequest(environ={"HTTP_ACCEPT_LANGUAGE": "pl"}))
    assert view.found_words(1) == "element pasuje do kryteriów wyszukiwania"
    assert view.found_words(3) == "elementy pasują do kryteriów wyszukiwania"
    assert view.found_words(34) == "elementy pasują do kryteriów wyszukiwania"
    assert view.found_words(15) == "elementów pasuje do kryteriów wyszukiwania"


def test_notice_board_counts_notices_with_the_polish_plural_form():
    from ezabrze.policy.councils.browser.views import NoticeBoard
    from zope.publisher.browser import TestRequest

    view = NoticeBoard(None, TestRequest(environ={"HTTP_ACCEPT_LANGUAGE": "pl"}))
    texts = []
    for number in (1, 2, 5, 13, 23):
        view.total = lambda number=number: number
        texts.append(view.found_text())
    assert texts == [
        "Znaleziono 1 ogłoszenie", "Znaleziono 2 ogłoszenia", "Znaleziono 5 ogłoszeń", "Znaleziono 13 ogłoszeń",
        "Znaleziono 23 ogłoszenia",
    ]
