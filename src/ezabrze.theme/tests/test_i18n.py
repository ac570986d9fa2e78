"""Every msgid of the package is in the .pot, translated to Polish, and the catalogue is used."""

from ezabrze.theme import _
from ezabrze.theme import i18ncheck
from pathlib import Path
from zope.i18n import translate

import ezabrze.theme
import pytest


PACKAGE = Path(ezabrze.theme.__file__).parent
LOCALES = PACKAGE / "locales"
DOMAIN = "ezabrze.theme"


def template_msgids():
    return i18ncheck.template_msgids(PACKAGE / "browser", DOMAIN) | i18ncheck.template_msgids(
        PACKAGE / "kiosk" / "browser", DOMAIN
    )


def python_msgids():
    return i18ncheck.python_msgids(PACKAGE)


read_catalogue = i18ncheck.read_catalogue


def test_templates_have_msgids():
    assert {"Skip to content", "Accessibility statement", "All news", "Larger text", "Case status"} <= template_msgids()


def test_every_msgid_is_in_the_pot():
    pot = read_catalogue(LOCALES / f"{DOMAIN}.pot")
    missing = (python_msgids() | template_msgids() | {"Ustawienia e-Zabrze", "Infokioski"}) - set(pot)
    assert missing == set()


@pytest.mark.parametrize("language", ["pl", "en"])
def test_po_files_have_the_msgids_of_the_pot(language):
    pot = read_catalogue(LOCALES / f"{DOMAIN}.pot")
    po = read_catalogue(LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po")
    assert set(po) == set(pot)


def test_polish_translation_is_complete():
    po = read_catalogue(LOCALES / "pl" / "LC_MESSAGES" / f"{DOMAIN}.po")
    assert [msgid for msgid, msgstr in po.items() if not msgstr] == []


def test_catalogue_is_compiled_and_used(portal):
    assert translate(_("Skip to content"), target_language="pl") == "Przejdź do treści"
    assert translate(_("Ustawienia e-Zabrze"), target_language="en") == "e-Zabrze settings"
