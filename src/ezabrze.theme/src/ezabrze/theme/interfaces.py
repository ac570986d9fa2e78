"""Interfaces of ezabrze.theme: the browser layer and the settings of the city's identity."""

from ezabrze.theme import _
from ezabrze.theme.checks import InvalidEmail
from ezabrze.theme.checks import InvalidPostalCode
from ezabrze.theme.checks import is_email
from ezabrze.theme.checks import is_phone
from ezabrze.theme.checks import is_postal_code
from ezabrze.theme.checks import is_web_address  # noqa: F401 (imported from here by utils)
from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer

import re


class IBrowserLayer(IDefaultBrowserLayer):
    """Marker interface that defines a browser layer for ezabrze.theme."""


# Validation errors carry their (translatable) message in __doc__: z3c.form shows error.doc().


class InvalidWebAddress(schema.ValidationError):
    __doc__ = _("Enter a full web address starting with https:// or http://.")


class InvalidPhone(schema.ValidationError):
    __doc__ = _("Enter a phone number made of digits and spaces, optionally starting with +.")


class InvalidStatementLocation(schema.ValidationError):
    __doc__ = _(
        "Enter the path of a page in this site (e.g. deklaracja-dostepnosci) "
        "or a full web address starting with https://."
    )


# A path in the site: URL-safe segments, no "." or ".." segments, no "//" (a protocol-relative URL).
_SEGMENT = r"(?!\.\.?(?:/|$))[A-Za-z0-9._~-]+"
SITE_PATH_RE = re.compile(rf"^/?{_SEGMENT}(?:/{_SEGMENT})*/?$")


def validate_postal_code(value):
    if not is_postal_code(value):
        raise InvalidPostalCode(value)
    return True


def validate_email(value):
    if not is_email(value):
        raise InvalidEmail(value)
    return True


def validate_web_address(value):
    if not is_web_address(value or ""):
        raise InvalidWebAddress(value)
    return True


def validate_phone(value):
    if not is_phone(value):
        raise InvalidPhone(value)
    return True


def validate_statement_location(value):
    if not (SITE_PATH_RE.match(value or "") or is_web_address(value or "")):
        raise InvalidStatementLocation(value)
    return True


class ISettings(Interface):
    """The city's identity shown in the footer and the head of every page.

    Stored in the registry under the prefix ``ezabrze.theme`` (see profiles/default/registry.xml),
    edited in the control panel "Ustawienia e-Zabrze" (@@ezabrze-controlpanel).
    """

    office_name = schema.TextLine(
        title=_("Name of the office"),
        default="Urząd Miejski w Zabrzu",
    )

    street = schema.TextLine(
        title=_("Street and number"),
        default="ul. Powstańców Śląskich 5-7",
    )

    postal_code = schema.TextLine(
        title=_("Postal code"),
        description=_("In the form NN-NNN, e.g. 41-800."),
        default="41-800",
        constraint=validate_postal_code,
    )

    city = schema.TextLine(
        title=_("City"),
        default="Zabrze",
    )

    phone = schema.TextLine(
        title=_("Phone"),
        default="+48 32 373 33 00",
        constraint=validate_phone,
    )

    email = schema.TextLine(
        title=_("E-mail address"),
        default="um@um.zabrze.pl",
        constraint=validate_email,
    )

    bip_url = schema.TextLine(
        title=_("Address of the Public Information Bulletin (BIP)"),
        default="https://bip.um.zabrze.pl",
        constraint=validate_web_address,
    )

    accessibility_statement = schema.TextLine(
        title=_("Accessibility statement"),
        description=_(
            "Path of the page with the accessibility statement in this site (e.g. deklaracja-dostepnosci) "
            "or a full web address. It is linked in the footer and announced in the meta tag "
            "\"deklaracja-dostępności\" of every page."
        ),
        default="deklaracja-dostepnosci",
        constraint=validate_statement_location,
    )
