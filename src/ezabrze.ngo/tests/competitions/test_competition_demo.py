"""Demo competitions: an announced call open for offers and a finished call with published results (three
offers, a three-member committee with one member excluded from an offer for a conflict); idempotent."""

from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import offers
from ezabrze.ngo.competitions import state
from plone import api
from plone.app.testing import applyProfile


def test_demo_competitions(portal):
    with api.env.adopt_roles(["Manager"]):
        applyProfile(portal, "ezabrze.ngo:demo")
        applyProfile(portal, "ezabrze.ngo:demo")
    folder = portal["organizacje-pozarzadowe"]["konkursy"]
    open_call = folder["sport-dzieci-i-mlodziezy-2027"]
    assert state.accepting(open_call) and state.seconds_left(open_call) > 21 * 86400
    finished = folder["kultura-i-tradycja-2026"]
    assert state.call_state(finished) == "results" and not state.accepting(finished)
    rows = evaluation.results(finished)
    assert [(r["position"], r["granted"]) for r in rows] == [
        (1, 10800), (2, 10000), (3, None)]
    assert len(committee.members(finished)) == 3
    assert [e[1] for e in committee.exclusions(finished)] == ["conflict"]
    assert all(offers.verify(offer) for offer in committee.submitted_offers(finished))
    assert len(finished.objectIds()) == 3  # applied twice: nothing added
    html = finished.restrictedTraverse("@@wyniki")()
    assert "Szlakiem zabytków techniki" in html and "nie przyznano" in html
