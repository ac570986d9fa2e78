"""The intranet's staff directory (Katalog pracowników) synchronised from the city's directory.

Each person of the directory (the staff base and filter of the settings) is one StaffMember, found by its user name
(the directory's id attribute), else by its e-mail (an entry typed in before the directory was connected), else
created. Name, position, unit, phone, room and e-mail come from the directory (``staff_attributes``); the unit is a
catalogue unit found by its id or its name, else a free text. An entry whose person is no longer in the directory is
archived (``archived``, ``archived_on``), never deleted; a person who comes back is restored. Each run returns a
report of what changed and keeps the last reports on the staff directory.
"""

from datetime import date
from datetime import datetime
from ezabrze.policy import _
from ezabrze.policy.cases.api import find_unit
from ezabrze.policy.directory.breaker import BREAKER
from ezabrze.policy.directory.settings import current
from ezabrze.policy.intranet import DIRECTORY_ID
from ezabrze.policy.intranet.content import intranet_folder
from persistent.list import PersistentList
from plone import api
from plone.i18n.normalizer.interfaces import IIDNormalizer
from z3c.relationfield import RelationValue
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import ldap
import ldap.controls
import logging


logger = logging.getLogger("ezabrze.policy.directory")

REPORTS_KEY = "ezabrze.policy.directory.sync_reports"
KEEP_REPORTS = 20
FIELDS = ("title", "position", "unit", "phone", "room", "email")
PAGE_SIZE = 500


class DirectoryUnavailable(Exception):
    """The directory did not answer or refused the portal's account (the message is Polish)."""


def _text(values):
    if not values:
        return ""
    value = values[0]
    return value.decode("utf-8", "replace").strip() if isinstance(value, bytes) else str(value).strip()


def read_staff(settings=None):
    """{user name: {field: value}} of everyone in the directory's staff base (paged: Active Directory returns at
    most 1000 entries a page)."""
    settings = settings or current()
    if not settings.active:
        raise DirectoryUnavailable(_("No directory is configured (control panel “Katalog domenowy”)."))
    if not BREAKER.allow():
        raise DirectoryUnavailable(
            _("The city's directory did not answer a moment ago; the portal will ask it again in a few minutes.")
        )
    attributes = settings.staff_attribute_map()
    attrlist = sorted({settings.id_attribute, "cn", *attributes.values()})
    staff = {}
    try:
        connection = ldap.initialize(settings.url)
        connection.set_option(ldap.OPT_REFERRALS, 0)
        connection.set_option(ldap.OPT_NETWORK_TIMEOUT, settings.timeout_seconds)
        connection.set_option(ldap.OPT_TIMEOUT, settings.timeout_seconds * 4)
        connection.protocol_version = ldap.VERSION3
        if settings.start_tls:
            connection.start_tls_s()
        connection.simple_bind_s(settings.bind_dn, settings.bind_password)
        paging = ldap.controls.SimplePagedResultsControl(True, size=PAGE_SIZE, cookie="")
        while True:
            message = connection.search_ext(
                settings.users_base, ldap.SCOPE_SUBTREE, settings.users_filter, attrlist, serverctrls=[paging]
            )
            _type, entries, _id, controls = connection.result3(message)
            for dn, attrs in entries:
                if dn is None:  # a referral (Active Directory)
                    continue
                username = _text(attrs.get(settings.id_attribute))
                if not username:
                    continue
                record = {name: _text(attrs.get(attribute)) for name, attribute in attributes.items()}
                record["title"] = record.get("title") or _text(attrs.get("cn")) or username
                staff[username] = record
            cookies = [c for c in controls if c.controlType == ldap.controls.SimplePagedResultsControl.controlType]
            if not cookies or not cookies[0].cookie:
                break
            paging.cookie = cookies[0].cookie
        connection.unbind_s()
    except ldap.LDAPError as error:
        BREAKER.failed(error, settings.retry_seconds)
        logger.warning("Staff directory sync: the directory did not answer (%s)", error)
        raise DirectoryUnavailable(
            _("The city's directory did not answer (${error}). Nothing was changed.", mapping={"error": str(error)})
        ) from error
    BREAKER.succeeded()
    return staff


def staff_directory(portal=None):
    intranet = intranet_folder(portal)
    return intranet.get(DIRECTORY_ID) if intranet is not None else None


def _unit(value):
    """The catalogue unit with this id or this name, else None."""
    if not value:
        return None
    unit = find_unit(value)
    if unit is not None:
        return unit
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="OrganizationalUnit", Title=value):
        obj = brain._unrestrictedGetObject()
        if obj.Title().strip().lower() == value.strip().lower():
            return obj
    return None


