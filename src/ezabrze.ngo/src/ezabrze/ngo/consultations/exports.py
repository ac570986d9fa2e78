"""Exports of remarks (CSV, XLSX, JSON) and of the report (XLSX). Hidden remarks are left out; every text
cell is neutralized against spreadsheet formulas (ezabrze.policy.exports.neutralize) in CSV and XLSX."""

from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations.outcome import report
from ezabrze.ngo.consultations.outcome import VERDICT_TITLES
from ezabrze.policy.exports import neutralize_row
from zope.i18n import translate

import csv
import io
import openpyxl


COLUMNS = (
    "remark_id", "parent_id", "unit_id", "unit", "created", "organization", "current_wording", "proposed_wording",
    "justification", "answer", "answer_reasoning", "answer_published", "moderation",
)
HEADERS_PL = (
    "Id uwagi", "Odpowiedź na", "Id fragmentu", "Fragment", "Data", "Organizacja", "Obecne brzmienie",
    "Proponowane brzmienie", "Uzasadnienie", "Stanowisko", "Uzasadnienie stanowiska", "Opublikowano",
    "Moderacja",
)


def _t(message, request):
    return translate(message, context=request) if message else ""


def remark_rows(consultation, request):
    units = {unit["id"]: unit["label"] or unit["text"][:60] for unit in consultation.units}
    rows = []
    for remark in remarks_api.public(consultation):
        answer = remark.answer or {}
        rows.append(
            {
                "remark_id": remark.id,
                "parent_id": remark.parent_id,
                "unit_id": remark.unit_id,
                "unit": units.get(remark.unit_id, "") if remark.unit_id else "Uwaga ogólna",
                "created": remark.created.isoformat(timespec="seconds"),
                "organization": _t(remarks_api.author_label(remark), request),
                "current_wording": remark.current_wording,
                "proposed_wording": remark.proposed_wording,
                "justification": remark.justification,
                "answer": _t(VERDICT_TITLES.get(answer.get("verdict")), request),
                "answer_reasoning": answer.get("reasoning", ""),
                "answer_published": answer["published"].isoformat(timespec="seconds")
                if answer.get("published")
                else "",
                "moderation": f"zgłoszenia: {len(remark.reports)}" if remark.reports else "widoczna",
            }
        )
    return rows


def remarks_csv(consultation, request):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADERS_PL)
    for row in remark_rows(consultation, request):
        writer.writerow(neutralize_row([row[c] for c in COLUMNS]))
    return "\ufeff" + out.getvalue()


def remarks_xlsx(consultation, request):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Uwagi"
    sheet.append(HEADERS_PL)
    for row in remark_rows(consultation, request):
        sheet.append(neutralize_row([row[c] for c in COLUMNS]))
    return _save(workbook)


def _save(workbook):
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def report_xlsx(consultation, request):
    data = report(consultation)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Raport"
    sheet.append(["Fragment", "Brzmienie konsultowane", "Uwaga", "Organizacja", "Stanowisko", "Uzasadnienie",
                  "Brzmienie przyjęte"])
    sections = [(unit["unit"]["label"] or unit["unit"]["text"][:60], unit["unit"]["text"], unit["remarks"],
                 unit["adopted"]) for unit in data["units"]]
    sections.append(("Uwagi ogólne", "", data["general"], None))
    for label, text, rows, adopted in sections:
        if not rows:
            sheet.append(neutralize_row([label, text, "", "", "", "", adopted or ""]))
        for row in rows:
            remark = row["remark"]
            answer = row["answer"] or {}
            sheet.append(
                neutralize_row(
                    [
                        label,
                        text,
                        f"{remark.proposed_wording}\n{remark.justification}".strip(),
                        _t(remarks_api.author_label(remark), request),
                        _t(VERDICT_TITLES.get(answer.get("verdict")), request),
                        answer.get("reasoning", ""),
                        adopted or "",
                    ]
                )
            )
    totals = workbook.create_sheet("Podsumowanie")
    totals.append(["Stanowisko", "Liczba uwag"])
    for key, count in data["by_verdict"]:
        totals.append([_t(VERDICT_TITLES.get(key), request) or "Bez stanowiska", count])
    totals.append([])
    totals.append(["Organizacja", "Liczba uwag"])
    for name, count in data["by_organization"]:
        totals.append(neutralize_row([name or "mieszkańcy", count]))
    meetings = workbook.create_sheet("Spotkania i opinie")
    meetings.append(["Spotkania"])
    for line in data["meetings"]:
        meetings.append(neutralize_row([line]))
    meetings.append(["Opinie pisemne"])
    for line in data["written_opinions"]:
        meetings.append(neutralize_row([line]))
    return _save(workbook)
