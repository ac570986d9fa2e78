"""Demo content of ezabrze.ngo, read from data/*.json by one loader (the profile ezabrze.ngo:demo):
organizations (data/organizations.json) and consultations (data/consultations.json) with their remarks,
answers and adopted text, grant competitions (data/competitions.json, competitions.py) and small grants in their comment period
(data/smallgrants.json, smallgrants.py). Idempotent: an existing item (same id) is kept as it is."""

from datetime import timedelta
from ezabrze.ngo import clock
from ezabrze.ngo.consultations import outcome
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations.setup import folder as consultations_folder
from ezabrze.ngo.organizations.setup import directory
from ezabrze.policy.utils import ensure
from ezabrze.policy.utils import rich_text
from persistent.mapping import PersistentMapping
from plone import api

import json
import logging
import pathlib


logger = logging.getLogger("ezabrze.ngo.demo")
DATA = pathlib.Path(__file__).parent / "data"


def load(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def organizations():
    folder = directory()
    created = {}
    for item in load("organizations.json"):
        fields = {k: v for k, v in item.items() if k not in ("id", "title", "description", "state")}
        org = ensure(folder, "Organization", item["id"], item["title"], item.get("description", ""), **fields)
        if api.content.get_state(org) == "pending" and item.get("state", "verified") == "verified":
            api.content.transition(org, transition="verify", comment="Dane demonstracyjne")
        created[item["id"]] = org
    return created


def _remark(consultation, data, orgs, when):
    org = orgs.get(data.get("organization"))
    remark = remarks_api.Remark(
        unit_id=data.get("unit", ""),
        author_userid=data.get("author", "demo"),
        author_kind=remarks_api.NGO if org is not None else remarks_api.RESIDENT,
        organization_uid=api.content.get_uuid(org) if org is not None else "",
        organization_title=org.title if org is not None else "",
        current_wording=consultation.unit(data["unit"])["text"] if data.get("unit") else "",
        proposed_wording=data.get("proposed", ""),
        justification=data["justification"],
        created=when,
    )
    if data.get("answer"):
        remark.answer = PersistentMapping(
            verdict=data["answer"]["verdict"], reasoning=data["answer"]["reasoning"], by="admin",
            prepared=when, published=when if data["answer"].get("published", True) else None,
        )
    remarks_api.remarks_tree(consultation)[remark.id] = remark
    for reply in data.get("replies", ()):
        child = _remark(consultation, dict(reply, unit=data.get("unit", "")), orgs, when + timedelta(hours=2))
        child.parent_id = remark.id
        child.current_wording = child.proposed_wording = ""
    return remark


def consultations(orgs):
    folder = consultations_folder()
    now = clock.now().replace(microsecond=0)
    for item in load("consultations.json"):
        if item["id"] in folder:
            continue
        start = now + timedelta(days=item["start_days"])
        end = now + timedelta(days=item["end_days"])
        consultation = ensure(
            folder, "Consultation", item["id"], item["title"], item.get("description", ""),
            draft=rich_text(item["draft"]),
            participation=item.get("participation", "ngo"),
            start=start.astimezone(clock.LOCAL).replace(tzinfo=None),
            end=end.astimezone(clock.LOCAL).replace(tzinfo=None),
            consultation_forms=item.get("forms", ["online"]),
            meeting_date=(now + timedelta(days=item["meeting_days"])).astimezone(clock.LOCAL).replace(tzinfo=None)
            if "meeting_days" in item else None,
            meeting_place=item.get("meeting_place"),
            written_opinions_address=item.get("written_opinions_address"),
            areas=item.get("areas", []),
            contact_person=item["contact_person"],
            contact_email=item["contact_email"],
            contact_phone=item.get("contact_phone"),
            report_meetings=item.get("report_meetings"),
            report_written_opinions=item.get("report_written_opinions"),
        )
        consultation.parse_units()
        api.content.transition(consultation, transition="schedule")
        for index, data in enumerate(item.get("remarks", ())):
            _remark(consultation, data, orgs, start + timedelta(hours=1 + index))
        if item["end_days"] < 0:
            api.content.transition(consultation, transition="open")
            api.content.transition(consultation, transition="close")
            if item.get("adopted"):
                outcome.set_adopted(consultation, item["adopted"])
            if item.get("report_published"):
                api.content.transition(consultation, transition="publish_report")
        elif item["start_days"] <= 0:
            api.content.transition(consultation, transition="open")
        logger.info("Demo consultation %s", item["id"])


def install_demo(context=None):
    from ezabrze.ngo.demo import competitions
    from ezabrze.ngo.demo import smallgrants

    with api.env.adopt_roles(["Manager"]):
        orgs = organizations()
        consultations(orgs)
        competitions.load(load("competitions.json"), orgs)
        smallgrants.load(load("smallgrants.json"), orgs)
