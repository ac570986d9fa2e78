"""Plain checks of Polish contact data, shared by the theme's settings and ezabrze.policy's content types.

Each check takes a string and answers True or False. `InvalidPostalCode` and `InvalidEmail` are the one error of
each kind; a caller may give it a field-specific message (ezabrze.policy names the field in it). These checks are
about Polish contact data, not about any one feature; they sit in this lowest package because the theme's own
settings (the city hall's address in the footer) need them and the theme must not depend on ezabrze.policy.
"""

from ezabrze.theme import _
from urllib.parse import urlsplit
from zope import schema

import re


POSTAL_CODE_RE = re.compile(r"^\d{2}-\d{3}$")
# Deliberately simple: one "@", no spaces, a dot in the domain, no dot at either end of a part.
EMAIL_RE = re.compile(r"^[^@\s]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
PHONE_RE = re.compile(r"^\+?[\d ()-]{6,25}$")


class ContactDataError(schema.ValidationError):
    """A validation error with a translatable message (z3c.form and plone.restapi show ``doc()``)."""

    message = None

    def __init__(self, value=None, message=None):
        super().__init__(value)
        if message is not None:
            self.message = message

    def doc(self):
        return self.message if self.message is not None else self.__class__.__doc__


class InvalidPostalCode(ContactDataError):
    __doc__ = _("Enter the postal code in the form NN-NNN, e.g. 41-800.")


class InvalidEmail(ContactDataError):
    __doc__ = _("Enter a valid e-mail address, e.g. um@um.zabrze.pl.")


def is_postal_code(value):
    """NN-NNN, e.g. 41-800."""
    return bool(POSTAL_CODE_RE.match(value or ""))


def is_email(value):
    value = value or ""
    local = value.split("@")[0]
    return bool(EMAIL_RE.match(value)) and not (local.startswith(".") or local.endswith(".") or ".." in value)


def is_web_address(value):
    """A full http(s) address with a host name and no spaces."""
    try:
        parts = urlsplit(value or "")
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in value


def is_phone(value):
    value = value or ""
    return bool(PHONE_RE.match(value)) and sum(c.isdigit() for c in value) >= 6
