"""Field constraints and invariants of the service catalogue.

They are plain zope.schema constraints and schema invariants, so the same checks run in the Classic UI
add/edit forms (z3c.form) and in plone.restapi's deserializer (which validates the fields and then calls
the z3c.form ``IManagerValidator`` for the invariants). Every message names the field it is about.
"""

from decimal import Decimal
from ezabrze.policy import _
from ezabrze.theme.checks import InvalidEmail
from ezabrze.theme.checks import InvalidPostalCode
from ezabrze.theme.checks import is_email
from ezabrze.theme.checks import is_postal_code
from ezabrze.theme.checks import is_web_address
from zope.interface import Invalid
from zope.schema import ValidationError

import re


class FieldValidationError(ValidationError):
    """A validation error whose message is an i18n message naming the field."""

    message = None

    def __init__(self, value=None, message=None):
        super().__init__(value)
        if message is not None:
            self.message = message

    def doc(self):
        return self.message if self.message is not None else self.__class__.__doc__


# The errors of the Polish contact data checks (ezabrze.theme.checks), with messages that name the field
POSTAL_CODE_MESSAGE = _("Postal code: enter the code in the NN-NNN format, e.g. 41-800.")
EMAIL_MESSAGE = _("E-mail: enter a valid e-mail address, e.g. sekretariat@um.zabrze.pl.")


class InvalidOnlineUrl(FieldValidationError):
    __doc__ = _("Online service address: enter a full address starting with http:// or https://.")


class InvalidLatitude(FieldValidationError):
    __doc__ = _("Latitude: enter a number between -90 and 90 (Zabrze lies at about 50.30).")


class InvalidLongitude(FieldValidationError):
    __doc__ = _("Longitude: enter a number between -180 and 180 (Zabrze lies at about 18.78).")


class NegativeFee(FieldValidationError):
    __doc__ = _("Fee amount: the amount cannot be negative.")


class InvalidCategoryEntry(FieldValidationError):
    __doc__ = _("Life event categories: every line must look like slug|Label, e.g. meldunek|Meldunek.")


def postal_code(value):
    if value and not is_postal_code(value):
        raise InvalidPostalCode(value, message=POSTAL_CODE_MESSAGE)
    return True


def email(value):
    if value and not is_email(value):
        raise InvalidEmail(value, message=EMAIL_MESSAGE)
    return True


def online_url(value):
    if value and not is_web_address(value):
        raise InvalidOnlineUrl(value)
    return True


def latitude(value):
    if value is not None and not -90 <= value <= 90:
        raise InvalidLatitude(value)
    return True


def longitude(value):
    if value is not None and not -180 <= value <= 180:
        raise InvalidLongitude(value)
    return True


def not_negative(value):
    if value is not None and value < Decimal(0):
        raise NegativeFee(value)
    return True


CATEGORY_ENTRY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\|\S.*$")


def category_entries(lines):
    """Constraint of the whole list, so the form shows this message rather than "Wrong contained type"."""
    for line in lines or ():
        if not CATEGORY_ENTRY.match((line or "").strip()):
            raise InvalidCategoryEntry(line)
    return True


# Invariants (cross-field rules) of the Service schema


def fee_invariant(data):
    if not data.fee_free and data.fee_amount is None:
        raise Invalid(_("Fee amount: enter the amount or mark the service as free of charge."))


def online_invariant(data):
    if "online" in (data.submission_channels or ()) and not data.online_url:
        raise Invalid(_("Online service address: required when the service can be handled online."))


def suspension_invariant(data):
    if data.suspended and not (data.suspension_reason or "").strip():
        raise Invalid(_("Suspension reason: required when the service is suspended."))
