"""The NGO pages in plone.app.caching (ezabrze.ngo.caching): the ruleset of every NGO view, nothing personal
in a shared cache, the NGO types purged with their own pages and listings, a purge when remarks change, the
upgrade step 1002 -> 1003. The real Varnish is tested in tests/cluster."""

from datetime import timedelta
from ezabrze.ngo.caching import LISTING_VIEWS
from ezabrze.ngo.caching import PURGED_TYPES
from ezabrze.ngo.caching.purge import NGOPurgePaths
from ezabrze.ngo.competitions.setup import folder as calls_folder
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations.setup import folder as consultations_folder
from ezabrze.ngo.testing import make_call
from ezabrze.ngo.testing import make_consultation
from ezabrze.ngo.testing import NOW
from ezabrze.policy.caching import PERSONAL_RULESET
from plone import api
from plone.app.caching.utils import isPurged
from z3c.caching.interfaces import IPurgeEvent
from z3c.caching.interfaces import IPurgePaths
from z3c.caching.registry import lookup
from zope.component import getAdapters
from zope.component import getGlobalSiteManager

import importlib
import pytest


PURGED = "plone.app.caching.interfaces.IPloneCacheSettings.purgedContentTypes"
TYPE_RULESETS = "plone.app.caching.interfaces.IPloneCacheSettings.contentTypeRulesetMapping"
PROFILE = "ezabrze.ngo:default"

PUBLIC_FOLDER_VIEWS = [
    "consultations.browser.views.ListingView",
    "consultations.browser.views.ConsultationView",
    "consultations.browser.views.RemarksView",
    "consultations.browser.views.ReportView",
    "consultations.browser.views.ReportPDF",  # the report page laid out as a PDF: the same content, purged with it
    "competitions.browser.views.ListingView",
    "competitions.browser.views.CallView",
    "competitions.browser.views.ResultsView",
    "organizations.browser.views.DirectoryView",
]
PERSONAL_VIEWS = [
    "consultations.browser.views.RemarkFormView",
    "consultations.browser.views.ReportRemarkView",
    "consultations.browser.views.ModerateView",
    "consultations.browser.views.AnswerView",
    "consultations.browser.views.PublishAnswersView",
    "consultations.browser.views.ModerationLogView",
    "consultations.browser.views.AdoptedTextView",
    "consultations.browser.views.RemarksCSV",
    "consultations.browser.views.RemarksXLSX",
    "consultations.browser.views.RemarksJSON",
    "consultations.browser.views.FollowView",
    "consultations.browser.views.UnsubscribeView",
    "consultations.controlpanel.ConsultationSettingsView",
    "competitions.browser.views.OfferView",
    "competitions.browser.views.OfferFormView",
    "competitions.browser.views.CardView",
    "competitions.browser.views.FormalListView",
    "competitions.browser.views.FormalView",
    "competitions.browser.views.CommitteeView",
    "competitions.browser.views.RankingView",
    "competitions.browser.views.OfferPrint",
    "competitions.browser.views.OfferPDF",
    "competitions.browser.views.ProtocolPDF",
    "smallgrants.browser.views.ListingView",
    "smallgrants.browser.views.SmallGrantView",
    "organizations.browser.views.ImportView",
    "organizations.browser.views.ProposeView",
    "organizations.browser.views.RegisterView",
    "organizations.browser.views.ConfirmView",
    "organizations.browser.views.RepresentativesView",
]


def _view(dotted):
    module, name = f"ezabrze.ngo.{dotted}".rsplit(".", 1)
    cls = getattr(importlib.import_module(module), name)
    return cls.__new__(cls)  # the ruleset is looked up by the class of the published view


@pytest.mark.parametrize("dotted", PUBLIC_FOLDER_VIEWS)
def test_public_pages_that_change_by_the_calendar_are_folder_views(portal, dotted):
    assert lookup(_view(dotted)) == "plone.content.folderView"


def test_organization_page_is_an_item_view(portal):
    assert lookup(_view("organizations.browser.views.OrganizationView")) == "plone.content.itemView"


@pytest.mark.parametrize("dotted", PERSONAL_VIEWS)
def test_forms_staff_pages_and_offers_are_never_cached(portal, dotted):
    assert lookup(_view(dotted)) == PERSONAL_RULESET


