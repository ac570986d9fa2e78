"""Arithmetic of section V of the offer: the cost estimate (V.A), the funding sources (V.B, computed) and the split
between joint applicants (V.C). Amounts are Decimals rounded to grosze; every refusal names the row."""

from decimal import Decimal
from decimal import InvalidOperation
from decimal import ROUND_HALF_UP
from ezabrze.ngo import _
from zope.i18nmessageid import Message


CENT = Decimal("0.01")


class CostError(ValueError):
    """args[0]: a list of translatable messages."""


def amount(value):
    if value is None or value == "":
        return Decimal("0.00")
    if isinstance(value, float):
        value = repr(value)
    try:
        result = Decimal(str(value).replace(",", ".").replace(" ", "").replace("\xa0", ""))
    except InvalidOperation:
        raise ValueError(value) from None
    if not result.is_finite():
        raise ValueError(value)
    return result.quantize(CENT, rounding=ROUND_HALF_UP)


def _row_error(number, message):
    return Message(_("Cost row ${row}: ${problem}"), mapping={"row": number, "problem": message})


def check(costs, split=(), max_grant=None, own_percent=None, joint=False):
    """Validate the cost table; returns the summary {"rows", "total", "grant", "other", "own_share"} or raises
    CostError with every problem found."""
    problems = []
    rows = []
    if not costs:
        raise CostError([_("The cost estimate has no rows.")])
    for number, row in enumerate(costs, start=1):
        if not isinstance(row, dict):
            problems.append(_row_error(number, _("not a row of the table")))
            continue
        if not str(row.get("cost_type", "")).strip():
            problems.append(_row_error(number, _("give the type of cost")))
        try:
            unit_cost = amount(row.get("unit_cost"))
            units = amount(row.get("units"))
            from_grant = amount(row.get("from_grant"))
            other = amount(row.get("other"))
            given_total = amount(row["total"]) if row.get("total") not in (None, "") else None
        except ValueError:
            problems.append(_row_error(number, _("an amount is not a number")))
            continue
        if min(unit_cost, units, from_grant, other) < 0:
            problems.append(_row_error(number, _("amounts cannot be negative")))
            continue
        total = (unit_cost * units).quantize(CENT, rounding=ROUND_HALF_UP)
        if given_total is not None and given_total != total:
            problems.append(_row_error(number, _("the total is not the unit cost times the number of units")))
        if from_grant + other != total:
            problems.append(_row_error(number, _("the grant and the other sources do not add up to the total")))
        rows.append({"cost_type": str(row.get("cost_type", "")).strip(), "unit": str(row.get("unit", "")).strip(),
                     "unit_cost": unit_cost, "units": units, "total": total, "from_grant": from_grant,
                     "other": other, "year": row.get("year")})
    if problems:
        raise CostError(problems)
    total = sum((row["total"] for row in rows), Decimal("0.00"))
    grant = sum((row["from_grant"] for row in rows), Decimal("0.00"))
    other = sum((row["other"] for row in rows), Decimal("0.00"))
    own_share = (other * 100 / total).quantize(CENT, rounding=ROUND_HALF_UP) if total else Decimal("0.00")
    if total <= 0:
        problems.append(_("The total cost of the task must be greater than zero."))
    if max_grant is not None and grant > Decimal(max_grant):
        problems.append(Message(_("The requested grant ${grant} zł is above the limit of ${limit} zł."),
                                mapping={"grant": grant, "limit": Decimal(max_grant)}))
    if own_percent is not None and total > 0 and own_share < Decimal(own_percent):
        problems.append(Message(_("The own contribution is ${share}% of the total cost; at least ${required}% is "
                                  "required."), mapping={"share": own_share, "required": Decimal(own_percent)}))
    if split:
        try:
            split_total = sum((amount(part.get("amount")) for part in split), Decimal("0.00"))
        except (ValueError, AttributeError):
            split_total = None
        if split_total != total:
            problems.append(_("The split between the applicants (V.C) does not add up to the total cost."))
    elif joint:
        problems.append(_("A joint offer needs the split of the costs between the applicants (V.C)."))
    if problems:
        raise CostError(problems)
    return {"rows": rows, "total": total, "grant": grant, "other": other, "own_share": own_share}


def check_updated(costs, granted, own_percent=None):
    """The updated cost estimate after a grant lower than requested: the same arithmetic, and the grant part
    must equal the amount granted."""
    summary = check(costs, own_percent=own_percent)
    if summary["grant"] != amount(granted):
        raise CostError([Message(_("The grant part of the updated estimate (${grant} zł) must equal the amount "
                                   "granted (${granted} zł)."), mapping={"grant": summary["grant"],
                                                                         "granted": amount(granted)})])
    return summary
