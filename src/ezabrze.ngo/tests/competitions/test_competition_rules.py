"""Grant competitions with a frozen clock: the 21-day deadline, offers (privacy, arithmetic, submission to the
second, checksum and tampering, confirmation mail), the committee (declarations, exclusions, view log), formal
evaluation with corrections, cards, ranking with ties, proposals within the funds, results and exports."""

from datetime import timedelta
from decimal import Decimal
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import costs
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import offers
from ezabrze.ngo.competitions import state
from ezabrze.ngo.competitions.setup import folder
from ezabrze.ngo.testing import make_call
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import offer_fields
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.i18n import translate

import pytest


DEADLINE = NOW + timedelta(days=21)


def pl(message):
    return translate(message, target_language="pl")


@pytest.fixture
def call(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        return make_call(folder(), DEADLINE)


def new_request(portal):
    """Forget the local roles borg.localrole cached on the request (a new request in real life)."""
    from zope.annotation.interfaces import IAnnotations

    annotations = IAnnotations(portal.REQUEST)
    for key in [key for key in annotations if "borg.localrole" in str(key)]:
        del annotations[key]


def do(obj, transition):
    api.portal.get_tool("portal_workflow").doActionFor(obj, transition)


def refused(error_class, status, call_, *args, **kwargs):
    with pytest.raises(error_class) as info:
        call_(*args, **kwargs)
    assert info.value.status == status
    message = info.value.message
    return [pl(m) for m in message] if isinstance(message, list) else pl(message)


def test_deadline_at_least_21_days_after_the_announcement(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        short = make_call(folder(), NOW + timedelta(days=21) - timedelta(seconds=1), id_="krotki", state="draft")
        with pytest.raises(WorkflowException) as info:
            do(short, "announce")
        assert "co najmniej 21 dni" in pl(state.message_of(info.value))
        assert api.content.get_state(short) == "draft"
        ok = make_call(folder(), NOW + timedelta(days=21), id_="dobry")
    assert api.content.get_state(ok) == "announced"
    assert ok.announced == NOW


def test_offers_accepted_to_the_second(call, world, frozen):
    assert state.accepting(call)
    frozen.set(DEADLINE - timedelta(seconds=1))
    offer = offers.create(call, "rep_a", world["org_a"], "Sport dla dzieci", **offer_fields())
    assert state.seconds_left(call) == 1
    frozen.set(DEADLINE)
    assert not state.accepting(call)
    message = refused(offers.OfferError, 409, offers.submit, offer, "rep_a")
    assert "termin" in message.lower()
    assert api.content.get_state(offer) == "draft" and offer.checksum is None
    refused(offers.OfferError, 409, offers.create, call, "rep_b", world["org_b"], "Za późno", **offer_fields())
    refused(offers.OfferError, 409, offers.update, offer, "rep_a", {"schedule": "zmiana"})


def test_formal_evaluation_starts_only_after_the_deadline(call, frozen):
    with api.env.adopt_roles(["Manager"]), pytest.raises(WorkflowException):
        do(call, "start_formal")
    frozen.set(DEADLINE)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(call, transition="start_formal")
    assert api.content.get_state(call) == "formal"


def test_cancel_needs_a_reason(call):
    with api.env.adopt_roles(["Manager"]):
        with pytest.raises(WorkflowException):
            do(call, "cancel")
        call.cancel_reason = "Brak ważnych ofert."
        api.content.transition(call, transition="cancel")
    assert api.content.get_state(call) == "cancelled"


def test_only_verified_representatives_create_offers(call, world):
    refused(offers.OfferError, 403, offers.create, call, "unverified", world["org_a"], "X", **offer_fields())
    refused(offers.OfferError, 403, offers.create, call, "rep_b", world["org_a"], "X", **offer_fields())
    refused(offers.OfferError, 403, offers.create, call, "resident", world["org_a"], "X", **offer_fields())


def test_draft_private_to_the_organization(portal, call, world, login_as):
    offer = offers.create(call, "rep_a", world["org_a"], "Sport dla dzieci", **offer_fields())
    for name, allowed in (("rep_a", True), ("rep_b", False), ("unverified", False), ("resident", False),
                          ("editor", False), ("anonymous", False)):
        login_as(name)
        assert bool(api.user.has_permission("View", obj=offer)) is allowed, name
        assert bool(api.user.has_permission("Modify portal content", obj=offer)) is allowed, name
    # a second verified representative of the same organization shares the draft
    from ezabrze.ngo.organizations import representatives as reps

    with api.env.adopt_roles(["Manager"]):
        token = reps.request(world["org_a"], "resident", "Resident", "członek zarządu", True)
        reps.confirm(world["org_a"], token)
        reps.set_state(world["org_a"], "resident", reps.VERIFIED)
    new_request(portal)
    login_as("resident")
    assert api.user.has_permission("View", obj=offer)


def test_arithmetic():
    good = [{"cost_type": "Trener", "unit": "h", "unit_cost": "120", "units": "50", "from_grant": "5000",
             "other": "1000"},
            {"cost_type": "Sala", "unit": "mies.", "unit_cost": "333,33", "units": "3", "total": "999.99",
             "from_grant": "999.99", "other": "0"}]
    summary = costs.check(good, max_grant=Decimal("6000"), own_percent=Decimal("10"))
    assert summary["total"] == Decimal("6999.99") and summary["grant"] == Decimal("5999.99")
    assert summary["own_share"] == Decimal("14.29")

    def problems(rows, **kwargs):
        with pytest.raises(costs.CostError) as info:
            costs.check(rows, **kwargs)
        return " | ".join(pl(m) for m in info.value.args[0])

    assert "Wiersz kosztów 1" in problems([dict(good[0], total="6001")])
    assert "nie sumują się" in problems([dict(good[0], other="999")])
    assert "nie jest liczbą" in problems([dict(good[0], units="pięćdziesiąt")])
    assert "ujemne" in problems([dict(good[0], units="-1", from_grant="-120", other="0")])
    assert "powyżej limitu" in problems(good, max_grant=Decimal("5000"))
    assert "wkład własny" in problems(good, own_percent=Decimal("20")).lower()
    assert "V.C" in problems(good, joint=True)
    assert "V.C" in problems(good, split=[{"applicant": "A", "amount": "1"}])
    assert costs.check(good, split=[{"applicant": "A", "amount": "6000"}, {"applicant": "B", "amount": "999.99"}])
    assert "nie ma wierszy" in problems([])


def test_grant_above_the_limit_cannot_be_submitted(call, world):
    fields = offer_fields(grant="6000", other="0")
    offer = offers.create(call, "rep_a", world["org_a"], "Za dużo", **fields)
    offer.costs = [dict(fields["costs"][0], unit_cost="140", from_grant="6500", other="500")]
    messages = refused(offers.OfferError, 400, offers.submit, offer, "rep_a")
    assert any("powyżej limitu" in m for m in messages)
    assert api.content.get_state(offer) == "draft" and offer.checksum is None


def test_submission_freezes_checksums_and_mails(call, world, login_as):
    from ezabrze.policy.cases import mail as policy_mail  # noqa: F401

    offer = offers.create(call, "rep_a", world["org_a"], "Sport dla dzieci", **offer_fields())
    checksum = offers.submit(offer, "rep_a")
    assert len(checksum) == 64 and offer.submitted == NOW and offer.submitted_by == "rep_a"
    assert offers.verify(offer)
    assert api.content.get_state(offer) == "submitted"
    login_as("rep_a")
    assert not api.user.has_permission("Modify portal content", obj=offer)
    assert api.user.has_permission("View", obj=offer)
    refused(offers.OfferError, 409, offers.submit, offer, "rep_a")
    refused(offers.OfferError, 409, offers.update, offer, "rep_a", {"schedule": "zmiana"})
    # a changed byte of the frozen offer is detected
    offer.task_description = offer.task_description.replace("dzieci", "dzieci ")
    assert not offers.verify(offer)


def test_incomplete_offer_is_refused_whole(call, world):
    offer = offers.create(call, "rep_a", world["org_a"], "Sport", **offer_fields(statements=["non_profit"]))
    messages = refused(offers.OfferError, 400, offers.submit, offer, "rep_a")
    assert any("oświadczenie" in m for m in messages)
    assert api.content.get_state(offer) == "draft"


def _two_offers_and_committee(call, world, frozen):
    a = offers.create(call, "rep_a", world["org_a"], "Sport A", **offer_fields())
    b = offers.create(call, "rep_b", world["org_b"], "Sport B", **offer_fields(grant="4000", other="2000"))
    offers.submit(a, "rep_a")
    frozen.set(NOW + timedelta(hours=1))
    offers.submit(b, "rep_b")
    with api.env.adopt_roles(["Manager"]):
        for userid, kind, org in (("staff", committee.STAFF, None), ("editor", committee.STAFF, None),
                                  ("moderator", committee.NGO, world["org_a"])):
            committee.add_member(call, userid, kind, api.content.get_uuid(org) if org else None)
        frozen.set(DEADLINE)
        api.content.transition(call, transition="start_formal")
    return a, b


CHECKLIST = {key: True for key, _title in evaluation.FORMAL_ITEMS}


def test_committee_declarations_exclusions_and_view_log(portal, call, world, frozen, login_as):
    a, b = _two_offers_and_committee(call, world, frozen)
    login_as("staff")
    assert not api.user.has_permission("View", obj=a)  # before the declaration
    refused(committee.CommitteeError, 400, committee.sign_declaration, call, "staff", [], False)
    committee.sign_declaration(call, "staff", [b.organization_uid], True)
    new_request(portal)
    assert api.user.has_permission("View", obj=a)
    assert not api.user.has_permission("View", obj=b)  # declared conflict
    refused(committee.CommitteeError, 409, committee.sign_declaration, call, "staff", [], True)
    committee.sign_declaration(call, "moderator", [], True)
    assert committee.excluded_from_call(call, "moderator")  # nominated by org A, which applies
    login_as("moderator")
    assert not api.user.has_permission("View", obj=a) and not api.user.has_permission("View", obj=b)
    refused(committee.CommitteeError, 403, committee.sign_declaration, call, "rep_b", [], True)
    assert ("staff", "conflict", b.organization_uid) in committee.exclusions(call)
    assert ("moderator", "ngo_applies", a.organization_uid) in committee.exclusions(call)
    committee.log_view(call, a, "staff")
    committee.log_view(call, a, "rep_a")  # not a member: not logged
    assert [(e["userid"], e["offer"]) for e in committee.view_log(call)] == [("staff", a.getId())]


def test_formal_evaluation_and_correction(call, world, frozen):
    a, b = _two_offers_and_committee(call, world, frozen)
    assert "przyczynę" in refused(evaluation.EvaluationError, 400, evaluation.set_formal, b, CHECKLIST, "rejected")
    refused(evaluation.EvaluationError, 400, evaluation.set_formal, a, {"on_time": True}, "correct")
    refused(evaluation.EvaluationError, 400, evaluation.set_formal, a, dict(CHECKLIST, template=False), "correct")
    first = a.checksum
    offers.request_correction(a, ["schedule"], DEADLINE + timedelta(days=7), "Uzupełnij harmonogram.")
    refused(offers.OfferError, 403, offers.correct, a, "rep_a", {"task_description": "inne"})
    refused(offers.OfferError, 403, offers.correct, a, "rep_b", {"schedule": "inne"})
    assert offers.correct(a, "rep_a", {"schedule": "Harmonogram poprawiony."}) != first
    assert offers.verify(a) and [c["reason"] for c in a.checksums] == ["submitted", "corrected"]
    refused(offers.OfferError, 409, offers.correct, a, "rep_a", {"schedule": "jeszcze raz"})
    offers.request_correction(b, ["schedule"], DEADLINE + timedelta(days=7))
    frozen.set(DEADLINE + timedelta(days=7))
    refused(offers.OfferError, 409, offers.correct, b, "rep_b", {"schedule": "za późno"})
    evaluation.set_formal(a, CHECKLIST, "correct")
    evaluation.set_formal(b, dict(CHECKLIST, statutory=False), "rejected", "Zadanie poza statutem.")
    assert evaluation.eligible_offers(call) == [a]


def _merit(call, world, frozen):
    a, b = _two_offers_and_committee(call, world, frozen)
    evaluation.set_formal(a, CHECKLIST, "correct")
    evaluation.set_formal(b, CHECKLIST, "correct")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(call, transition="start_merit")
    committee.sign_declaration(call, "staff", [], True)
    committee.sign_declaration(call, "editor", [b.organization_uid], True)
    committee.sign_declaration(call, "moderator", [], True)
    return a, b


def card(points1, points2, text="Uzasadnienie."):
    return {"c1": {"points": points1, "justification": text}, "c2": {"points": points2, "justification": text}}


def test_cards_refuse_bad_scores_and_excluded_members(call, world, frozen):
    a, b = _merit(call, world, frozen)
    assert "od 0 do 10" in refused(evaluation.EvaluationError, 400, evaluation.score, a, "staff", card(11, 3))
    assert "Uzasadnij" in refused(evaluation.EvaluationError, 400, evaluation.score, a, "staff", card(5, 3, " "))
    refused(evaluation.EvaluationError, 400, evaluation.score, a, "staff", {"c1": {"points": 1, "justification": "x"}})
    refused(evaluation.EvaluationError, 403, evaluation.score, b, "editor", card(5, 3))  # conflict
    refused(evaluation.EvaluationError, 403, evaluation.score, a, "moderator", card(5, 3))  # NGO applies
    refused(evaluation.EvaluationError, 403, evaluation.score, a, "rep_a", card(5, 3))
    assert not evaluation.cards(a)


def test_ranking_with_ties_and_proposals_within_funds(call, world, frozen):
    a, b = _merit(call, world, frozen)
    # equal averages (8.00): B wins on the first criterion (7 > 5)
    evaluation.score(a, "staff", card(5, 3))
    evaluation.score(a, "editor", card(5, 3))
    evaluation.score(b, "staff", card(7, 1))
    ranked = evaluation.ranking(call)
    assert [(pos, offer.getId(), avg["total"]) for pos, offer, avg in ranked] == [
        (1, b.getId(), Decimal("8.00")), (2, a.getId(), Decimal("8.00"))]
    # equal on every criterion: the earlier submission (A) first
    evaluation.score(b, "staff", card(5, 3))
    assert [offer.getId() for _p, offer, _a in evaluation.ranking(call)] == [a.getId(), b.getId()]
    call.funds = Decimal("8000.00")
    assert "przekraczają" in refused(evaluation.EvaluationError, 400, evaluation.propose, call,
                                     {a.getId(): "5000", b.getId(): "3000.01"})
    assert evaluation.proposal(a) is None  # nothing stored half-way
    refused(evaluation.EvaluationError, 400, evaluation.propose, call, {a.getId(): "5000.01"})  # above requested
    evaluation.propose(call, {a.getId(): "5000", b.getId(): "3000"})
    assert evaluation.results_problem(call) is None
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(call, transition="publish_results")
    rows = evaluation.results(call)
    assert [(r["applicant"], r["title"], r["granted"]) for r in rows] == [
        ("Stowarzyszenie A", "Sport A", Decimal("5000.00")), ("Fundacja B", "Sport B", Decimal("3000.00"))]
    assert evaluation.own_scores(b)[0]["scores"][0]["justification"] == "Uzasadnienie."
    # B got less than requested (4000): the updated estimate must add up to the grant
    refused(evaluation.EvaluationError, 400, evaluation.update_costs, b, "rep_b", offer_fields()["costs"])
    updated = [{"cost_type": "Trener", "unit": "h", "unit_cost": "100", "units": "40", "from_grant": "3000",
                "other": "1000"}]
    refused(evaluation.EvaluationError, 403, evaluation.update_costs, b, "rep_a", updated)
    evaluation.update_costs(b, "rep_b", updated)
    assert b.updated_costs == updated
    refused(evaluation.EvaluationError, 409, evaluation.update_costs, a, "rep_a", updated)


def test_results_cannot_be_published_without_proposals(call, world, frozen):
    _merit(call, world, frozen)
    with api.env.adopt_roles(["Manager"]), pytest.raises(WorkflowException):
        do(call, "publish_results")
    assert evaluation.results(call) == []
