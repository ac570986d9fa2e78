"""Creating, routing, finding and moving cases. Views, the easyform action and the REST service use this."""

from Acquisition import aq_base
from collective.easyform.api import is_file_data
from datetime import timedelta
from datetime import UTC
from ezabrze.policy import _
from ezabrze.policy.cases import CASE_TYPE
from ezabrze.policy.cases import CASES_FOLDER_ID
from ezabrze.policy.cases import categories
from ezabrze.policy.cases import creation
from ezabrze.policy.cases import HANDLER_ROLE
from ezabrze.policy.cases import mail
from ezabrze.policy.cases import ratelimit
from ezabrze.policy.cases import REGISTRY_PREFIX
from ezabrze.policy.cases import SIGN_PREFIX
from ezabrze.policy.cases import signs
from ezabrze.policy.cases import tracking
from ezabrze.policy.cases import UNIT_GROUP_PREFIX
from ezabrze.policy.cases.content import now
from ezabrze.policy.cases.interfaces import ICaseSettings
from ezabrze.policy.mail import send_after_commit
from ezabrze.policy.mail import send_now
from ezabrze.policy.network import geo
from ezabrze.policy.utils import ensure_group
from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from typing import NamedTuple
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate

import logging
import os
import transaction


logger = logging.getLogger("ezabrze.policy.cases")

# Form fields recognised by their short names (editors' forms follow the same convention).
TEXT_FIELDS = ("description", "text", "message", "comments", "information", "opis", "tresc")
SUBJECT_FIELDS = ("subject", "topic", "title", "temat")
NAME_FIELDS = ("name", "full_name", "fullname", "imie_nazwisko")
PHONE_FIELDS = ("phone", "telefon")
ADDRESS_FIELDS = ("address", "location", "adres")
IGNORED_FIELDS = ("honeypot", "protected_1", "_authenticator")

# What a file must start with, per extension (the name alone proves nothing).
MAGIC = {
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
}


class Throttled(Exception):
    """Too many requests from one client."""


def settings():
    return api.portal.get_registry_record(prefix=REGISTRY_PREFIX, interface=ICaseSettings)


def setting(name, default=None):
    value = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.{name}", default=None)
    return default if value is None else value


# --------------------------------------------------------------------------- units


def find_unit(unit_id):
    """The OrganizationalUnit with this id, or None. Looked up once per request (a submission needs it for
    routing, for the case and for both e-mails)."""
    if not unit_id:
        return None
    request = api.env.getRequest()
    cache = IAnnotations(request).setdefault("ezabrze.cases.units", {}) if request is not None else {}
    unit = cache.get(unit_id)
    if unit is None:
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(portal_type="OrganizationalUnit", id=unit_id)
        if brains:
            unit = cache[unit_id] = brains[0]._unrestrictedGetObject()  # only hits: a unit may be added later
    return unit


def unit_title(unit_id):
    unit = find_unit(unit_id)
    return unit.Title() if unit is not None else (unit_id or "")


def unit_group(unit_id):
    return f"{UNIT_GROUP_PREFIX}{unit_id}"


def ensure_unit_group(unit_id, title=None):
    groupname = unit_group(unit_id)
    if api.group.get(groupname=groupname) is None:
        with api.env.adopt_roles(["Manager"]):
            ensure_group(
                groupname,
                title=f"Sprawy: {title or unit_title(unit_id)}",
                description="Pracownicy jednostki obsługujący sprawy zgłoszone przez mieszkańców.",
            )
    return groupname


def units_of_user(user=None):
    """Ids of the units whose case group the user belongs to."""
    user = user or api.user.get_current()
    if user is None or api.user.is_anonymous():
        return []
    groups = api.group.get_groups(user=user)
    return sorted(
        g.getId()[len(UNIT_GROUP_PREFIX):] for g in groups if g.getId().startswith(UNIT_GROUP_PREFIX)
    )


