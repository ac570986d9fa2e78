"""Every msgid of the package is in the .pot, translated to Polish, and the catalogue is used."""

from ezabrze.theme import _
from pathlib import Path
from zope.i18n import translate

import ast
import ezabrze.theme
import lxml.html
import pytest
import re


PACKAGE = Path(ezabrze.theme.__file__).parent
LOCALES = PACKAGE / "locales"
DOMAIN = "ezabrze.theme"


def read_catalogue(path):
    """{msgid: msgstr} of a .po/.pot file (enough of the format for our files)."""
    entries = {}
    key = None
    current = {}
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        match = re.match(r'^(msgid|msgstr) "(.*)"$', line)
        if match:
            key = match.group(1)
            current[key] = match.group(2)
        elif line.startswith('"') and key:
            current[key] += line[1:-1]
        elif not line.strip():
            if "msgid" in current and current["msgid"]:
                unescape = lambda s: s.replace('\\"', '"').replace("\\\\", "\\")  # noqa: E731
                entries[unescape(current["msgid"])] = unescape(current.get("msgstr", ""))
            current, key = {}, None
    return entries


def python_msgids():
    msgids = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_" and node.args:
                if isinstance(node.args[0], ast.Constant):
                    msgids.add(node.args[0].value)
    return msgids


def template_msgids():
    msgids = set()
    for path in (PACKAGE / "browser").rglob("*.pt"):
        text = path.read_text(encoding="utf-8")
        if text.lstrip().startswith("<html"):
            root = lxml.html.document_fromstring(text)
        else:
            root = lxml.html.fromstring(f"<div>{text}</div>")
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            domain = next((a.get("i18n:domain") for a in [element, *element.iterancestors()] if a.get("i18n:domain")), None)
            if domain != DOMAIN:
                continue
            if element.get("i18n:translate") == "" and not element.get("tal:content"):
                msgids.add(" ".join(element.text_content().split()))
            for attribute in (element.get("i18n:attributes") or "").split(";"):
                if attribute.strip():
                    msgids.add(element.get(attribute.strip()))
    return msgids


def test_templates_have_msgids():
    assert {"Skip to content", "Accessibility statement", "All news"} <= template_msgids()


def test_every_msgid_is_in_the_pot():
    pot = read_catalogue(LOCALES / f"{DOMAIN}.pot")
    missing = (python_msgids() | template_msgids() | {"Ustawienia e-Zabrze"}) - set(pot)
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
