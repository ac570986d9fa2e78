"""Texts of the pages created at install (the accessibility statement) are HTML files in pages/.

(The static strategy pages were replaced by the live strategy portfolio, ezabrze.policy.strategy.)
"""

from ezabrze.policy import accessibility
from lxml import etree
from pathlib import Path

import pytest


PAGES = Path(accessibility.__file__).parent / "pages"


PAGE_PATHS = {
    "deklaracja-dostepnosci": accessibility.ID,
}


def test_every_page_file_is_used():
    files = sorted(path.stem for path in PAGES.glob("*.html"))
    assert files == sorted(PAGE_PATHS)


@pytest.mark.parametrize("page_id", sorted(PAGE_PATHS))
def test_page_file_is_well_formed(page_id):
    html = (PAGES / f"{page_id}.html").read_text(encoding="utf-8")
    # one root around the fragment: every tag closed, every "&" escaped
    root = etree.fromstring(f"<div>{html}</div>".encode())
    assert root.xpath("//p"), page_id


@pytest.mark.parametrize("page_id", sorted(PAGE_PATHS))
def test_installed_page_shows_its_file(portal, page_id):
    page = portal.unrestrictedTraverse(PAGE_PATHS[page_id])
    assert page.text.raw == (PAGES / f"{page_id}.html").read_text(encoding="utf-8").strip()
