"""Formal evaluation (a checklist, correction requests, correct/rejected), merit evaluation (a card per member:
each criterion 0..max with a justification), averages, the ranking, the proposals within the funds and the
results.

Ranking tie rule (documented in the README and on the results page): offers are ordered by the average of the
members' total points, descending; equal averages are decided by the averages of the criteria in the order the
call lists them (the first criterion first), then by the earlier submission (to the second), then by the title."""

from BTrees.OOBTree import OOBTree
from decimal import Decimal
from decimal import ROUND_HALF_UP
from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import costs as costs_api
from ezabrze.ngo.competitions import offers as offers_api
from ezabrze.ngo.competitions.state import call_state
from persistent.mapping import PersistentMapping
from plone import api
from zope.i18nmessageid import Message


FORMAL_ITEMS = (
    ("on_time", _("Submitted before the deadline")),
    ("eligible", _("The applicant is an eligible entity (art. 3 ust. 2-3 of the act)")),
    ("statutory", _("The task is within the applicant's statutory activity")),
    ("template", _("The offer is complete on the official template")),
    ("arithmetic", _("The cost estimate is arithmetically correct and within the limits")),
    ("statements", _("The statements are confirmed")),
)
CORRECT = "correct"
REJECTED = "rejected"
TWO = Decimal("0.01")


class EvaluationError(ValueError):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def formal(offer):
    return getattr(offer, "formal", None)


def set_formal(offer, checklist, result, reason="", actor=None):
    call = offer.aq_parent
    if call_state(call) != "formal":
        raise EvaluationError(409, _("The formal evaluation is closed."))
    if offers_api.offer_state(offer) != "submitted":
        raise EvaluationError(409, _("Only a submitted offer is evaluated."))
    keys = {key for key, _title in FORMAL_ITEMS}
    checklist = {key: bool(value) for key, value in (checklist or {}).items() if key in keys}
    if set(checklist) != keys:
        raise EvaluationError(400, _("Answer every item of the formal checklist."))
    if result not in (CORRECT, REJECTED):
        raise EvaluationError(400, _("The result is either formally correct or rejected."))
    reason = (reason or "").strip()
    if result == REJECTED and not reason:
        raise EvaluationError(400, _("Give the reason for the rejection."))
    if result == CORRECT and not all(checklist.values()):
        raise EvaluationError(400, _("An offer with an unmet item of the checklist cannot be formally correct."))
    offer.formal = PersistentMapping({"checklist": checklist, "result": result, "reason": reason,
                                      "date": clock.now(), "actor": actor})


def eligible_offers(call):
    return [offer for offer in committee.submitted_offers(call) if (formal(offer) or {}).get("result") == CORRECT]


def cards(offer):
    return getattr(offer, "_cards", None) or {}


def score(offer, userid, scores):
    """The member's card: {criterion id: {"points": int, "justification": str}} for every criterion."""
    call = offer.aq_parent
    if call_state(call) != "merit":
        raise EvaluationError(409, _("Cards are filled in during the merit evaluation."))
    if not committee.may_see(call, userid, offer):
        raise EvaluationError(403, _("You may not evaluate this offer (no declaration, or excluded)."))
    if (formal(offer) or {}).get("result") != CORRECT:
        raise EvaluationError(409, _("Only a formally correct offer is evaluated on the merits."))
    card = {}
    for criterion in call.criteria_list():
        entry = (scores or {}).get(criterion["id"])
        if not isinstance(entry, dict):
            raise EvaluationError(400, Message(_("Score the criterion: ${criterion}."),
                                               mapping={"criterion": criterion["title"]}))
        points = entry.get("points")
        if isinstance(points, bool) or not isinstance(points, int):
            try:
                points = int(str(points).strip())
            except ValueError:
                raise EvaluationError(400, Message(_("The points for ${criterion} must be a whole number."),
                                                   mapping={"criterion": criterion["title"]})) from None
        if not 0 <= points <= criterion["max"]:
            raise EvaluationError(400, Message(_("The points for ${criterion} must be from 0 to ${max}."),
                                               mapping={"criterion": criterion["title"], "max": criterion["max"]}))
        justification = str(entry.get("justification") or "").strip()
        if not justification:
            raise EvaluationError(400, Message(_("Justify the points for ${criterion}."),
                                               mapping={"criterion": criterion["title"]}))
        card[criterion["id"]] = {"points": points, "justification": justification}
    if getattr(offer, "_cards", None) is None:
        offer._cards = OOBTree()
    offer._cards[userid] = PersistentMapping({"scores": card, "date": clock.now()})


def _average(values):
    values = list(values)
    if not values:
        return Decimal("0.00")
    return (Decimal(sum(values)) / len(values)).quantize(TWO, rounding=ROUND_HALF_UP)


def averages(offer):
    """{"total": average of the card totals, "criteria": {id: average}, "cards": n}."""
    call = offer.aq_parent
    all_cards = [card["scores"] for card in cards(offer).values()]
    criteria = call.criteria_list()
    return {
        "total": _average(sum(entry["points"] for entry in card.values()) for card in all_cards),
        "criteria": {c["id"]: _average(card[c["id"]]["points"] for card in all_cards) for c in criteria},
        "cards": len(all_cards),
    }