def route(action, fields):
    """The unit id for a submission: the action's own category mapping, then the categories of reported
    problems (control panel "Sprawy"), then the form's target unit."""
    category_field = getattr(action, "category_field", None) or "category"
    category = fields.get(category_field)
    if category:
        for line in getattr(action, "category_units", None) or []:
            if "|" not in line:
                continue
            value, unit_id = (part.strip() for part in line.split("|", 1))
            if value == str(category).strip() and unit_id:
                return unit_id
        unit_id = categories.unit(str(category).strip())
        if unit_id:
            return unit_id
    return getattr(action, "target_unit", None) or None


def grant_unit(case, unit_id, previous=None):
    if previous and previous != unit_id:
        case.manage_delLocalRoles([unit_group(previous)])
    if unit_id:
        groupname = ensure_unit_group(unit_id)
        case.manage_setLocalRoles(groupname, [HANDLER_ROLE])
    case.unit_id = unit_id
    case.reindexObjectSecurity()
    case.reindexObject(idxs=["case_unit"])


# --------------------------------------------------------------------------- validation


def _pick(fields, names):
    for name in names:
        value = fields.get(name)
        if value not in (None, ""):
            return value
    return None


def validate_attachment(value):
    """None if the file is acceptable, else a translatable message."""
    if not value or not is_file_data(value):
        return None
    allowed = [ext.lower().lstrip(".") for ext in (setting("allowed_extensions") or MAGIC)]
    filename = getattr(value, "filename", "") or ""
    ext = os.path.splitext(filename)[1].lower().lstrip(".")
    if ext not in allowed or ext not in MAGIC:
        return _(
            "attachment_type_refused",
            default="The file ${name} was refused: only ${types} files are accepted.",
            mapping={"name": filename, "types": ", ".join(e.upper() for e in allowed)},
        )
    max_mb = setting("max_attachment_mb", 10) or 10
    size = value.getSize()
    if size > max_mb * 1024 * 1024:
        return _(
            "attachment_too_big",
            default="The file ${name} was refused: it is larger than ${size} MB.",
            mapping={"name": filename, "size": max_mb},
        )
    head = bytes(value.data[:16]) if size else b""
    if not any(head.startswith(magic) for magic in MAGIC[ext]):
        return _(
            "attachment_content_refused",
            default="The file ${name} was refused: its content is not a ${type} file.",
            mapping={"name": filename, "type": ext.upper()},
        )
    return None


def validate_submission(action, fields):
    """Errors as {field name or FORM_ERROR_MARKER: message}; empty when the submission may become a case."""
    from collective.easyform.config import FORM_ERROR_MARKER

    errors = {}
    for name, value in fields.items():
        message = validate_attachment(value)
        if message is not None:
            errors[name] = message
    has_point_fields = "latitude" in fields or "longitude" in fields
    if has_point_fields or "address" in fields:
        lat, lon = fields.get("latitude"), fields.get("longitude")
        address = (fields.get("address") or "").strip()
        if (lat is None) != (lon is None):
            errors["latitude" if lat is None else "longitude"] = _(
                "point_incomplete", default="Give both the latitude and the longitude of the point."
            )
        elif lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            errors["latitude"] = _("point_invalid", default="This is not a point on the map.")
        elif lat is not None and not geo.contains(geo.outline(), lon, lat):
            # the outline of network/data/zabrze.geojson, the same the map of the form and the network map draw
            errors["latitude"] = _(
                "point_outside_city",
                default="This point lies outside Zabrze. Choose a place within the city or give its address.",
            )
        elif has_point_fields and lat is None and not address:
            errors["address"] = _(
                "location_required",
                default="Give the address of the place or its point on the map (latitude and longitude).",
            )
    if getattr(action, "legal_basis", None) == "consent":
        consent_field = getattr(action, "consent_field", None) or "consent"
        if not fields.get(consent_field):
            errors[consent_field if consent_field in fields else FORM_ERROR_MARKER] = _(
                "consent_required",
                default="We can handle your message only with your consent to the processing of your data.",
            )
    return errors


