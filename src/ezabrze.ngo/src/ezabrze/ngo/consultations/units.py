"""The consulted draft as numbered units (§, ustęp, punkt), parsed from the rich text the editor writes.

Each unit gets an anchor built from its numbers (``par-3-ust-2-pkt-1``), not from its position: inserting a
paragraph elsewhere does not move the anchors of the others, and a permanent link names the same provision as
the act itself. The units are parsed while the consultation is a draft and frozen when it is scheduled
(``freeze``): from then on remarks, permalinks and the report refer to exactly the text that was consulted.

Recognised lines (each block element of the HTML is one line):
- ``§ 3.`` or ``§ 3. Text`` — a paragraph (jednostka redakcyjna "§");
- ``1. Text`` inside a paragraph — ustęp (without a § before it: a numbered point of a chapter-less text);
- ``1) Text`` — punkt (of the last ustęp, else of the paragraph);
- ``a) Text`` — litera;
- anything else (headings like "Rozdział 1", plain text) — text of the current unit, or a separate
  unnumbered unit (``tekst-N``) before the first §.
"""

import lxml.html
import re


BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote")
PARAGRAPH_RE = re.compile(r"^§\s*(\d+[a-z]?)\.?\s*(.*)$", re.S)
UST_RE = re.compile(r"^(\d+[a-z]?)\.\s+(.*)$", re.S)
PKT_RE = re.compile(r"^(\d+[a-z]?)\)\s+(.*)$", re.S)
LIT_RE = re.compile(r"^([a-z])\)\s+(.*)$", re.S)


def _lines(html):
    if not html or not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    lines = []
    for element in root.iter(*BLOCKS):
        # only innermost blocks (a <div> holding <p>s is not a line of its own)
        if any(child.tag in BLOCKS for child in element.iterdescendants()):
            continue
        text = " ".join(element.text_content().split())
        if text:
            lines.append((element.tag, text))
    return lines


def parse(html):
    """[{"id", "label", "level", "text"}] of the draft's units, in order."""
    units = []
    par = ust = pkt = None
    free = 0
    seen = set()

    def add(anchor, label, level, text):
        base, n = anchor, 2
        while anchor in seen:
            anchor = f"{base}-{n}"
            n += 1
        seen.add(anchor)
        units.append({"id": anchor, "label": label, "level": level, "text": text.strip()})

    for tag, text in _lines(html):
        if tag.startswith("h"):
            free += 1
            add(f"tekst-{free}", "", 0, text)
            continue
        match = PARAGRAPH_RE.match(text)
        if match:
            par, ust, pkt = match.group(1), None, None
            add(f"par-{par}", f"§ {par}", 0, match.group(2))
            continue
        match = UST_RE.match(text)
        if match:
            ust, pkt = match.group(1), None
            if par:
                add(f"par-{par}-ust-{ust}", f"§ {par} ust. {ust}", 1, match.group(2))
            else:
                add(f"ust-{ust}", f"{ust}.", 1, match.group(2))
            continue
        match = LIT_RE.match(text) if pkt else None
        if match:
            prefix = units[-1]["id"].split("-lit-")[0]
            label = units[-1]["label"].split(" lit. ")[0]
            add(f"{prefix}-lit-{match.group(1)}", f"{label} lit. {match.group(1)}", 3, match.group(2))
            continue
        match = PKT_RE.match(text)
        if match:
            pkt = match.group(1)
            if par and ust:
                anchor, label = f"par-{par}-ust-{ust}-pkt-{pkt}", f"§ {par} ust. {ust} pkt {pkt}"
            elif par:
                anchor, label = f"par-{par}-pkt-{pkt}", f"§ {par} pkt {pkt}"
            elif ust:
                anchor, label = f"ust-{ust}-pkt-{pkt}", f"{ust} pkt {pkt}"
            else:
                anchor, label = f"pkt-{pkt}", f"pkt {pkt}"
            add(anchor, label, 2, match.group(2))
            continue
        if units and units[-1]["label"]:
            units[-1]["text"] = (units[-1]["text"] + "\n" + text).strip()
        else:
            free += 1
            add(f"tekst-{free}", "", 0, text)
    return units
