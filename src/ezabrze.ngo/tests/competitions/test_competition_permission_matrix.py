"""Permission matrix of the grant competitions: personas x states x permissions on the call and on an offer of
NGO A, and who may act (create, submit, declare, score, propose) through the rules.

Personas: anonymous, resident, representatives of NGO A and NGO B, an unverified representative of A, committee
members: before the declaration (member_new), after it (moderator), conflicted with A (staff), nominated by NGO A
which applies (ngo_member), an editor and a site administrator."""

from datetime import timedelta
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import offers
from ezabrze.ngo.competitions.setup import folder
from ezabrze.ngo.testing import make_call
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import offer_fields
from ezabrze.ngo.testing import PASSWORD
from plone import api
from zope.annotation.interfaces import IAnnotations

import pytest


DEADLINE = NOW + timedelta(days=21)
PERSONAS = ("anonymous", "resident", "rep_a", "rep_b", "unverified", "member_new", "moderator", "staff",
            "ngo_member", "editor", "site_admin")
EVERYONE = set(PERSONAS)
STAFF = {"editor", "site_admin"}

CALL_VIEW = {"draft": STAFF, "announced": EVERYONE, "formal": EVERYONE, "merit": EVERYONE, "results": EVERYONE}
CALL_MODIFY = {"draft": STAFF, "announced": STAFF, "formal": {"site_admin"}, "merit": {"site_admin"},
               "results": set()}
CALL_PERMISSIONS = {
    "ezabrze.ngo: Manage grant competitions": STAFF,
    "ezabrze.ngo: Evaluate offers": STAFF,
    "ezabrze.ngo: Add GrantCall": STAFF,
    "ezabrze.ngo: Add Offer": set(),
}
# offer of NGO A: draft (private to A's verified representatives), submitted (frozen; staff and eligible members)
OFFER = {
    "draft": {"View": {"rep_a"}, "Modify portal content": {"rep_a"}, "ezabrze.ngo: Submit offers": {"rep_a"}},
    "submitted": {"View": {"rep_a", "moderator"} | STAFF, "Modify portal content": set(),
                  "ezabrze.ngo: Submit offers": set()},
}


def new_request(portal):
    annotations = IAnnotations(portal.REQUEST)
    for key in [key for key in annotations if "borg.localrole" in str(key)]:
        del annotations[key]


def allowed(portal, login_as, permission, obj):
    result = set()
    for persona in PERSONAS:
        new_request(portal)
        login_as(persona)
        if api.user.has_permission(permission, obj=obj):
            result.add(persona)
    login_as("site_admin")
    return result


