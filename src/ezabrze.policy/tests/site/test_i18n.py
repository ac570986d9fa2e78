"""Every msgid of ezabrze.policy is in its .pot and translated to Polish (English msgids, Polish UI)."""

from ezabrze.theme import i18ncheck
from pathlib import Path
from zope.i18n import translate

import ezabrze.policy


PACKAGE = Path(ezabrze.policy.__file__).parent
LOCALES = PACKAGE / "locales"
DOMAIN = "ezabrze.policy"


def test_code_and_templates_have_msgids():
    assert {"four_eyes_refused", "rate_limited"} <= i18ncheck.python_msgids(PACKAGE)
    assert i18ncheck.template_msgids(PACKAGE, DOMAIN)


def test_every_msgid_is_in_the_pot():
    pot = i18ncheck.read_catalogue(LOCALES / f"{DOMAIN}.pot")
    used = i18ncheck.python_msgids(PACKAGE) | i18ncheck.template_msgids(PACKAGE, DOMAIN)
    assert sorted(used - set(pot)) == []


def test_polish_po_has_the_msgids_of_the_pot_all_translated():
    pot = i18ncheck.read_catalogue(LOCALES / f"{DOMAIN}.pot")
    po = i18ncheck.read_catalogue(LOCALES / "pl" / "LC_MESSAGES" / f"{DOMAIN}.po")
    assert sorted(set(pot) ^ set(po)) == []
    assert [msgid for msgid, msgstr in po.items() if not msgstr] == []


def test_catalogue_is_compiled_and_used(portal):
    from ezabrze.policy import _

    assert translate(_("four_eyes_refused"), target_language="pl").startswith("Zasada czterech oczu:")
