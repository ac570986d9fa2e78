"""Helpers for the translation tests of the e-Zabrze packages: read .po/.pot files, collect the msgids used.

Each package's tests/test_i18n.py checks with them that every msgid of its code and templates is in its .pot,
that the Polish .po has the same msgids, and that none is left untranslated.
"""

from pathlib import Path

import ast
import lxml.html
import re


def read_catalogue(path):
    """{msgid: msgstr} of a .po/.pot file (enough of the format for our files).

    An entry with plural forms (msgid_plural, msgstr[0], msgstr[1], ...) gives its forms joined by a newline,
    or "" when any form is empty: it counts as translated only with all of them.
    """
    entries = {}
    key = None
    current = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        match = re.match(r'^(msgid|msgid_plural|msgstr|msgstr\[\d+\]) "(.*)"$', line)
        if match:
            key = match.group(1)
            current[key] = match.group(2)
        elif line.startswith('"') and key:
            current[key] += line[1:-1]
        elif not line.strip():
            if "msgid" in current and current["msgid"]:
                forms = [value for name, value in sorted(current.items()) if name.startswith("msgstr[")]
                if forms:
                    msgstr = "\n".join(forms) if all(forms) else ""
                else:
                    msgstr = current.get("msgstr", "")
                entries[_unescape(current["msgid"])] = _unescape(msgstr)
            current, key = {}, None
    return entries


def _unescape(text):
    return text.replace('\\"', '"').replace("\\\\", "\\")


def python_msgids(package_dir, function="_"):
    """Literal first arguments of ``_(...)`` calls in the package's modules."""
    msgids = set()
    for path in Path(package_dir).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == function and node.args:
                if isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    msgids.add(node.args[0].value)
    return msgids


def counted_msgids(package_dir):
    """Singular msgids of ``counted(number, "singular", "plural", ...)`` calls (ezabrze.policy.utils)."""
    msgids = set()
    for path in Path(package_dir).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "counted" and len(node.args) > 2:
                if isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
                    msgids.add(node.args[1].value)
    return msgids


def _element_msgid(element):
    """The msgid of an i18n:translate element: its text, with ${name} for each i18n:name child."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        name = child.get("i18n:name")
        parts.append(f"${{{name}}}" if name else child.text_content())
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def template_msgids(template_dir, domain):
    """msgids of i18n:translate elements (without tal:content) and i18n:attributes in ``domain``."""
    msgids = set()
    for path in Path(template_dir).rglob("*.pt"):
        text = path.read_text(encoding="utf-8")
        if text.lstrip().startswith("<html"):
            root = lxml.html.document_fromstring(text)
        else:
            root = lxml.html.fromstring(f"<div>{text}</div>")
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            element_domain = next(
                (a.get("i18n:domain") for a in [element, *element.iterancestors()] if a.get("i18n:domain")), None
            )
            if element_domain != domain:
                continue
            if element.get("i18n:translate") == "" and not element.get("tal:content"):
                msgid = _element_msgid(element)
                if msgid:
                    msgids.add(msgid)
            for attribute in (element.get("i18n:attributes") or "").split(";"):
                if attribute.strip():
                    msgids.add(element.get(attribute.strip()))
    return msgids
