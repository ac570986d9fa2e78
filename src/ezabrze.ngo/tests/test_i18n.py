"""Every msgid of ezabrze.ngo is in its .pot and translated to Polish (English msgids, Polish UI)."""

from ezabrze.theme import i18ncheck
from pathlib import Path
from zope.i18n import translate

import ezabrze.ngo


PACKAGE = Path(ezabrze.ngo.__file__).parent
LOCALES = PACKAGE / "locales"
DOMAIN = "ezabrze.ngo"


def test_every_msgid_is_in_the_pot():
    pot = i18ncheck.read_catalogue(LOCALES / f"{DOMAIN}.pot")
    used = i18ncheck.python_msgids(PACKAGE) | i18ncheck.template_msgids(PACKAGE, DOMAIN)
    used |= i18ncheck.counted_msgids(PACKAGE)
    assert "${count} organisation found" in used
    assert len(used) > 200
    assert sorted(used - set(pot)) == []


def test_polish_po_has_the_msgids_of_the_pot_all_translated():
    pot = i18ncheck.read_catalogue(LOCALES / f"{DOMAIN}.pot")
    po = i18ncheck.read_catalogue(LOCALES / "pl" / "LC_MESSAGES" / f"{DOMAIN}.po")
    assert sorted(set(pot) ^ set(po)) == []
    assert [msgid for msgid, msgstr in po.items() if not msgstr] == []


def test_catalogue_is_compiled_and_used(portal):
    from ezabrze.ngo import _

    assert translate(_("resident"), target_language="pl") == "mieszkaniec/mieszkanka"


def test_directory_counts_organisations_with_the_polish_plural_form():
    from ezabrze.ngo.organizations.browser.views import DirectoryView
    from zope.publisher.browser import TestRequest

    view = DirectoryView(None, TestRequest(environ={"HTTP_ACCEPT_LANGUAGE": "pl"}))
    assert [view.found_text(n) for n in (1, 3, 5, 24)] == [
        "Znaleziono 1 organizację", "Znaleziono 3 organizacje", "Znaleziono 5 organizacji", "Znaleziono 24 organizacje",
    ]


def test_this_packages_catalog_columns_have_polish_labels(portal):
    """A collection's "Table columns" and the contents' column chooser show this package's metadata columns
    by Polish labels (locales/pl/LC_MESSAGES/plone.po), like the policy's."""
    from ezabrze.policy.testing.pages import catalog_column_labels

    labels = catalog_column_labels(portal)
    assert labels["consultation_end"] == "Koniec konsultacji"
    assert sorted(column for column, label in labels.items() if label == column) == []
