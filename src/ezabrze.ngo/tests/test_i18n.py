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
