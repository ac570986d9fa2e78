"""The demo profile: >= 20 organizations, the open cooperation programme 2027 with remarks, a consultation with
a published report; applying it twice changes nothing."""

from ezabrze.ngo.consultations import outcome
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations import state
from plone import api
from plone.app.testing import applyProfile


def test_demo_content(portal):
    with api.env.adopt_roles(["Manager"]):
        applyProfile(portal, "ezabrze.ngo:demo")
        applyProfile(portal, "ezabrze.ngo:demo")
    catalog = api.portal.get_tool("portal_catalog")
    orgs = catalog.unrestrictedSearchResults(portal_type="Organization")
    assert len(orgs) >= 20
    assert len([b for b in orgs if b.review_state == "verified"]) >= 20
    folder = portal["organizacje-pozarzadowe"]["konsultacje"]
    open_one = folder["program-wspolpracy-2027"]
    assert open_one.title == "Program współpracy Miasta Zabrze z organizacjami pozarządowymi na rok 2027"
    assert state.effective_state(open_one) == "open" and api.content.get_state(open_one) == "open"
    assert len(remarks_api.public(open_one)) >= 4
    assert {"par-5", "par-3-ust-2-pkt-2"} <= {u["id"] for u in open_one.units}
    reported = folder["program-wspolpracy-2026"]
    assert api.content.get_state(reported) == "report_published"
    report = outcome.report(reported)
    assert report["total"] == 2 and any(u["changed"] for u in report["units"])
    html = reported.restrictedTraverse("@@raport")()
    assert "Uwzględniona częściowo" in html
    listing = folder.restrictedTraverse("@@konsultacje")()
    assert "pozostało dni" in listing
