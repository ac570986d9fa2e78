"""Texts of the pages created at install (accessibility statement, strategy) are HTML files in pages/."""

from ezabrze.policy import accessibility
from ezabrze.policy import structure
from lxml import etree

import pytest


PAGE_PATHS = {
    "deklaracja-dostepnosci": accessibility.ID,
    "o-strategii": "strategia-e-zabrze/o-strategii",
    **{id_: f"strategia-e-zabrze/{id_}" for id_, _title, _description in structure.GOALS},
}


def test_every_page_file_is_used():
    files = sorted(path.stem for path in structure.PAGES.glob("*.html"))
    assert files == sorted(PAGE_PATHS)


@pytest.mark.parametrize("page_id", sorted(PAGE_PATHS))
def test_page_file_is_well_formed(page_id):
    html = (structure.PAGES / f"{page_id}.html").read_text(encoding="utf-8")
    # one root around the fragment: every tag closed, every "&" escaped
    root = etree.fromstring(f"<div>{html}</div>".encode())
    assert root.xpath("//p"), page_id


@pytest.mark.parametrize("page_id", sorted(PAGE_PATHS))
def test_installed_page_shows_its_file(portal, page_id):
    page = portal.unrestrictedTraverse(PAGE_PATHS[page_id])
    assert page.text.raw == (structure.PAGES / f"{page_id}.html").read_text(encoding="utf-8").strip()