@pytest.fixture
def scene(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        for name in ("member_new", "ngo_member"):
            api.user.create(email=f"{name}@example.org", username=name, password=PASSWORD, roles=["Member"])
        call = make_call(folder(), DEADLINE, state="draft")
    return call


def test_call_by_state(portal, world, scene, frozen, login_as):
    call = scene
    path = ("draft", "announce", "announced", "start_formal", "formal", "start_merit", "merit")
    for step in path:
        if step in CALL_VIEW:
            assert allowed(portal, login_as, "View", call) == CALL_VIEW[step], step
            assert allowed(portal, login_as, "Modify portal content", call) == CALL_MODIFY[step], step
            for permission, personas in CALL_PERMISSIONS.items():
                assert allowed(portal, login_as, permission, call) == personas, (step, permission)
        else:
            if step == "start_formal":
                frozen.set(DEADLINE)
            with api.env.adopt_roles(["Manager"]):
                api.content.transition(call, transition=step)


def test_offer_by_state_and_committee(portal, world, scene, frozen, login_as):
    call = scene
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(call, transition="announce")
    offer = offers.create(call, "rep_a", world["org_a"], "Sport A", **offer_fields())
    other = offers.create(call, "rep_b", world["org_b"], "Sport B", **offer_fields())
    for permission, personas in OFFER["draft"].items():
        assert allowed(portal, login_as, permission, offer) == personas, permission
    offers.submit(offer, "rep_a")
    offers.submit(other, "rep_b")
    with api.env.adopt_roles(["Manager"]):
        for userid in ("member_new", "moderator", "staff"):
            committee.add_member(call, userid)
        committee.add_member(call, "ngo_member", committee.NGO, offer.organization_uid)
        frozen.set(DEADLINE)
        api.content.transition(call, transition="start_formal")
    committee.sign_declaration(call, "moderator", [], True)
    committee.sign_declaration(call, "staff", [offer.organization_uid], True)
    committee.sign_declaration(call, "ngo_member", [], True)
    for permission, personas in OFFER["submitted"].items():
        assert allowed(portal, login_as, permission, offer) == personas, permission
    # the conflicted member still sees the other offer; the NGO-nominated member whose NGO applies sees none
    assert allowed(portal, login_as, "View", other) == {"rep_b", "moderator", "staff"} | STAFF

    # who may act through the rules (REST and pages use the same functions)
    checklist = {key: True for key, _title in evaluation.FORMAL_ITEMS}
    evaluation.set_formal(offer, checklist, "correct")
    evaluation.set_formal(other, checklist, "correct")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(call, transition="start_merit")
    card = {"c1": {"points": 5, "justification": "x"}, "c2": {"points": 3, "justification": "y"}}
    may_score = set()
    for persona in PERSONAS:
        try:
            evaluation.score(offer, persona, card)
        except evaluation.EvaluationError as error:
            assert error.status == 403
        else:
            may_score.add(persona)
    assert may_score == {"moderator"}
    may_submit = set()
    for persona in PERSONAS:
        try:
            offers.create(call, persona, world["org_a"], "X", **offer_fields())
        except offers.OfferError as error:
            assert error.status in (403, 409)
        else:
            may_submit.add(persona)
    assert may_submit == set()  # after the deadline nobody, not even rep_a


def test_offers_never_in_search_for_others(portal, world, scene, frozen, login_as):
    call = scene
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(call, transition="announce")
    offer = offers.create(call, "rep_a", world["org_a"], "Sport A", **offer_fields())
    for stage in ("draft", "submitted"):
        found = {}
        for persona in ("anonymous", "resident", "rep_a", "rep_b", "unverified"):
            login_as(persona)
            found[persona] = [b.getId for b in api.content.find(portal_type="Offer")]
        assert found == {"anonymous": [], "resident": [], "rep_a": [offer.getId()], "rep_b": [],
                         "unverified": []}, stage
        login_as("site_admin")
        if stage == "draft":
            offers.submit(offer, "rep_a")


def test_call_permissions_follow_the_effective_state_to_the_second(portal, world, scene, frozen, login_as):
    """Between the offer deadline and the clock firing start_formal the call is already in its formal
    evaluation: editors may no longer change it (the roles of "formal"), a second earlier they still may."""
    call = scene
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(call, transition="announce")
    frozen.set(DEADLINE - timedelta(seconds=1))
    assert allowed(portal, login_as, "Modify portal content", call) == CALL_MODIFY["announced"]
    frozen.set(DEADLINE)
    assert api.content.get_state(call) == "announced"  # the clock has not run yet
    assert allowed(portal, login_as, "Modify portal content", call) == CALL_MODIFY["formal"]
    assert allowed(portal, login_as, "Delete objects", call) == set()
    assert allowed(portal, login_as, "View", call) == CALL_VIEW["formal"]
    for permission, personas in CALL_PERMISSIONS.items():
        assert allowed(portal, login_as, permission, call) == personas, permission
    # the stored mapping is untouched: the clock's transition stores the same roles
    assert set(call.__dict__["_Modify_portal_content_Permission"]) == {"Manager", "Site Administrator", "Editor"}
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(call, transition="start_formal")
    assert allowed(portal, login_as, "Modify portal content", call) == CALL_MODIFY["formal"]
    # an editor's edit form is refused at once
    from AccessControl import Unauthorized

    login_as("editor")
    frozen.set(DEADLINE)
    with pytest.raises(Unauthorized):
        portal.restrictedTraverse("/".join(call.getPhysicalPath()) + "/@@edit")
