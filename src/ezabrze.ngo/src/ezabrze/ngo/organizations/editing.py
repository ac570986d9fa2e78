"""Who may change which fields of an organization.

Staff (``ezabrze.ngo: Manage organizations``: editors, site administrators) change everything. A verified
representative of a verified organization (local role OrganizationRepresentative, ``localroles.py``) changes the
public description of its own organization only: REPRESENTATIVE_FIELDS. The name, the legal form, KRS or the other
register, NIP and REGON were verified by the city against the registers, and the address in the portal (short
name), navigation and layout are the portal's: they stay with staff.

The edit form shows the other fields read-only (``browser/edit.py``); a REST PATCH that would change one of them is
refused with 403 and a Polish message that names the fields (``restapi/services/organization/patch.py``); a PATCH
that repeats their current values (a GET sent back) is accepted."""

from ezabrze.ngo import _
from ezabrze.ngo.organizations import MANAGE_PERMISSION
from ezabrze.ngo.organizations.content import IOrganization
from plone import api
from plone.behavior.interfaces import IBehaviorAssignable
from zope.schema import getFieldsInOrder


REPRESENTATIVE_FIELDS = ("description", "street", "postal_code", "city", "email", "website", "areas", "changeNote")
# Not schema fields, but changed by plone.restapi's PATCH all the same.
PATCHABLE_ATTRIBUTES = {"id": _("Short name"), "layout": _("Layout")}


def is_staff(org):
    return bool(api.user.has_permission(MANAGE_PERMISSION, obj=org))


def may_edit(org):
    return bool(api.user.has_permission("Modify portal content", obj=org))


def schema_fields(org):
    """{name: field} of the organization's schema and its behaviours."""
    fields = dict(getFieldsInOrder(IOrganization))
    assignable = IBehaviorAssignable(org, None)
    for behavior in assignable.enumerateBehaviors() if assignable else ():
        fields.update(getFieldsInOrder(behavior.interface))
    return fields


def _same(new, current):
    if new in (None, "", []) and current in (None, "", [], ()):
        return True
    if isinstance(current, (list, tuple, set, frozenset)) and isinstance(new, (list, tuple)):
        return sorted(map(str, new)) == sorted(map(str, current))
    if isinstance(new, dict) and "token" in new:  # a vocabulary term as plone.restapi serializes it
        new = new["token"]
    return str(new) == str(current)


def refused_changes(org, data):
    """Titles (messages) of the fields ``data`` (a PATCH body) would change that the current user may not."""
    if is_staff(org):
        return []
    fields = schema_fields(org)
    refused = []
    for key, value in data.items():
        if key in REPRESENTATIVE_FIELDS:
            continue
        if key in fields:
            current = getattr(fields[key].interface(org, None) or org, key, None)
            if not _same(value, current):
                refused.append(fields[key].title)
        elif key in PATCHABLE_ATTRIBUTES:
            current = org.getId() if key == "id" else org.getLayout()
            if not _same(value, current):
                refused.append(PATCHABLE_ATTRIBUTES[key])
    return refused
