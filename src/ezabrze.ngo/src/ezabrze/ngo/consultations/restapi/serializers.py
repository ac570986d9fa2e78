"""JSON of consultations and remarks for the REST services (the same data and rules as the pages)."""

from ezabrze.ngo import clock
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.vocabularies import STATES
from ezabrze.ngo.consultations.vocabularies import VERDICTS
from plone import api
from plone.restapi.interfaces import ISerializeToJsonSummary
from zope.component import getMultiAdapter
from zope.i18n import translate


STATE_TITLES = dict(STATES)
VERDICT_TITLES = dict(VERDICTS)


def iso(value):
    return clock.aware(value).isoformat() if value else None


def consultation_summary(consultation, request, now=None):
    now = now or clock.now()
    current = state.effective_state(consultation, now)
    return {
        "@id": consultation.absolute_url(),
        "title": consultation.title,
        "description": consultation.description,
        "state": current,
        "state_title": translate(STATE_TITLES[current], context=request),
        "start": iso(consultation.start),
        "end": iso(consultation.end),
        "days_left": state.days_left(consultation.end, now) if current == "open" else None,
        "participation": consultation.participation,
        "forms": list(consultation.consultation_forms or ()),
    }


def consultation_full(consultation, request):
    data = consultation_summary(consultation, request)
    counts = {}
    for remark in remarks_api.public(consultation):
        if not remark.parent_id:
            counts[remark.unit_id] = counts.get(remark.unit_id, 0) + 1
    base = consultation.absolute_url()
    data.update(
        {
            "units": [
                {
                    "id": unit["id"],
                    "label": unit["label"],
                    "level": unit["level"],
                    "text": unit["text"],
                    "permalink": f"{base}#{unit['id']}",
                    "remarks_count": counts.get(unit["id"], 0),
                }
                for unit in consultation.units
            ],
            "general_remarks_count": counts.get("", 0),
            "meeting_date": iso(consultation.meeting_date),
            "meeting_place": consultation.meeting_place,
            "written_opinions_address": consultation.written_opinions_address,
            "responsible_unit": consultation.responsible_unit,
            "contact_person": consultation.contact_person,
            "contact_email": consultation.contact_email,
            "contact_phone": consultation.contact_phone,
            "attachments": [
                getMultiAdapter((brain, request), ISerializeToJsonSummary)()
                for brain in api.content.find(context=consultation, portal_type="File", depth=1)
            ],
        }
    )
    return data


def answer_json(consultation, remark, request):
    answer = remarks_api.show_answer(consultation, remark)
    if answer is None:
        return None
    return {
        "verdict": answer["verdict"],
        "verdict_title": translate(VERDICT_TITLES[answer["verdict"]], context=request),
        "reasoning": answer["reasoning"],
        "published": iso(answer.get("published")),
        "official": True,
    }


def remark_json(consultation, remark, request, replies=()):
    data = {
        "id": remark.id,
        "@id": f"{consultation.absolute_url()}/@remarks/{remark.id}",
        "parent_id": remark.parent_id or None,
        "unit_id": remark.unit_id or None,
        "author": translate(remarks_api.author_label(remark), context=request),
        "author_kind": remark.author_kind,
        "created": iso(remark.created),
        "current_wording": remark.current_wording,
        "proposed_wording": remark.proposed_wording,
        "justification": remark.justification,
        "answer": answer_json(consultation, remark, request),
        "replies": [remark_json(consultation, reply, request) for reply in replies],
    }
    if remarks_api.can_moderate(consultation):
        data["hidden"] = remark.hidden
        data["reports"] = len(remark.reports)
    return data
