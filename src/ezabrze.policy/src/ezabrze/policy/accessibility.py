"""The accessibility statement (deklaracja dostępności), required by the act of 4 April 2019
on the digital accessibility of public bodies' websites. Element ids follow the official structure."""

from pathlib import Path


ID = "deklaracja-dostepnosci"
TITLE = "Deklaracja dostępności"
DESCRIPTION = "Deklaracja dostępności portalu Miasta Zabrze (WCAG 2.1 AA)."

# The text of the statement is an HTML file: pages/deklaracja-dostepnosci.html.
TEXT = (Path(__file__).parent / "pages" / f"{ID}.html").read_text(encoding="utf-8")

REQUIRED_IDS = (
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-audytor",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
)
