"""Checks of an organization's identifiers and address, shared by the edit form, REST and the CSV import.

Each check returns the normalised value or raises ``Invalid`` (a zope.schema ValidationError) with a
translatable message."""

from ezabrze.ngo import _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon
from zope.schema import ValidationError

import re


class Invalid(ValidationError):
    """A value refused with its own message (shown by z3c.form and plone.restapi through ``doc()``)."""

    def doc(self):
        return self.args[0] if self.args else self.__class__.__doc__


KRS_RE = re.compile(r"^\d{10}$")
POSTAL_CODE_RE = re.compile(r"^\d{2}-\d{3}$")


def krs(value):
    value = (value or "").strip()
    if value and not KRS_RE.match(value):
        raise Invalid(_("The KRS number has exactly 10 digits (with leading zeros), e.g. 0000123456."))
    return value


def nip(value):
    value = (value or "").strip()
    if not value:
        return value
    try:
        return stdnum_nip.validate(value)
    except StdnumError:
        raise Invalid(_("This is not a valid NIP (10 digits with a correct check digit).")) from None


def regon(value):
    value = (value or "").strip()
    if not value:
        return value
    try:
        return stdnum_regon.validate(value)
    except StdnumError:
        raise Invalid(_("This is not a valid REGON (9 or 14 digits with correct check digits).")) from None


def postal_code(value):
    value = (value or "").strip()
    if value and not POSTAL_CODE_RE.match(value):
        raise Invalid(_("A Polish postal code has the form NN-NNN, e.g. 41-800."))
    return value


def register(krs_value, register_name, register_number):
    """An organization is identified by KRS or by the name and number of another register."""
    if krs_value:
        return
    if not (register_name or "").strip() or not (register_number or "").strip():
        raise Invalid(
            _("Give the KRS number or, for organisations without one, the name and number of their register.")
        )


def _constraint(check):
    def constraint(value):
        check(value)
        return True

    return constraint


krs_constraint = _constraint(krs)
nip_constraint = _constraint(nip)
regon_constraint = _constraint(regon)
postal_code_constraint = _constraint(postal_code)
