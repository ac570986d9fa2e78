"""The formal evaluation starts by the clock at the offer deadline, to the second (frozen clock): the effective
state every rule asks, and the transition fired by the clock's sync without anybody acting."""

from datetime import timedelta
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import offers
from ezabrze.ngo.competitions import state
from ezabrze.ngo.competitions.setup import folder
from ezabrze.ngo.consultations import state as consultations_state
from ezabrze.ngo.testing import make_call
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import offer_fields
from plone import api

import pytest


DEADLINE = NOW + timedelta(days=21)


@pytest.fixture
def call(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        return make_call(folder(), DEADLINE)


def test_announced_until_the_second_before_the_deadline(call, frozen):
    frozen.set(DEADLINE - timedelta(seconds=1))
    assert state.call_state(call) == "announced"
    assert state.sync() == []
    assert api.content.get_state(call) == "announced"


def test_formal_evaluation_from_the_second_of_the_deadline(call, world, frozen):
    offer = offers.create(call, "rep_a", world["org_a"], "Sport dla dzieci", **offer_fields())
    offers.submit(offer, "rep_a")
    committee.add_member(call, "staff")
    frozen.set(DEADLINE)
    # the effective state before the clock has run: the rules of the formal evaluation apply already
    assert state.call_state(call) == "formal"
    assert api.content.get_state(call) == "announced"
    committee.sign_declaration(call, "staff", [], True)
    done = state.sync()
    assert done == [("/".join(call.getPhysicalPath()), "start_formal")]
    assert api.content.get_state(call) == "formal"
    history = call.workflow_history["ezabrze_ngo_grant_call_workflow"]
    assert [entry["action"] for entry in history][-2:] == ["announce", "start_formal"]
    brains = api.content.find(portal_type="GrantCall", review_state="formal")
    assert [brain.getObject() for brain in brains] == [call]
    # once is enough: the next tick does nothing
    assert state.sync() == []


def test_the_clock_of_the_process_runs_the_competitions(call, portal, frozen):
    frozen.set(DEADLINE + timedelta(seconds=5))
    app = portal.aq_parent
    consultations_state.sync_all_sites(app)
    from zope.component.hooks import setSite

    setSite(portal)
    assert api.content.get_state(call) == "formal"


def test_other_states_are_not_touched(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        draft = make_call(folder(), DEADLINE, id_="szkic", state="draft")
    frozen.set(DEADLINE + timedelta(days=1))
    assert state.call_state(draft) == "draft"
    assert state.sync() == []
    assert api.content.get_state(draft) == "draft"
