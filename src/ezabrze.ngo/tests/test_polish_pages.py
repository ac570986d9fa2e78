"""No English on the Polish NGO pages: an organization's pages for its representative, the remark form of an
open consultation, the offer form of a grant call, and the staff pages (representatives, the NGO
control panel), rendered with every message translated (the watcher of ezabrze.policy.testing.polish)."""

from datetime import timedelta
from ezabrze.ngo.competitions import offers
from ezabrze.ngo.competitions.setup import folder as calls_folder
from ezabrze.ngo.consultations.setup import folder as consultations_folder
from ezabrze.ngo.testing import make_call
from ezabrze.ngo.testing import make_consultation
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import offer_fields
from ezabrze.ngo.testing import PASSWORD
from ezabrze.policy.testing import polish
from plone import api

import pytest
import transaction


@pytest.fixture
def untranslated(monkeypatch):
    return polish.watch_untranslated(monkeypatch)


@pytest.fixture
def site(functional_portal, frozen):
    from ezabrze.ngo.consultations import state
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    login(functional_portal, TEST_USER_NAME)
    with api.env.adopt_roles(["Manager"]):
        world = make_personas(functional_portal)
        consultation = make_consultation(
            consultations_folder(), NOW - timedelta(days=1), NOW + timedelta(days=7), id_="otwarta"
        )
        state.sync(functional_portal, now=NOW)
        call = make_call(calls_folder(), NOW + timedelta(days=21), id_="sport")
        offer = offers.create(call, "rep_a", world["org_a"], "Sport dla dzieci", **offer_fields())
    transaction.commit()
    assert api.content.get_state(consultation) == "open"
    return functional_portal, world, consultation, call, offer


def relative(obj, portal):
    return "/" + "/".join(obj.getPhysicalPath()[len(portal.getPhysicalPath()):])


def test_every_ngo_page_is_all_polish(site, request_factory, untranslated):
    portal, world, consultation, call, offer = site

    def session(user):
        s = request_factory(basic_auth=(user, PASSWORD), api=False)
        s.headers["Accept"] = "text/html"
        return s

    organization = relative(world["org_a"], portal)
    representative = {
        "organization": organization,
        "follow": f"{organization}/@@obserwuj",
        "directory": relative(world["org_a"].__parent__, portal),
        "propose an organization": relative(world["org_a"].__parent__, portal) + "/@@zglos-organizacje",
        "consultation": relative(consultation, portal),
        "remark form": relative(consultation, portal) + "/@@zglos-uwage",
        "remarks": relative(consultation, portal) + "/@@uwagi",
        "grant call": relative(call, portal),
        "offer": relative(offer, portal),
        "offer form": relative(offer, portal) + "/@@formularz-oferty",
    }
    english = polish.english_scan(portal)
    problems = polish.check_pages(session("rep_a"), representative, untranslated, english=english)
    other = {"become a representative": f"{organization}/@@zostan-przedstawicielem"}
    problems += polish.check_pages(session("resident"), other, untranslated, english=english)
    staff = {
        "representatives of an organization": f"{organization}/@@przedstawiciele",
        "consultation settings": "/@@konsultacje-ustawienia",
    }
    manager = request_factory(role="Manager", api=False)
    manager.headers["Accept"] = "text/html"
    problems += polish.check_pages(manager, staff, untranslated, english=english)
    assert problems == [], "\n".join(problems)
