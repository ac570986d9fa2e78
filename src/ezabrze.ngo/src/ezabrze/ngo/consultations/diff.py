"""Readable differences between two wordings (difflib on words): for the remarks' proposed changes and for the
report's consulted → adopted text."""

import difflib
import re


TOKEN_RE = re.compile(r"\s+|[^\s]+")


def segments(old, new):
    """[(kind, text)] with kind in "same", "del", "ins"; the texts are plain (the templates escape them)."""
    a = TOKEN_RE.findall(old or "")
    b = TOKEN_RE.findall(new or "")
    result = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            result.append(("same", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            result.append(("del", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            result.append(("ins", "".join(b[j1:j2])))
    return [(kind, text) for kind, text in result if text]


def plain(old, new):
    """The difference in plain text: [-removed-] {+added+} (exports and e-mails)."""
    out = []
    for kind, text in segments(old, new):
        if kind == "del":
            out.append(f"[-{text}-]")
        elif kind == "ins":
            out.append(f"{{+{text}+}}")
        else:
            out.append(text)
    return "".join(out)


def changed(old, new):
    return " ".join((old or "").split()) != " ".join((new or "").split())
