"""Helpers shared by the viewlets and the views."""

from ezabrze.theme.interfaces import is_web_address
from ezabrze.theme.interfaces import ISettings
from plone.registry.interfaces import IRegistry
from types import SimpleNamespace
from zope.component import queryUtility
from zope.schema import getFieldsInOrder

import re


REGISTRY_PREFIX = "ezabrze.theme"
LOGO_FILENAME = "logo-miasto-zabrze.svg"


def get_settings():
    """The city's settings as attributes; the schema defaults stand in for missing records.

    Reading record by record (instead of ``registry.forInterface``) keeps the footer rendering
    when a record is missing, e.g. between a code update and the upgrade step that adds it.
    """
    registry = queryUtility(IRegistry)
    values = {}
    for name, field in getFieldsInOrder(ISettings):
        value = None
        if registry is not None:
            value = registry.get(f"{REGISTRY_PREFIX}.{name}")
        values[name] = value if value else field.default
    return SimpleNamespace(**values)


def statement_url(portal_url, location):
    """Absolute URL of the accessibility statement: a path in the site or a full address."""
    location = (location or "").strip()
    if is_web_address(location):
        return location
    return "{}/{}".format(portal_url.rstrip("/"), location.lstrip("/"))


def tel_href(phone):
    """``tel:`` URI (RFC 3966, global number without separators) of a phone number."""
    return "tel:" + re.sub(r"[^\d+]", "", phone or "")