# --------------------------------------------------------------------------- rate limit


def reserve_submission(request):
    """Count one submission of this client; False when the limit is reached.

    The count is undone if the transaction does not commit (a ZODB conflict makes Zope run the request
    again, and that run must not be counted twice).
    """
    limit = setting("submissions_per_window", 5)
    window = (setting("window_minutes", 10) or 10) * 60
    key = ratelimit.client_address(request)
    if not ratelimit.submissions.hit(key, limit, window):
        return False
    if limit:
        txn = transaction.get()

        def undo(*args):
            status = args[0] if args else False
            if not status:
                ratelimit.submissions.forget_one(key)

        txn.addAfterCommitHook(undo)
        if hasattr(txn, "addAfterAbortHook"):
            txn.addAfterAbortHook(undo)
    return True


def check_status_throttle(request):
    limit = setting("status_failures_allowed", 5)
    window = (setting("window_minutes", 10) or 10) * 60
    key = ratelimit.client_address(request)
    if not ratelimit.status_failures.allowed(key, limit, window):
        raise Throttled()


def record_status_failure(request):
    limit = setting("status_failures_allowed", 5)
    window = (setting("window_minutes", 10) or 10) * 60
    ratelimit.status_failures.hit(ratelimit.client_address(request), limit, window)


# --------------------------------------------------------------------------- creation


def cases_root(portal=None):
    portal = portal or api.portal.get()
    return portal.get(CASES_FOLDER_ID)


def year_folder(root, year):
    key = str(year)
    folder = root.get(key)
    if folder is None:
        folder = createContentInContainer(root, "Folder", checkConstraints=False, id=key, title=key)
        # An ordered folder keeps one PersistentList of all ids: every new case would rewrite it and
        # concurrent submissions would conflict on it. Cases need no manual order.
        folder.setOrdering("unordered")
        folder.exclude_from_nav = True
        folder.reindexObject()
    return folder


def _serialize(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, (list, tuple, set)):
        return ", ".join(_serialize(v) for v in value)
    if hasattr(value, "output"):  # RichTextValue
        return value.output
    return str(value)


class CreatedCase(NamedTuple):
    """What the answer of a submission needs of its new case (the case itself lives in another connection
    when it was stored in a transaction of its own)."""

    sign: str
    due_date: object
    requester_email: str | None
    url: str
    form_title: str
    unit_id: str | None

    def absolute_url(self):
        return self.url


