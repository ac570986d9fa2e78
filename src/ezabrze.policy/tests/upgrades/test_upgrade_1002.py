"""1001 -> 1002: a site in the layout before one folder per feature is upgraded without losing content."""

from ezabrze.policy.testing import catalogue as ct
from ezabrze.policy.upgrades import v1002
from plone import api

import pickle
import pytest


PROFILE = "ezabrze.policy:default"
OLD_KLASS = {
    "Service": "ezabrze.policy.content.service.Service",
    "OrganizationalUnit": "ezabrze.policy.content.unit.OrganizationalUnit",
}


def _as_before_1002(portal):
    """Put the catalog and the types back as version 1001 had them (old index names, no BIP on Document)."""
    catalog = api.portal.get_tool("portal_catalog")
    for old, new in v1002.RENAMED.items():
        if new in catalog.indexes():
            meta_type = catalog._catalog.getIndex(new).meta_type
            catalog.delIndex(new)
            catalog.addIndex(old, meta_type)
        if new in catalog.schema():
            catalog.delColumn(new)
            catalog.addColumn(old)
    types = api.portal.get_tool("portal_types")
    for type_id, klass in OLD_KLASS.items():
        types[type_id].klass = klass
    for type_id in ("Document", "News Item", "Event"):
        fti = types[type_id]
        fti.behaviors = tuple(b for b in fti.behaviors if b != "ezabrze.policy.bip")
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1001")


@pytest.fixture
def old_site(portal):
    with ct.as_site_owner():
        unit = ct.make_unit(portal, "wgk", "Wydział Gospodarki Komunalnej", unit_kind="utility")
        ct.make_service(portal, "koncesja", "Koncesja", unit, audience=["businesses"], category="meldunek")
        ct.make_service(portal, "zameldowanie", "Zameldowanie", unit, audience=["residents"], publish=False)
    _as_before_1002(portal)
    return portal


def test_old_site_really_has_the_old_layout(old_site):
    catalog = api.portal.get_tool("portal_catalog")
    assert "audience" in catalog.indexes() and "catalogue_audience" not in catalog.indexes()
    assert "ezabrze.policy.bip" not in api.portal.get_tool("portal_types")["Document"].behaviors


def test_upgrade_renames_the_indexes_and_keeps_the_content(old_site):
    catalog = api.portal.get_tool("portal_catalog")
    before = sorted(b.getPath() for b in catalog.unrestrictedSearchResults())
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (setup.getVersionForProfile(PROFILE),)
    assert sorted(b.getPath() for b in catalog.unrestrictedSearchResults()) == before
    for old, new in v1002.RENAMED.items():
        assert old not in catalog.indexes() and old not in catalog.schema(), old
        assert new in catalog.indexes() or new in catalog.schema(), new
    found = catalog.unrestrictedSearchResults(catalogue_audience="businesses")
    assert [b.getId for b in found] == ["koncesja"]
    assert found[0].catalogue_category == "meldunek"
    assert found[0].catalogue_responsible_unit_title == "Wydział Gospodarki Komunalnej"
    assert [b.getId for b in catalog.unrestrictedSearchResults(catalogue_unit_kind="utility")] == ["wgk"]
    # the private service is indexed too, and still private
    draft = catalog.unrestrictedSearchResults(catalogue_audience="residents")
    assert [(b.getId, b.review_state) for b in draft] == [("zameldowanie", "private")]


def test_upgrade_points_the_types_to_the_feature_folders(old_site):
    api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
    types = api.portal.get_tool("portal_types")
    assert types["Service"].klass == "ezabrze.policy.catalogue.content.service.Service"
    assert types["OrganizationalUnit"].klass == "ezabrze.policy.catalogue.content.unit.OrganizationalUnit"
    for type_id in ("Document", "News Item", "Event", "Service", "OrganizationalUnit", "Notice"):
        assert "ezabrze.policy.bip" in types[type_id].behaviors, type_id


@pytest.mark.parametrize(
    "old, new",
    [
        ("ezabrze.policy.content.service", "ezabrze.policy.catalogue.content.service"),
        ("ezabrze.policy.content.unit", "ezabrze.policy.catalogue.content.unit"),
        ("ezabrze.policy.content.notice", "ezabrze.policy.councils.content"),
        ("ezabrze.policy.content.interfaces", "ezabrze.policy.catalogue.interfaces"),
        ("ezabrze.policy.districts", "ezabrze.policy.councils.content"),
    ],
)
def test_pickles_with_old_module_paths_load(old, new):
    """What a database from before 1002 holds: classes and marker interfaces named by their old module path."""
    import importlib

    new_module = importlib.import_module(new)
    for name in ("Service", "OrganizationalUnit", "Notice", "DistrictCouncil", "IServiceCatalogue", "ICouncilsSection"):
        if hasattr(new_module, name) and getattr(new_module, name).__module__ == new:
            loaded = pickle.loads(f"c{old}\n{name}\n.".encode())
            assert loaded is getattr(new_module, name)
            break
    else:
        pytest.fail(f"nothing persistent in {new}")


def test_upgrade_points_links_to_the_polish_view_names(old_site):
    section = old_site["rady-dzielnic"]
    section.setLayout("notice-board")  # as before 1002
    action = api.portal.get_tool("portal_actions")["user"]["ezabrze-my-work"]
    action.url_expr = "string:${globals_view/navigationRootUrl}/@@my-work"
    api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
    assert section.getLayout() == "tablica-ogloszen"
    assert action.url_expr.endswith("/@@moja-praca")
    wf = api.portal.get_tool("portal_workflow")["ezabrze_editorial_workflow"]
    assert wf.transitions["reject"].actbox_url.endswith("/@@zwroc-do-poprawy")


@pytest.mark.parametrize(
    "context_path, old, new",
    [
        ("rady-dzielnic", "notice-board", "tablica-ogloszen"),
        ("rady-dzielnic/zaborze", "notice-archive", "archiwum-ogloszen"),
        ("rady-dzielnic/zaborze", "notices.rss", "ogloszenia.rss"),
        ("rady-dzielnic", "meetings.ics", "posiedzenia.ics"),
        ("", "my-work", "moja-praca"),
        ("intranet/pracownicy", "staff-directory", "katalog-pracownikow"),
    ],
)
def test_old_view_names_keep_working(portal, context_path, old, new):
    """Addresses residents and staff have in e-mails and bookmarks: the old name is the same page as the new."""
    context = portal.unrestrictedTraverse(context_path) if context_path else portal
    with api.env.adopt_roles(["Manager"]):
        old_view = api.content.get_view(old, context, portal.REQUEST)
        new_view = api.content.get_view(new, context, portal.REQUEST)
    assert type(old_view).__bases__ == type(new_view).__bases__
