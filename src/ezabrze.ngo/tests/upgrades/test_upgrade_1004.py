"""1003 -> 1004: the small grant offer gets the BIP metadata. A site as 1003 had it (SmallGrant without the
behavior ezabrze.policy.bip, one offer already published) is upgraded: the type has the behavior and keeps its
others, the offer published before shows who published it and when (from the workflow history), and a newly
published one records its publication; a draft shows no metryczka."""

from datetime import date
from decimal import Decimal
from ezabrze.ngo.smallgrants import rules
from ezabrze.ngo.smallgrants.setup import folder
from ezabrze.policy.bip.behavior import BEHAVIOR
from ezabrze.policy.bip.behavior import IBIPMetadata
from ezabrze.policy.bip.behavior import metadata
from plone import api

import pytest


PROFILE = "ezabrze.ngo:default"


def fields(title):
    return {
        "contact_person": "Jan Kowalski",
        "task_start": date(2027, 11, 2),
        "task_end": date(2027, 11, 30),
        "task_description": title,
        "task_place": "Zabrze",
        "expected_results": "50 uczestników.",
        "costs": [{"cost_type": "Materiały", "unit": "komplet", "unit_cost": str(Decimal("1100")), "units": "1",
                   "from_grant": "1000", "other": "100"}],
        "statements": ["non_profit", "no_arrears", "data_true", "personal_data"],
    }


def publish(section, title, login_as):
    item = rules.create(section, "rep_a", api.portal.get()["organizacje-pozarzadowe"]["organizacje"]["org-a"],
                        title, **fields(title))
    rules.submit(item, "rep_a")
    login_as("editor")
    rules.publish(item)
    return item


@pytest.fixture
def old_site(portal, world, frozen, login_as):
    fti = api.portal.get_tool("portal_types")["SmallGrant"]
    fti.manage_changeProperties(behaviors=tuple(b for b in fti.behaviors if b != BEHAVIOR))
    with api.env.adopt_roles(["Manager"]):
        section = folder()
    before = publish(section, "Przed aktualizacją", login_as)
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1003")
    return section, before


def test_upgrade_1004_gives_small_grants_the_bip_metadata(portal, old_site, login_as):
    section, before = old_site
    assert not IBIPMetadata.providedBy(before)
    others = list(api.portal.get_tool("portal_types")["SmallGrant"].behaviors)
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, "1004")
    assert setup.getLastVersionForProfile(PROFILE) == ("1004",)
    behaviors = api.portal.get_tool("portal_types")["SmallGrant"].behaviors
    assert BEHAVIOR in behaviors and all(b in behaviors for b in others)
    setup.upgradeProfile(PROFILE, "1004")  # twice: no duplicate
    assert list(api.portal.get_tool("portal_types")["SmallGrant"].behaviors).count(BEHAVIOR) == 1

    assert IBIPMetadata.providedBy(before)
    data = metadata(before, portal.REQUEST)
    assert data["published"] and "Editor" in str(data["published_by"])
    after = publish(section, "Po aktualizacji", login_as)
    data = metadata(after, portal.REQUEST)
    assert data["published"] and "Editor" in str(data["published_by"])
    # the page of the published offer shows the metryczka to anyone; a draft has none
    from ezabrze.ngo.interfaces import IBrowserLayer as NgoLayer
    from ezabrze.policy.interfaces import IBrowserLayer as PolicyLayer
    from zope.interface import alsoProvides

    alsoProvides(portal.REQUEST, PolicyLayer, NgoLayer)
    login_as("anonymous")
    page = after.restrictedTraverse("@@view")()
    assert "ezabrze-bip-metadata" in page and "Urząd Miejski w Zabrzu" in page and "Editor" in page
    login_as("rep_a")
    draft = rules.create(section, "rep_a", api.portal.get()["organizacje-pozarzadowe"]["organizacje"]["org-a"],
                         "Szkic", **fields("Szkic"))
    assert "ezabrze-bip-metadata" not in draft.restrictedTraverse("@@view")()
