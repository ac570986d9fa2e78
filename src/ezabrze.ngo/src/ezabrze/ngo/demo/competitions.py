"""Demo competitions (data/competitions.json): an announced call open for offers and a finished call with three
offers, a three-member committee (one excluded from an offer for a declared conflict), cards, proposals and
published results. The finished call is run through the real rules at announcement time and its dates are then
moved to the past (demo data only: the clock is never changed). Committee accounts get random passwords."""

from datetime import date
from datetime import timedelta
from decimal import Decimal
from ezabrze.ngo import clock
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import offers as offers_api
from ezabrze.ngo.competitions.setup import folder as competitions_folder
from ezabrze.ngo.competitions.vocabularies import STATEMENTS
from ezabrze.policy.utils import ensure
from persistent.list import PersistentList
from plone import api

import secrets


CALL_FIELDS = ("task_type", "area", "rules", "delivery_terms", "procedure", "criteria", "previous_tasks")


def _local(value):
    return value.astimezone(clock.LOCAL).replace(tzinfo=None)


def _offer(call, data, orgs, now):
    org = orgs[data["organization"]]
    offer = api.content.create(
        container=call, type="Offer", title=data["title"], safe_id=True,
        contact_person="Koordynator projektu", task_start=date(2026, 4, 1), task_end=date(2026, 12, 15),
        task_description=data["title"] + ": zadanie dla mieszkańców Zabrza.", task_place="Zabrze",
        schedule="Kwiecień–grudzień 2026.", expected_results="Co najmniej 500 uczestników.",
        resources="Wolontariusze, lokal organizacji.", experience="Wieloletnie doświadczenie w podobnych zadaniach.",
        costs=[{"cost_type": "Koszty realizacji", "unit": "usługa", "unit_cost": data["unit_cost"],
                "units": data["units"], "from_grant": data["from_grant"], "other": data["other"]}],
        statements=[value for value, _title in STATEMENTS],
    )
    offer.organization_uid = api.content.get_uuid(org)
    api.content.transition(offer, transition="submit")
    offer.submitted, offer.submitted_by = now, "demo"
    offer.checksum = offers_api.compute_checksum(offer)
    offer.checksums = PersistentList([{"date": now, "checksum": offer.checksum, "reason": "submitted"}])
    return offer


def _member(userid):
    if api.user.get(userid=userid) is None:
        api.user.create(email=f"{userid}@example.org", username=userid, password=secrets.token_urlsafe(24),
                        roles=["Member"], properties={"fullname": userid})


def load(items, orgs):
    folder = competitions_folder()
    now = clock.now().replace(microsecond=0)
    for item in items:
        if item["id"] in folder:
            continue
        finished = item["state"] == "results"
        deadline = now + timedelta(days=22 if finished else item["deadline_days"])
        call = ensure(
            folder, "GrantCall", item["id"], item["title"], item.get("description", ""),
            funds=Decimal(item["funds"]), max_grant=Decimal(item["max_grant"]),
            own_contribution_percent=Decimal(item["own_contribution_percent"]),
            deadline=_local(deadline), decision_date=(now + timedelta(days=item["decision_days"])).date(),
            **{name: item[name] for name in CALL_FIELDS if name in item},
        )
        api.content.transition(call, transition="announce")
        if not finished:
            continue
        offers = [_offer(call, data, orgs, now) for data in item["offers"]]
        # the competition's dates as they were: announced 111 days ago, deadline 90 days ago
        call.announced = now + timedelta(days=item["deadline_days"] - 21)
        call.deadline = _local(now + timedelta(days=item["deadline_days"]))
        for offer in offers:
            offer.submitted = call.announced + timedelta(days=3)
        api.content.transition(call, transition="start_formal")
        for userid in item["committee"]:
            _member(userid)
            committee.add_member(call, userid)
        checklist = {key: True for key, _title in evaluation.FORMAL_ITEMS}
        for offer in offers:
            evaluation.set_formal(offer, checklist, evaluation.CORRECT, actor="demo")
        for userid in item["committee"]:
            conflicts = [offer.organization_uid for offer, data in zip(offers, item["offers"], strict=True)
                         if userid in data["conflicts"]]
            committee.sign_declaration(call, userid, conflicts, True)
        api.content.transition(call, transition="start_merit")
        criteria = call.criteria_list()
        for offer, data in zip(offers, item["offers"], strict=True):
            eligible = [u for u in item["committee"] if committee.may_see(call, u, offer)]
            for userid, points in zip(eligible, data["cards"], strict=False):
                evaluation.score(offer, userid, {c["id"]: {"points": p, "justification": "Ocena zgodna z kartą."}
                                                 for c, p in zip(criteria, points, strict=True)})
        evaluation.propose(call, {offer.getId(): data["proposal"] for offer, data in
                                  zip(offers, item["offers"], strict=True) if evaluation.cards(offer)})
        api.content.transition(call, transition="publish_results")
        call.reindexObject()
