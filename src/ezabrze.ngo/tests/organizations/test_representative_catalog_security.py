"""Verifying or suspending a representative (or the organisation) catalogs the security of the organisation's
offers again: the search as a suspended representative finds none of the organisation's draft offers (competition
offers and small grants), the re-verified one finds them again; the other organisation's drafts stay hidden."""

from datetime import date
from datetime import timedelta
from decimal import Decimal
from ezabrze.ngo.competitions import offers
from ezabrze.ngo.competitions.setup import folder as competitions_folder
from ezabrze.ngo.organizations import representatives as reps
from ezabrze.ngo.smallgrants import rules
from ezabrze.ngo.smallgrants.setup import folder as smallgrants_folder
from ezabrze.ngo.testing import make_call
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import offer_fields
from plone import api

import pytest


def fields():
    return {
        "contact_person": "Jan Kowalski",
        "task_start": date(2027, 5, 1),
        "task_end": date(2027, 5, 30),
        "task_description": "Festyn sąsiedzki.",
        "task_place": "Zabrze, park",
        "expected_results": "200 uczestników.",
        "costs": [{"cost_type": "Nagłośnienie", "unit": "usługa", "unit_cost": str(Decimal("5500")), "units": "1",
                   "from_grant": "5000", "other": "500"}],
        "statements": ["non_profit", "no_arrears", "data_true", "personal_data"],
    }


@pytest.fixture
def drafts(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        call = make_call(competitions_folder(), NOW + timedelta(days=21))
        section = smallgrants_folder()
    offer = offers.create(call, "rep_a", world["org_a"], "Oferta A", **offer_fields())
    grant = rules.create(section, "rep_a", world["org_a"], "Mała dotacja A", **fields())
    other = rules.create(section, "rep_b", world["org_b"], "Mała dotacja B", **fields())
    return {"offer": offer, "grant": grant, "other": other}


def found(portal, login_as, userid):
    """UIDs of the offers the catalog search gives `userid` (a fresh request: no cached local roles)."""
    from zope.annotation.interfaces import IAnnotations

    annotations = IAnnotations(portal.REQUEST)
    for key in [key for key in annotations if "borg.localrole" in str(key)]:
        del annotations[key]
    login_as(userid)
    brains = api.content.find(portal_type=["Offer", "SmallGrant"])
    login_as("editor")
    return {brain.UID for brain in brains}


def uids(*objs):
    return {api.content.get_uuid(obj) for obj in objs}


def test_suspension_and_verification_of_a_representative_reach_the_catalog(portal, world, drafts, login_as):
    own = uids(drafts["offer"], drafts["grant"])
    assert found(portal, login_as, "rep_a") == own
    assert found(portal, login_as, "rep_b") == uids(drafts["other"])

    login_as("editor")
    reps.set_state(world["org_a"], "rep_a", reps.SUSPENDED, "Nie jest już członkiem zarządu")
    assert found(portal, login_as, "rep_a") == set()
    assert found(portal, login_as, "rep_b") == uids(drafts["other"])

    reps.set_state(world["org_a"], "rep_a", reps.VERIFIED)
    assert found(portal, login_as, "rep_a") == own


def test_a_newly_verified_representative_finds_the_drafts_at_once(portal, world, drafts, login_as):
    assert found(portal, login_as, "unverified") == set()
    login_as("editor")
    reps.set_state(world["org_a"], "unverified", reps.VERIFIED)
    assert found(portal, login_as, "unverified") == uids(drafts["offer"], drafts["grant"])


def test_suspending_the_organisation_hides_its_drafts_from_the_search(portal, world, drafts, login_as):
    wf = api.portal.get_tool("portal_workflow")
    transitions = {t["id"] for t in wf.getTransitionsFor(world["org_a"])}
    assert "suspend" in transitions, transitions
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(world["org_a"], transition="suspend")
    assert found(portal, login_as, "rep_a") == set()
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(world["org_a"], transition="verify")
    assert found(portal, login_as, "rep_a") == uids(drafts["offer"], drafts["grant"])
