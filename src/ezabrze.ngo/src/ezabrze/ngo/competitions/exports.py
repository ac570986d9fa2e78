"""The public results as CSV and XLSX (applicant, task, requested, points, granted). Every text cell is
neutralized against spreadsheet formulas (ezabrze.policy.exports.neutralize): applicants' names and titles are typed
by the organizations."""

from ezabrze.ngo.competitions import evaluation
from ezabrze.policy.exports import neutralize_row

import csv
import io
import openpyxl


HEADERS_PL = ("Lp.", "Oferent", "Tytuł zadania", "Wnioskowana kwota (zł)", "Średnia punktów", "Przyznana kwota (zł)")
NOT_GRANTED = "nie przyznano"


def rows(call):
    result = []
    for row in evaluation.results(call):
        result.append([
            row["position"] or "",
            row["applicant"],
            row["title"],
            float(row["requested"]) if row["requested"] is not None else "",
            float(row["points"]) if row["points"] is not None else "",
            float(row["granted"]) if row["granted"] else NOT_GRANTED,
        ])
    return result


def results_csv(call):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADERS_PL)
    for row in rows(call):
        writer.writerow(neutralize_row([f"{v:.2f}" if isinstance(v, float) else v for v in row]))
    return "\ufeff" + out.getvalue()


def results_xlsx(call):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Wyniki"
    sheet.append(list(HEADERS_PL))
    for row in rows(call):
        sheet.append(neutralize_row(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