def create_case(form, action, fields, request):
    """Create the Case for a valid submission; return (CreatedCase, tracking code).

    Everything is prepared here, in the request; the case is then written by ``_write_case``: in a published
    form submission in a short transaction of its own (``cases.creation.store``, retried there on a
    conflict), otherwise (tests, scripts) in the current transaction. Mails go out after that commit.
    """
    own_transaction = creation.in_own_transaction(request)
    if own_transaction:
        stored = creation.stored_before_a_replay(request)
        if stored is not None:
            return stored  # the publisher replays a request whose case has committed: no second case
    root = cases_root()
    if root is None:
        raise RuntimeError("The cases folder /sprawy is missing: reinstall ezabrze.policy.")
    created = now()
    year = created.year
    code = tracking.new_code()
    unit_id = route(action, fields)
    if unit_id and find_unit(unit_id) is None:
        logger.warning("Form %s routes to an unknown unit %r", form.absolute_url(), unit_id)
    deadline = getattr(action, "deadline_days", None) or 30
    schema_titles = _field_titles(form)
    attachment = None  # (data, filename, content type): a blob is made in each attempt of the transaction
    submission = {}
    for name, value in fields.items():
        if name in IGNORED_FIELDS:
            continue
        if is_file_data(value):
            if value and attachment is None:
                attachment = (bytes(value.data), value.filename, value.contentType)
            continue
        submission[schema_titles.get(name, name)] = _serialize(value)
    email_field = getattr(action, "email_field", None) or "email"
    values = {
        "year": year,
        "form_uid": api.content.get_uuid(form),
        "form_title": form.Title(),
        "category": _serialize(fields.get(getattr(action, "category_field", None) or "category")) or None,
        "topic": _pick(fields, SUBJECT_FIELDS),
        "text": _pick(fields, TEXT_FIELDS),
        "address": _pick(fields, ADDRESS_FIELDS),
        "latitude": fields.get("latitude"),
        "longitude": fields.get("longitude"),
        "requester_name": _pick(fields, NAME_FIELDS),
        "requester_email": (fields.get(email_field) or "").strip() or None,
        "requester_phone": _pick(fields, PHONE_FIELDS),
        "submission": submission,
        "submitted": created.astimezone(UTC),  # ZODB cannot pickle zoneinfo objects
        "due_date": (created + timedelta(days=deadline)).date(),
        "tracking_hash": tracking.hash_code(code),  # PBKDF2: a few ms of CPU, done before the short part
    }
    description = str(_pick(fields, SUBJECT_FIELDS) or form.Title())

    def write(portal):
        return _write_case(portal, values, description, attachment, unit_id, created)

    if own_transaction:
        portal = api.portal.get()
        created_case = creation.store(portal._p_jar.db(), portal.getPhysicalPath(), request, write,
                                      note=lambda case: f"ezabrze.policy: case {case.sign}")
        creation.remember_for_a_replay(request, (created_case, code))
        # The case has committed: its e-mails are written (outside the short transaction) and sent.
        send_now(mail.confirmation(created_case, code), mail.unit_notification(created_case))
    else:
        created_case = write(api.portal.get())
        send_after_commit(mail.confirmation(created_case, code), mail.unit_notification(created_case))
    return created_case, code


def _write_case(portal, values, description, attachment, unit_id, created):
    """Add the case to /sprawy/<year>/ of ``portal``; return its CreatedCase."""
    root = cases_root(portal)
    with api.env.adopt_roles(["Manager"]):
        # The number is taken in the transaction that stores the case: both commit together or not at all,
        # so the numbering has no gaps (see signs.py).
        number = root._sign_counter.take(values["year"])
        values = {**values, "number": number, "sign": signs.format_sign(SIGN_PREFIX, values["year"], number)}
        folder = year_folder(root, values["year"])
        case = _add_without_touching_the_folder(
            folder, f"{number:06d}", title=values["sign"], description=description
        )
        for name, value in values.items():
            setattr(case, name, value)
        case.attachment = (
            NamedBlobFile(data=attachment[0], filename=attachment[1], contentType=attachment[2])
            if attachment is not None else None
        )
        # The resident's request has no owner in the portal: nobody owns a case.
        case.manage_delLocalRoles([uid for uid, roles in case.get_local_roles() if "Owner" in roles])
        case.creators = ()
        case.add_log("submit", "registered", public=True, when=created)
        grant_unit(case, unit_id)
        case.reindexObject()
        return CreatedCase(case.sign, case.due_date, case.requester_email, case.absolute_url(), case.form_title,
                           case.unit_id)


def _add_without_touching_the_folder(folder, case_id, **kwargs):
    """Add a Case to its year folder without "modifying" the folder.

    The usual add (createContentInContainer) ends with a ContainerModifiedEvent that writes the folder
    object itself (its modification date) — one object written by every submission, so concurrent
    submissions would conflict on it. The folder's BTree and counter resolve concurrent inserts; the folder
    object must stay untouched. So: add with events suppressed, then send only the ObjectAddedEvent
    (catalog, workflow, UID, intids react to it).
    """
    from plone.dexterity.utils import createContent
    from zope.event import notify
    from zope.lifecycleevent import ObjectAddedEvent

    case = createContent(CASE_TYPE, id=case_id, **kwargs)
    folder._setObject(case_id, case, suppress_events=True)
    case = folder._getOb(case_id)
    notify(ObjectAddedEvent(case, folder, case_id))
    return case


