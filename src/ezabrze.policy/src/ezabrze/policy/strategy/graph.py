"""Server-side SVG of the portfolio: the complementarity graph and the budget chart.

Pure functions of the data they are given (no JavaScript, works on a kiosk without the internet). Each drawing
has a <title> and <desc>, every project is a link (reachable with the Tab key) and the page shows a table that
says the same next to it. A drawing with links is a labelled group (role="img" would hide the links from
assistive technology: axe-core "nested-interactive"); the budget chart without links is an image.
"""

from math import cos
from math import pi
from math import sin
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr


STATUS_COLOURS = {
    "planned": "#6c757d",
    "prepared": "#7a5c00",
    "in_progress": "#0b5394",
    "done": "#1e7b34",
    "abandoned": "#a61b1b",
}
SOURCE_COLOURS = {"eu": "#0b5394", "city": "#1e7b34", "other": "#7a5c00"}


def pln(amount):
    """An amount in the Polish way: 1 200 000,00 zł."""
    return f"{float(amount):,.2f}".replace(",", "\u00a0").replace(".", ",") + "\u00a0zł"


def complementarity_svg(nodes, edges, title, desc, size=640):
    """nodes: [(id, label, url, status, status label)], edges: [(id, id)]. Nodes on a circle, links as lines."""
    centre = size / 2
    radius = size / 2 - 110
    positions = {}
    count = max(len(nodes), 1)
    for index, (id_, *_rest) in enumerate(nodes):
        angle = 2 * pi * index / count - pi / 2
        positions[id_] = (centre + radius * cos(angle), centre + radius * sin(angle))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="group" '
        f'aria-labelledby="graph-title graph-desc" class="strategy-graph">',
        f'<title id="graph-title">{escape(title)}</title>',
        f'<desc id="graph-desc">{escape(desc)}</desc>',
        '<g class="edges" stroke="#555" stroke-width="1.5">',
    ]
    for source, target in edges:
        if source in positions and target in positions:
            (x1, y1), (x2, y2) = positions[source], positions[target]
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" />')
    parts.append("</g>")
    for index, (id_, label, url, status, status_label) in enumerate(nodes, 1):
        x, y = positions[id_]
        anchor = "start" if x >= centre else "end"
        dx = 12 if x >= centre else -12
        short = label if len(label) <= 38 else label[:36] + "…"
        parts.append(
            f"<a href={quoteattr(url)} class=\"node status-{escape(status)}\">"
            f"<title>{escape(label)} ({escape(status_label)})</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="{STATUS_COLOURS.get(status, "#333")}" />'
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" font-size="11" fill="#111">'
            f"{index}. {escape(short)}</text></a>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def budget_svg(rows, sources, title, desc, width=640, height=320):
    """rows: [(year, {source: amount})]; a stacked bar per year, sources as given [(source, label)]."""
    margin_left, margin_bottom, margin_top = 90, 40, 30
    peak = max((sum(amounts.values()) for _year, amounts in rows), default=0) or 1
    plot_height = height - margin_bottom - margin_top
    step = (width - margin_left - 20) / max(len(rows), 1)
    bar = min(step * 0.6, 60)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="budget-title budget-desc" class="strategy-budget-chart">',
        f'<title id="budget-title">{escape(title)}</title>',
        f'<desc id="budget-desc">{escape(desc)}</desc>',
        f'<line x1="{margin_left}" y1="{height - margin_bottom}" x2="{width - 10}" y2="{height - margin_bottom}" '
        'stroke="#111" />',
        f'<text x="{margin_left - 6}" y="{margin_top + 4}" text-anchor="end" font-size="11">'
        f"{float(peak) / 1e6:.1f} mln zł</text>",
    ]
    for index, (year, amounts) in enumerate(rows):
        x = margin_left + index * step + (step - bar) / 2
        y = height - margin_bottom
        for source, label in sources:
            amount = amounts.get(source, 0)
            if not amount:
                continue
            h = plot_height * float(amount) / float(peak)
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{SOURCE_COLOURS.get(source, "#333")}"><title>{year}, {escape(label)}: '
                f"{pln(amount)}</title></rect>"
            )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{height - margin_bottom + 16}" text-anchor="middle" '
            f'font-size="12">{year}</text>'
        )
    for index, (source, label) in enumerate(sources):
        parts.append(
            f'<rect x="{margin_left + index * 150}" y="6" width="12" height="12" '
            f'fill="{SOURCE_COLOURS.get(source, "#333")}" />'
            f'<text x="{margin_left + index * 150 + 16}" y="16" font-size="12">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
