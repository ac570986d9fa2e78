"""The top-level structure, the staff group and the intranet's isolation."""

from ezabrze.policy import structure
from plone import api
from plone.app.testing import logout

import pytest


PUBLIC_SECTIONS = {
    "dla-mieszkancow": "Dla mieszkańców",
    "dla-biznesu": "Dla biznesu",
    "organizacje-pozarzadowe": "Organizacje pozarządowe",
    "rady-dzielnic": "Rady Dzielnic",
    "strategia-e-zabrze": "Strategia e-Zabrze",
    "aktualnosci": "Aktualności",
}


@pytest.mark.parametrize("id_,title", PUBLIC_SECTIONS.items())
def test_public_sections(portal, id_, title):
    folder = portal[id_]
    assert folder.title == title
    assert api.content.get_state(folder) == "published"


def test_section_order(portal):
    ids = [section["id"] for section in structure.SECTIONS]
    assert [i for i in portal.objectIds() if i in ids] == ids


def test_intranet_is_private(portal):
    assert api.content.get_state(portal["intranet"]) == "private"


def test_strategy_section(portal):
    section = portal["strategia-e-zabrze"]
    assert section.getDefaultPage() == "strategia-2020"
    strategy = section["strategia-2020"]
    text = strategy.text.raw
    assert "18 stycznia 2016" in text and "14 grudnia 2009" in text
    for goal in ("infrastruktura", "e-administracja", "e-gospodarka", "e-spoleczenstwo", "e-bezpieczenstwo"):
        assert api.content.get_state(strategy[goal]) == "published"
    assert "216 podłączeń" in strategy["infrastruktura"].text.raw


def test_structure_is_idempotent(portal):
    before = sorted(portal.objectIds())
    structure.create_groups()
    structure.create_structure(portal)
    assert sorted(portal.objectIds()) == before


def test_structure_restores_a_deleted_section(portal):
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(portal["aktualnosci"])
        structure.create_structure(portal)
    assert portal["aktualnosci"].title == "Aktualności"


class TestIntranetAccess:
    @pytest.fixture(autouse=True)
    def _content(self, portal):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(portal["intranet"], "Document", id="regulamin", title="Regulamin pracy")
            api.user.create(email="jan@um.zabrze.pl", username="pracownik", password="secret-pass-1")
            api.user.create(email="ala@example.org", username="mieszkanka", password="secret-pass-2")
            api.group.add_user(groupname=structure.STAFF_GROUP, username="pracownik")

    def _catalog_paths(self):
        return [b.getPath() for b in api.content.find(SearchableText="Regulamin")]

    def test_staff_sees_the_intranet(self, portal):
        with api.env.adopt_user(username="pracownik"):
            assert api.user.has_permission("View", obj=portal["intranet"]["regulamin"])
            assert any(p.endswith("/intranet/regulamin") for p in self._catalog_paths())

    def test_resident_does_not(self, portal):
        with api.env.adopt_user(username="mieszkanka"):
            assert not api.user.has_permission("View", obj=portal["intranet"])
            assert self._catalog_paths() == []

    def test_anonymous_does_not(self, portal):
        logout()
        assert not api.user.has_permission("View", obj=portal["intranet"])
        assert self._catalog_paths() == []


def test_accessibility_statement(portal):
    from ezabrze.policy import accessibility

    page = portal[accessibility.ID]
    assert api.content.get_state(page) == "published"
    html = page.text.output  # after the safe-HTML filter: the official ids must survive it
    for id_ in accessibility.REQUIRED_IDS:
        assert f'id="{id_}"' in html, id_
    assert "7 dni" in html and "Rzecznika Praw Obywatelskich" in html