def _field_titles(form):
    from collective.easyform.api import get_schema
    from zope.schema import getFieldsInOrder

    try:
        return {name: str(field.title) for name, field in getFieldsInOrder(get_schema(form))}
    except Exception:  # a broken model must not lose the submission
        return {}


# --------------------------------------------------------------------------- lookup


def find_case(sign):
    """The case with this sign, or None; no security check (callers check the code)."""
    parsed = signs.parse_sign(sign)
    if parsed is None:
        return None
    prefix, year, number = parsed
    if prefix != SIGN_PREFIX:
        return None
    root = cases_root()
    if root is None:
        return None
    folder = root.get(str(year))
    if folder is None:
        return None
    case = folder.get(f"{number:06d}")
    if case is None or getattr(aq_base(case), "portal_type", None) != CASE_TYPE:
        return None
    return case


def lookup(sign, code, request):
    """The case for a sign and its tracking code, or None for an unknown sign or a wrong code (the same
    answer and about the same time for both). Raises Throttled after too many failures of this client."""
    check_status_throttle(request)
    case = find_case(sign)
    if case is None:
        tracking.dummy_check(code)
    elif tracking.check_code(code, case.tracking_hash):
        return case
    record_status_failure(request)
    return None


def status_info(case, request=None):
    """The public status of a case (what the resident may see), JSON-ready."""
    request = request or api.env.getRequest()
    state = api.content.get_state(case)
    return {
        "sign": case.sign,
        "form": case.form_title,
        "state": state,
        "state_title": translate(state_title(state), context=request),
        "submitted": case.submitted.isoformat(timespec="seconds") if case.submitted else None,
        "due_date": case.due_date.isoformat() if case.due_date else None,
        "unit": unit_title(case.unit_id) if case.unit_id else None,
        "history": [
            dict(entry, state_title=translate(state_title(entry["state"]), context=request))
            for entry in case.public_log()
        ],
    }


STATE_TITLES = {
    "registered": _("state_registered", default="Registered"),
    "assigned": _("state_assigned", default="Assigned"),
    "in_progress": _("state_in_progress", default="In progress"),
    "answered": _("state_answered", default="Answered"),
    "rejected": _("state_rejected", default="Rejected"),
    "forwarded": _("state_forwarded", default="Forwarded to another unit"),
}


def state_title(state):
    return STATE_TITLES.get(state, state)


# --------------------------------------------------------------------------- transitions

REQUEST_KEY = "ezabrze.cases.transition"


def transition(case, name, comment="", public=False, target_unit=None):
    """Run a workflow transition of a case as the current user (the workflow checks the permission).

    The comment is always kept; the resident sees it only when ``public`` is true. ``forward`` needs
    ``target_unit``: the case then belongs to that unit (its staff get the case, the old unit loses it).
    """
    if name == "forward":
        if not target_unit or target_unit == case.unit_id or find_unit(target_unit) is None:
            raise ValueError("forward needs an existing target unit")
    request = api.env.getRequest()
    if request is not None:
        request.set(REQUEST_KEY, {"public": bool(public), "target_unit": target_unit})
    api.content.transition(obj=case, transition=name, comment=comment or "")
    return api.content.get_state(case)


def after_transition(case, event):
    """IAfterTransitionEvent: log, re-route on forward, tell the resident."""
    if event.transition is None:
        return  # creation
    request = api.env.getRequest()
    options = (request.get(REQUEST_KEY) if request is not None else None) or {}
    public = bool(options.get("public"))
    new_state = event.new_state.id
    actor = api.user.get_current().getId() or ""
    target_unit = options.get("target_unit")
    if event.transition.id == "forward" and target_unit:
        with api.env.adopt_roles(["Manager"]):
            grant_unit(case, target_unit, previous=case.unit_id)
    comment = (event.kwargs or {}).get("comment") or (event.status or {}).get("comments") or ""
    case.add_log(event.transition.id, new_state, actor=actor, comment=comment, public=public)
    case.reindexObject(idxs=["review_state", "case_unit"])
    send_after_commit(mail.status_change(case, new_state, comment if public else ""))