def _current(member):
    relation = member.unit
    target = getattr(relation, "to_object", None) if relation is not None else None
    return {
        "title": member.title or "",
        "position": member.position or "",
        "unit": target.getId() if target is not None else (member.unit_name or ""),
        "phone": member.phone or "",
        "room": member.room or "",
        "email": member.email or "",
    }


def _unit_key(value):
    """The same unit whether named by its id or by its name."""
    unit = _unit(value)
    return unit.getId() if unit is not None else (value or "").strip().lower()


def _apply(member, record):
    """Write the directory's record into the entry; the names of the fields that changed."""
    before = _current(member)
    unit = _unit(record.get("unit"))
    wanted = {
        "title": record.get("title", ""),
        "position": record.get("position", ""),
        "unit": unit.getId() if unit is not None else record.get("unit", ""),
        "phone": record.get("phone", ""),
        "room": record.get("room", ""),
        "email": record.get("email", ""),
    }
    changed = [name for name in FIELDS if name in record and before[name] != wanted[name]]
    for name in changed:
        if name == "unit":
            if unit is not None:
                member.unit = RelationValue(getUtility(IIntIds).getId(unit))
                member.unit_name = None
            else:
                member.unit = None
                member.unit_name = wanted["unit"] or None
        else:
            setattr(member, name, wanted[name] or None)
    return changed, before


def _new_id(directory, record, username):
    normalizer = getUtility(IIDNormalizer)
    base = normalizer.normalize(record.get("title") or username) or normalizer.normalize(username)
    candidate, number = base, 1
    while candidate in directory.objectIds():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def synchronize(portal=None, staff=None, actor=None):
    """Bring the staff directory in line with the directory; the report (a dict). Raises DirectoryUnavailable
    (nothing changed) when the directory does not answer."""
    directory = staff_directory(portal)
    if directory is None:
        raise DirectoryUnavailable(_("The intranet has no staff directory."))
    if staff is None:
        staff = read_staff()
    report = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "actor": actor or "",
        "added": [],
        "updated": [],
        "moved": [],
        "archived": [],
        "restored": [],
        "unchanged": 0,
    }
    members = [directory[item] for item in directory.objectIds() if directory[item].portal_type == "StaffMember"]
    by_username = {m.username.strip().lower(): m for m in members if m.username}
    by_email = {m.email.strip().lower(): m for m in members if m.email and not m.username}
    seen = set()
    for username in sorted(staff):
        record = staff[username]
        member = by_username.get(username.lower())
        if member is None and record.get("email"):
            member = by_email.pop(record["email"].strip().lower(), None)
            if member is not None:
                member.username = username
        if member is None:
            member = api.content.create(
                container=directory,
                type="StaffMember",
                id=_new_id(directory, record, username),
                title=record.get("title") or username,
                username=username,
            )
            _apply(member, record)
            member.reindexObject()
            report["added"].append({"id": member.getId(), "title": member.title, "username": username})
            seen.add(member.getId())
            continue
        seen.add(member.getId())
        changed, before = _apply(member, record)
        if getattr(member, "archived", False):
            member.archived = False
            member.archived_on = None
            report["restored"].append({"id": member.getId(), "title": member.title, "username": username})
            changed = changed or ["archived"]
        if "unit" in changed and _unit_key(before["unit"]) != _unit_key(_current(member)["unit"]):
            report["moved"].append(
                {
                    "id": member.getId(),
                    "title": member.title,
                    "username": username,
                    "from": before["unit"],
                    "to": _current(member)["unit"],
                }
            )
        if changed:
            report["updated"].append(
                {"id": member.getId(), "title": member.title, "username": username, "fields": changed}
            )
            member.reindexObject()
        else:
            report["unchanged"] += 1
    for member in members:
        if member.getId() in seen or getattr(member, "archived", False):
            continue
        member.archived = True
        member.archived_on = date.today()
        member.reindexObject()
        report["archived"].append({"id": member.getId(), "title": member.title, "username": member.username or ""})
    _keep(directory, report)
    logger.info(
        "Staff directory synchronised: %d added, %d updated (%d moved), %d archived, %d restored, %d unchanged",
        len(report["added"]),
        len(report["updated"]),
        len(report["moved"]),
        len(report["archived"]),
        len(report["restored"]),
        report["unchanged"],
    )
    return report


def _keep(directory, report):
    annotations = IAnnotations(directory)
    reports = annotations.get(REPORTS_KEY)
    if reports is None:
        reports = annotations[REPORTS_KEY] = PersistentList()
    reports.insert(0, report)
    del reports[KEEP_REPORTS:]


def reports(directory):
    return list(IAnnotations(directory).get(REPORTS_KEY, ()))
