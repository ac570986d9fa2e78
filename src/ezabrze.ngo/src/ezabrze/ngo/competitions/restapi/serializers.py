"""JSON of calls, offers and results (shared by the REST services and the pages' exports)."""

from decimal import Decimal
from ezabrze.ngo import clock
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import offers as offers_api
from ezabrze.ngo.competitions import state
from ezabrze.ngo.competitions.offers import _plain
from plone import api


def money(value):
    return str(value) if isinstance(value, Decimal) else value


def call_summary(call, now=None):
    now = now or clock.now()
    return {
        "@id": call.absolute_url(),
        "id": call.getId(),
        "title": call.title,
        "state": state.call_state(call),
        "accepting_offers": state.accepting(call, now),
        "seconds_left": state.seconds_left(call, now),
        "deadline": clock.utc(call.deadline).isoformat(),
        "area": call.area,
        "funds": money(call.funds),
        "max_grant": money(call.max_grant),
    }


def call_json(call):
    data = call_summary(call)
    data.update({
        "description": call.description,
        "task_type": call.task_type,
        "own_contribution_percent": money(call.own_contribution_percent),
        "rules": call.rules,
        "delivery_terms": call.delivery_terms,
        "procedure": call.procedure,
        "criteria": call.criteria_list(),
        "decision_date": call.decision_date.isoformat() if call.decision_date else None,
        "previous_tasks": call.previous_tasks,
        "responsible_unit": call.responsible_unit,
        "announced": clock.utc(call.announced).isoformat() if call.announced else None,
        "cancel_reason": call.cancel_reason if state.call_state(call) == "cancelled" else None,
    })
    return data


def offer_json(offer, with_evaluation=False):
    org = offers_api.organization(offer)
    data = _plain(offers_api.content(offer))
    data.update({
        "@id": offer.absolute_url(),
        "id": offer.getId(),
        "state": offers_api.offer_state(offer),
        "applicant": org.title if org is not None else None,
        "requested": money(offers_api.requested(offer)),
        "submitted": clock.utc(offer.submitted).isoformat() if offer.submitted else None,
        "submitted_by": offer.submitted_by,
        "checksum": offer.checksum,
        "checksum_valid": offers_api.verify(offer) if offer.checksum else None,
        "correction": _plain(dict(offer.correction)) if getattr(offer, "correction", None) else None,
        "formal": _plain({k: v for k, v in (evaluation.formal(offer) or {}).items() if k != "actor"}) or None,
        "proposal": money(evaluation.proposal(offer)) if state.call_state(offer.aq_parent) == "results" else None,
        "own_scores": evaluation.own_scores(offer),
        "updated_costs": getattr(offer, "updated_costs", None),
    })
    if with_evaluation:
        data["cards"] = {userid: _plain(dict(card["scores"])) for userid, card in evaluation.cards(offer).items()}
        data["proposal"] = money(evaluation.proposal(offer))
    return data


def committee_json(call):
    return {
        "members": [{"userid": userid, "kind": member["kind"], "organization_uid": member["organization_uid"],
                     "declaration": clock.utc(committee.declarations(call)[userid]["date"]).isoformat()
                     if userid in committee.declarations(call) else None,
                     "excluded_from_call": committee.excluded_from_call(call, userid)}
                    for userid, member in committee.members(call).items()],
        "exclusions": [{"userid": u, "reason": r, "organization_uid": o} for u, r, o in committee.exclusions(call)],
        "view_log": [{"date": clock.utc(e["date"]).isoformat(), "userid": e["userid"], "offer": e["offer"]}
                     for e in committee.view_log(call)],
        "ranking": [{"position": position, "offer": offer.getId(), "title": offer.title,
                     "average": money(avg["total"]), "criteria": {k: money(v) for k, v in avg["criteria"].items()},
                     "cards": avg["cards"], "requested": money(offers_api.requested(offer)),
                     "proposal": money(evaluation.proposal(offer))}
                    for position, offer, avg in evaluation.ranking(call)],
    }


def results_json(call):
    return [{key: money(value) for key, value in row.items()} for row in evaluation.results(call)]


def current_userid():
    return None if api.user.is_anonymous() else api.user.get_current().getId()