def test_every_ngo_view_has_a_ruleset(portal):
    """A new NGO view must be given a ruleset (public or personal) here and in caching/configure.zcml."""
    from Products.Five.browser import BrowserView

    import ezabrze.ngo.competitions.browser.views as calls
    import ezabrze.ngo.consultations.browser.views as consultations
    import ezabrze.ngo.organizations.browser.views as organizations
    import ezabrze.ngo.smallgrants.browser.views as smallgrants

    mapped = set(PUBLIC_FOLDER_VIEWS + PERSONAL_VIEWS) | {"organizations.browser.views.OrganizationView"}
    exports = {"consultations.browser.views.ReportXLSX", "competitions.browser.views.ResultsCSV",
               "competitions.browser.views.ResultsXLSX"}  # public downloads: no ruleset, so never in a cache
    for module, prefix in ((consultations, "consultations"), (calls, "competitions"),
                           (organizations, "organizations"), (smallgrants, "smallgrants")):
        for name, cls in vars(module).items():
            if isinstance(cls, type) and issubclass(cls, BrowserView) and cls.__module__ == module.__name__:
                dotted = f"{prefix}.browser.views.{name}"
                if name in ("Base", "ActionView") or dotted in exports:
                    continue
                assert dotted in mapped, dotted
    for dotted in exports:
        assert lookup(_view(dotted)) is None


def test_ngo_types_are_purged_and_offers_personal(portal):
    purged = set(api.portal.get_registry_record(PURGED))
    assert set(PURGED_TYPES) <= purged
    assert {"Service", "Notice", "Document"} <= purged  # the policy's types stay
    assert api.portal.get_registry_record(TYPE_RULESETS)["Offer"] == PERSONAL_RULESET


@pytest.fixture
def consultation(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        return make_consultation(consultations_folder(), NOW + timedelta(days=1), NOW + timedelta(days=8))


def test_consultation_purges_its_pages_and_the_listings(consultation):
    assert isPurged(consultation)
    paths = NGOPurgePaths(consultation).getRelativePaths()
    path = "/".join(consultation.getPhysicalPath())
    listing = "/".join(consultations_folder().getPhysicalPath())
    for view in ("uwagi", "raport", "raport.pdf", "raport.xlsx"):
        assert f"{path}/{view}" in paths and f"{path}/@@{view}" in paths
    for view in LISTING_VIEWS:
        assert f"{listing}/{view}" in paths
    assert "ezabrze.ngo.pages" in dict(getAdapters((consultation,), IPurgePaths))
    assert "ezabrze.listings" in dict(getAdapters((consultation,), IPurgePaths))  # folders up to the home page


def test_grant_call_purges_its_results(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        call = make_call(calls_folder(), NOW + timedelta(days=30))
    assert isPurged(call)
    path = "/".join(call.getPhysicalPath())
    paths = NGOPurgePaths(call).getRelativePaths()
    for view in ("wyniki", "wyniki.csv", "wyniki.xlsx"):
        assert f"{path}/{view}" in paths


@pytest.fixture
def purged():
    """The objects a purge was asked for (plone.cachepurging listens to the same event)."""
    seen = []

    def handler(event):
        seen.append(event.object)

    registry = getGlobalSiteManager()
    registry.registerHandler(handler, (IPurgeEvent,))
    yield seen
    registry.unregisterHandler(handler, (IPurgeEvent,))


def test_remarks_changes_purge_the_consultation(consultation, frozen, login_as, purged):
    frozen.set(NOW + timedelta(days=1))
    login_as("rep_a")
    remark = remarks_api.add(consultation, {"unit_id": "par-3", "justification": "Więcej środków."})
    assert purged == [consultation]
    login_as("moderator")
    remarks_api.moderate(consultation, remark.id, "hide", "Dane osobowe w treści")
    remarks_api.moderate(consultation, remark.id, "restore", "Uwaga merytoryczna")
    assert purged == [consultation] * 3
    with pytest.raises(remarks_api.RemarkError):
        remarks_api.moderate(consultation, remark.id, "restore", "Drugi raz")
    assert len(purged) == 3  # a refused action changes nothing and purges nothing


def test_upgrade_1003_adds_the_ngo_types_and_keeps_the_rest(portal):
    """A site before 1003: purged types without the NGO ones, no Offer rule, an administrator's own change."""
    setup = api.portal.get_tool("portal_setup")
    before = tuple(t for t in api.portal.get_registry_record(PURGED) if t not in PURGED_TYPES) + ("Kiosk",)
    api.portal.set_registry_record(PURGED, before)
    mapping = dict(api.portal.get_registry_record(TYPE_RULESETS))
    del mapping["Offer"]
    api.portal.set_registry_record(TYPE_RULESETS, mapping)
    setup.setLastVersionForProfile(PROFILE, "1002")
    setup.upgradeProfile(PROFILE, "1003")
    assert setup.getLastVersionForProfile(PROFILE) == ("1003",)
    purged = api.portal.get_registry_record(PURGED)
    assert set(PURGED_TYPES) <= set(purged)
    assert "Kiosk" in purged and "Service" in purged  # appended, nothing purged away
    assert api.portal.get_registry_record(TYPE_RULESETS)["Offer"] == PERSONAL_RULESET
    assert api.portal.get_registry_record(TYPE_RULESETS)["Case"] == PERSONAL_RULESET
