"""The outcome: the adopted wording per unit (entered by an editor after closing) and the report built from
the consulted units, the public remarks, their published answers and the adopted text."""

from collections import Counter
from ezabrze.ngo import _
from ezabrze.ngo.consultations import diff
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.vocabularies import VERDICTS
from persistent.mapping import PersistentMapping


VERDICT_TITLES = dict(VERDICTS)
GENERAL = ""


def set_adopted(consultation, values):
    """values: {unit id: adopted text}; only while closed (before the report is published)."""
    if state.effective_state(consultation) != "closed":
        raise remarks_api.RemarkError(409, _("The adopted text is entered after the consultation closes."))
    known = {unit["id"] for unit in consultation.units}
    unknown = [key for key in values if key not in known]
    if unknown:
        raise remarks_api.RemarkError(400, _("There is no such fragment of the draft."))
    adopted = PersistentMapping()
    for unit in consultation.units:
        value = values.get(unit["id"])
        adopted[unit["id"]] = remarks_api._clean(value) if isinstance(value, str) else unit["text"]
    consultation.adopted = adopted
    return adopted


def adopted_text(consultation, unit):
    if consultation.adopted is None:
        return None
    return consultation.adopted.get(unit["id"], unit["text"])


def _remark_row(consultation, remark):
    answer = remark.answer if remark.answer_published else None
    return {
        "remark": remark,
        "author": remark.author_kind,
        "answer": answer,
        "verdict": answer["verdict"] if answer else "",
    }


def report(consultation):
    """Everything the report shows (page, XLSX, REST): published answers only, hidden remarks left out."""
    public = remarks_api.public(consultation)
    tops = remarks_api.top_level(public)
    by_unit = {}
    for remark in tops:
        by_unit.setdefault(remark.unit_id, []).append(_remark_row(consultation, remark))
    units = []
    general = by_unit.get(GENERAL, [])
    for unit in consultation.units:
        adopted = adopted_text(consultation, unit)
        units.append(
            {
                "unit": unit,
                "remarks": by_unit.get(unit["id"], []),
                "adopted": adopted,
                "changed": adopted is not None and diff.changed(unit["text"], adopted),
                "diff": diff.segments(unit["text"], adopted) if adopted is not None else [],
            }
        )
    verdicts = Counter(row["verdict"] or "none" for rows in by_unit.values() for row in rows)
    organizations = Counter(
        (r.organization_title if r.author_kind == remarks_api.NGO else "") for r in tops
    )
    return {
        "units": units,
        "general": general,
        "total": len(tops),
        "by_verdict": [(key, verdicts.get(key, 0)) for key, _t in VERDICTS] + [("none", verdicts.get("none", 0))],
        "by_organization": sorted(organizations.items(), key=lambda item: (-item[1], item[0])),
        "meetings": [line.strip() for line in (consultation.report_meetings or "").splitlines() if line.strip()],
        "written_opinions": [
            line.strip() for line in (consultation.report_written_opinions or "").splitlines() if line.strip()
        ],
    }