def ranking(call):
    """[(position, offer, averages)] of the formally correct offers, by the documented tie rule."""
    criteria = call.criteria_list()
    rows = [(offer, averages(offer)) for offer in eligible_offers(call)]

    def key(row):
        offer, avg = row
        return ([-avg["total"]] + [-avg["criteria"][c["id"]] for c in criteria]
                + [clock.utc(offer.submitted), offer.title or ""])

    rows.sort(key=key)
    return [(position, offer, avg) for position, (offer, avg) in enumerate(rows, start=1)]


def proposal(offer):
    return getattr(offer, "proposal", None)


def propose(call, amounts):
    """The committee's proposed grants {offer id: amount} (0 = not granted); all or nothing."""
    if call_state(call) != "merit":
        raise EvaluationError(409, _("Grants are proposed during the merit evaluation."))
    eligible = {offer.getId(): offer for offer in eligible_offers(call)}
    parsed = {}
    for offer_id, value in (amounts or {}).items():
        offer = eligible.get(offer_id)
        if offer is None:
            raise EvaluationError(400, _("A grant is proposed only for a formally correct offer of this call."))
        try:
            value = costs_api.amount(value)
        except ValueError:
            raise EvaluationError(400, _("The proposed amount is not a number.")) from None
        requested = offers_api.requested(offer) or Decimal("0.00")
        if value < 0 or value > requested:
            raise EvaluationError(400, Message(_("The grant for \"${title}\" must be from 0 to the requested "
                                                 "${requested} zł."),
                                               mapping={"title": offer.title, "requested": requested}))
        if value > Decimal(call.max_grant):
            raise EvaluationError(400, _("A proposed grant is above the maximum grant per offer."))
        if value > 0 and not cards(offer):
            raise EvaluationError(409, _("An offer without evaluation cards cannot get a grant."))
        parsed[offer_id] = value
    current = {offer_id: proposal(offer) for offer_id, offer in eligible.items() if proposal(offer) is not None}
    current.update(parsed)
    total = sum(current.values(), Decimal("0.00"))
    if total > Decimal(call.funds):
        raise EvaluationError(400, Message(_("The proposed grants (${total} zł) exceed the funds of the call "
                                             "(${funds} zł)."), mapping={"total": total, "funds": call.funds}))
    for offer_id, value in parsed.items():
        eligible[offer_id].proposal = value


def results_problem(call):
    eligible = eligible_offers(call)
    if any(proposal(offer) is None for offer in eligible):
        return _("Propose a grant (or 0) for every formally correct offer before publishing the results.")
    if sum((proposal(offer) for offer in eligible), Decimal("0.00")) > Decimal(call.funds):
        return _("The proposed grants exceed the funds of the call.")
    return None


def results(call):
    """The public list: applicant, task title, amount granted (None = not granted), points; only once
    published. Offers themselves stay private."""
    if call_state(call) != "results":
        return []
    positions = {offer.getId(): (position, avg) for position, offer, avg in ranking(call)}
    rows = []
    for offer in committee.submitted_offers(call):
        org = offers_api.organization(offer)
        position, avg = positions.get(offer.getId(), (None, None))
        granted = proposal(offer) if offer.getId() in positions else None
        rows.append({
            "id": offer.getId(),
            "applicant": org.title if org is not None else "",
            "title": offer.title,
            "requested": offers_api.requested(offer),
            "granted": granted if granted else None,
            "points": avg["total"] if avg else None,
            "position": position,
            "formal": (formal(offer) or {}).get("result"),
        })
    rows.sort(key=lambda row: (row["position"] is None, row["position"] or 0, row["title"]))
    return rows


def own_scores(offer):
    """What the applicant sees: per member (numbered, not named) the points and justifications."""
    call = offer.aq_parent
    if call_state(call) != "results":
        return []
    titles = {c["id"]: c["title"] for c in call.criteria_list()}
    result = []
    for number, card in enumerate(cards(offer).values(), start=1):
        result.append({"member": number, "scores": [
            {"criterion": titles.get(cid, cid), "points": entry["points"], "justification": entry["justification"]}
            for cid, entry in card["scores"].items()]})
    return result


def update_costs(offer, userid, costs):
    """After a grant lower than requested: the updated cost estimate (the same arithmetic, grant = granted)."""
    call = offer.aq_parent
    if not offers_api.acts_for(userid, offer.organization_uid):
        raise EvaluationError(403, _("Only a verified representative of the applicant may update the estimate."))
    granted = proposal(offer)
    requested = offers_api.requested(offer)
    if call_state(call) != "results" or not granted or requested is None or granted >= requested:
        raise EvaluationError(409, _("An updated cost estimate is needed only after a grant lower than "
                                     "requested."))
    try:
        costs_api.check_updated(costs, granted, call.own_contribution_percent)
    except costs_api.CostError as error:
        raise EvaluationError(400, error.args[0]) from None
    offer.updated_costs = list(costs)
    offer.updated_costs_date = clock.now()
    with api.env.adopt_roles(["Manager"]):
        offer.reindexObject()
