"""Builders for the tests of the service catalogue (units, services and downloadable forms)."""

from datetime import date
from decimal import Decimal
from ezabrze.policy.testing.files import DOCX  # noqa: F401  (tests import it from here)
from ezabrze.policy.testing.files import docx_bytes  # noqa: F401
from ezabrze.policy.testing.files import ODT  # noqa: F401
from ezabrze.policy.testing.files import odt_bytes  # noqa: F401
from ezabrze.policy.testing.files import pdf_bytes  # noqa: F401
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.namedfile.file import NamedBlobFile
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import transaction


def catalogue(portal):
    return portal["dla-mieszkancow"]["uslugi"]


def units_folder(portal):
    return portal["dla-mieszkancow"]["jednostki"]


def as_site_owner():
    """The site owner: a real Manager (content made and published by an adopted role trips the four-eyes rule)."""
    return api.env.adopt_user(username=SITE_OWNER_NAME)


def make_user(credentials, roles):
    """A portal user ``credentials = (login, password)`` with the global ``roles``."""
    login, password = credentials
    api.user.create(email=f"{login}@um.zabrze.pl", username=login, password=password)
    api.user.grant_roles(username=login, roles=roles)


def commit_as_owner(change):
    """``change()`` made by the site owner and committed, as an editor's request would be."""
    with as_site_owner():
        change()
    transaction.commit()


def relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def make_unit(portal, id_, title, publish=True, parent=None, **fields):
    data = {"unit_kind": "department", "postal_code": "41-800", "city": "Zabrze"}
    data.update(fields)
    if parent is not None:
        data["parent_unit"] = relation(parent)
    with as_site_owner():
        unit = api.content.create(units_folder(portal), "OrganizationalUnit", id=id_, title=title, **data)
        if publish:
            api.content.transition(unit, to_state="published")
    return unit


def make_service(portal, id_, title, unit, publish=True, location=None, related=(), **fields):
    data = {
        "audience": ["residents"],
        "category": "meldunek",
        "fee_free": True,
        "submission_channels": ["in_person"],
        "last_review": date.today(),
        "responsible_unit": relation(unit),
    }
    if location is not None:
        data["location_unit"] = relation(location)
    if related:
        data["related_services"] = [relation(s) for s in related]
    data.update(fields)
    if "fee_amount" in data and isinstance(data["fee_amount"], str):
        data["fee_amount"] = Decimal(data["fee_amount"])
    with as_site_owner():
        service = api.content.create(catalogue(portal), "Service", id=id_, title=title, **data)
        if publish:
            api.content.transition(service, to_state="published")
    return service


def add_form_file(service, id_, title, data, filename, content_type):
    with as_site_owner():
        return api.content.create(
            service,
            "File",
            id=id_,
            title=title,
            file=NamedBlobFile(data=data, filename=filename, contentType=content_type),
        )
