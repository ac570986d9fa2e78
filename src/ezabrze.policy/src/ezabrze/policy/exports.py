"""Spreadsheet exports (CSV, XLSX) that cannot run formulas: the one helper every export of the portal uses.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (also after leading spaces, or a tab/carriage
return, which some spreadsheets skip) would become a formula in Excel or LibreOffice (CSV injection). Such
text gets an apostrophe in front, the usual escape that spreadsheets show as plain text. Numbers and dates
stay what they are.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value):
    """The cell value safe for a spreadsheet: text that would start a formula gets a leading apostrophe."""
    if not isinstance(value, str):
        return value
    if value.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralize_row(row):
    return [neutralize(value) for value in row]
