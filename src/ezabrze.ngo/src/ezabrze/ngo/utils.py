"""Helpers of ezabrze.ngo used by several features (the portal-wide ones are in ezabrze.policy.utils)."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value):
    """A cell value a spreadsheet never runs as a formula: text starting with = + - @ (or a tab/CR) gets a
    leading apostrophe. Numbers and other types pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralize_row(row):
    return [neutralize(value) for value in row]
