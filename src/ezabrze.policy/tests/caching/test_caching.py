"""plone.app.caching switched on (ezabrze.policy.caching): rules of our views, nothing personal cached,
listings purged with an item, the upgrade step 1002 -> 1003. The real Varnish is tested in tests/cluster."""

from ezabrze.policy.caching import LISTING_VIEWS
from ezabrze.policy.caching import PERSONAL_RULESET
from ezabrze.policy.caching.purge import ListingPurgePaths
from ezabrze.policy.caching.setup import configure_purging
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from z3c.caching.interfaces import IPurgePaths
from z3c.caching.registry import lookup
from zope.component import getAdapters

import pytest


CACHE = "plone.caching.interfaces.ICacheSettings"
PURGING = "plone.cachepurging.interfaces.ICachePurgingSettings"


@pytest.fixture
def site(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


def _record(name):
    return api.portal.get_registry_record(name)


def test_caching_and_purging_switched_on(site):
    assert _record(f"{CACHE}.enabled") is True
    assert _record(f"{PURGING}.enabled") is True
    mapping = _record(f"{CACHE}.operationMapping")
    assert mapping["plone.content.itemView"] == "plone.app.caching.moderateCaching"
    assert mapping["plone.content.folderView"] == "plone.app.caching.moderateCaching"
    assert mapping["plone.content.feed"] == "plone.app.caching.moderateCaching"
    assert mapping["plone.resource"] == "plone.app.caching.strongCaching"
    assert mapping[PERSONAL_RULESET] == "plone.app.caching.noCaching"
    # Logged-in users never get a page a shared cache may keep.
    assert _record("plone.app.caching.moderateCaching.anonOnly") is True


def test_own_types_are_purged(site):
    purged = set(_record("plone.app.caching.interfaces.IPloneCacheSettings.purgedContentTypes"))
    assert {"Service", "OrganizationalUnit", "DistrictCouncil", "Notice", "Document", "News Item"} <= purged
    assert "Case" not in purged  # never cached, nothing to purge


@pytest.mark.parametrize(
    "dotted, ruleset",
    [
        ("ezabrze.policy.catalogue.browser.views.ServiceView", "plone.content.itemView"),
        ("ezabrze.policy.catalogue.browser.views.UnitView", "plone.content.itemView"),
        ("ezabrze.policy.catalogue.browser.views.CatalogueListingView", "plone.content.folderView"),
        ("ezabrze.policy.catalogue.browser.views.AZIndexView", "plone.content.folderView"),
        ("ezabrze.policy.councils.browser.views.NoticeBoard", "plone.content.folderView"),
        ("ezabrze.policy.councils.browser.views.NoticeArchive", "plone.content.folderView"),
        ("ezabrze.policy.councils.browser.views.NoticeView", "plone.content.itemView"),
        ("ezabrze.policy.councils.browser.views.NoticesRSS", "plone.content.feed"),
        ("ezabrze.policy.councils.browser.views.MeetingsICal", "plone.content.feed"),
        ("ezabrze.policy.catalogue.browser.views.StaleCardsView", PERSONAL_RULESET),
        ("ezabrze.policy.cases.browser.views.StatusView", PERSONAL_RULESET),
        ("ezabrze.policy.cases.browser.views.StaffCasesView", PERSONAL_RULESET),
        ("ezabrze.policy.cases.browser.views.StaffCasesCSV", PERSONAL_RULESET),
        ("ezabrze.policy.cases.browser.views.StaffCasesXLSX", PERSONAL_RULESET),
        ("ezabrze.policy.cases.browser.views.CaseView", PERSONAL_RULESET),
        ("ezabrze.policy.intranet.browser.views.StaffDirectoryView", PERSONAL_RULESET),
        ("ezabrze.policy.intranet.browser.views.StaffMemberView", PERSONAL_RULESET),
    ],
)
def test_rulesets_of_own_views(site, dotted, ruleset):
    module, name = dotted.rsplit(".", 1)
    cls = getattr(__import__(module, fromlist=[name]), name)
    view = cls.__new__(cls)  # the ruleset is looked up by the class of the published view
    assert lookup(view) == ruleset


def test_personal_types_never_get_a_shared_cache_rule(site):
    mapping = _record("plone.app.caching.interfaces.IPloneCacheSettings.contentTypeRulesetMapping")
    for portal_type in ("Case", "StaffDirectory", "StaffMember"):
        assert mapping[portal_type] == PERSONAL_RULESET


def test_listing_paths_purged_with_an_item(site):
    folder = api.content.create(container=site, type="Folder", id="komunikaty-testowe", title="Komunikaty")
    page = api.content.create(container=folder, type="Document", id="komunikat", title="Komunikat")
    paths = ListingPurgePaths(page).getRelativePaths()
    site_path = "/".join(site.getPhysicalPath())
    folder_path = "/".join(folder.getPhysicalPath())
    assert folder_path in paths and f"{folder_path}/view" in paths
    assert site_path in paths and f"{site_path}/" in paths  # the home page
    for view in LISTING_VIEWS:
        assert f"{folder_path}/{view}" in paths
    assert not any(path.startswith(f"{site_path}/komunikaty-testowe/komunikat") for path in paths)
    # Nothing above the site (the Zope root) is purged.
    assert all(path.startswith(site_path) for path in paths)
    # Registered next to plone.app.caching's own adapters.
    assert "ezabrze.listings" in dict(getAdapters((page,), IPurgePaths))


def test_configure_purging(site):
    assert configure_purging(("http://127.0.0.1:8100",)) is True
    assert _record(f"{PURGING}.cachingProxies") == ("http://127.0.0.1:8100",)
    assert configure_purging(("http://127.0.0.1:8100",)) is False


def test_upgrade_1003_switches_caching_on_and_keeps_the_proxies(site):
    from ezabrze.policy.upgrades import v1003

    # A site before 1003: caching off, stock rules, a proxy set by the deployment.
    api.portal.set_registry_record(f"{CACHE}.enabled", False)
    api.portal.set_registry_record(f"{CACHE}.operationMapping", {})
    api.portal.set_registry_record("plone.app.caching.moderateCaching.anonOnly", False)
    api.portal.set_registry_record(f"{PURGING}.cachingProxies", ("http://127.0.0.1:8100",))
    api.portal.set_registry_record("plone.site_title", "Zmieniony tytuł")
    v1003.switch_caching_on(api.portal.get_tool("portal_setup"))
    assert _record(f"{CACHE}.enabled") is True
    assert _record(f"{CACHE}.operationMapping")[PERSONAL_RULESET] == "plone.app.caching.noCaching"
    assert _record("plone.app.caching.moderateCaching.anonOnly") is True
    assert _record(f"{PURGING}.cachingProxies") == ("http://127.0.0.1:8100",)
    # Only caching.xml was imported: other settings of the site stay as the administrators left them.
    assert _record("plone.site_title") == "Zmieniony tytuł"
