"""Remarks, threads, reports, moderation and official answers.

Storage: each consultation holds an OOBTree ``_remarks`` (remark id -> Remark) with random uuid4 keys, created
with the consultation. Concurrent posts insert different keys spread over the buckets; BTrees resolve such
inserts without a ZODB conflict (unless a bucket splits) and nothing else is written per post: the
consultation object, its catalog entry and any counter stay untouched. The moderation log is a second OOBTree
keyed by time + uuid. Remarks are not catalogued, so site search, listings and feeds never contain them.

Every rule lives here, used by the pages and the REST services alike; a refused action raises
``RemarkError(status, message)`` before anything is written.
"""

from BTrees.OOBTree import OOBTree
from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo.consultations import ANSWER_PERMISSION
from ezabrze.ngo.consultations import MODERATE_PERMISSION
from ezabrze.ngo.consultations import REGISTRY_PREFIX
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.vocabularies import REPORT_REASONS
from ezabrze.ngo.consultations.vocabularies import VERDICTS
from ezabrze.ngo.organizations import representatives as reps
from persistent import Persistent
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from z3c.caching.purge import Purge
from zope.event import notify

import re
import time
import uuid


MAX_LENGTH = 10000  # a remark's texts and an answer's reasoning
REASON_MAX_LENGTH = 2000  # a moderator's reason
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
RESIDENT = "resident"
NGO = "ngo"
VERDICT_IDS = tuple(v for v, _t in VERDICTS)
REASON_IDS = tuple(v for v, _t in REPORT_REASONS)


class RemarkError(Exception):
    """A refused action: HTTP status and a translatable message."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


class Remark(Persistent):
    def __init__(self, **kw):
        self.id = uuid.uuid4().hex
        self.parent_id = ""
        self.unit_id = ""
        self.author_userid = ""
        self.author_kind = RESIDENT
        self.organization_uid = ""
        self.organization_title = ""
        self.current_wording = ""
        self.proposed_wording = ""
        self.justification = ""
        self.created = clock.now()
        self.order = time.time_ns()  # ties of `created` (same second, a frozen test clock) keep posting order
        self.reports = PersistentList()
        self.hidden = False
        self.answer = None
        for key, value in kw.items():
            setattr(self, key, value)

    @property
    def answer_published(self):
        return bool(self.answer and self.answer.get("published"))


def remarks_tree(consultation):
    tree = getattr(consultation, "_remarks", None)
    if tree is None:
        tree = consultation._remarks = OOBTree()
    return tree


def moderation_log(consultation):
    tree = getattr(consultation, "_moderation_log", None)
    if tree is None:
        tree = consultation._moderation_log = OOBTree()
    return tree


def init_storage(consultation, event=None):
    remarks_tree(consultation)
    moderation_log(consultation)


def _clean(value):
    if not isinstance(value, str):
        return ""
    return CONTROL_RE.sub("", value).replace("\r\n", "\n").strip()


def hide_after():
    value = api.portal.get_registry_record(f"{REGISTRY_PREFIX}.reports_to_hide", default=3)
    return value if isinstance(value, int) and value > 0 else 3


# ------------------------------------------------------------------------------------------------ who


def can_moderate(consultation):
    return api.user.has_permission(MODERATE_PERMISSION, obj=consultation)


def can_answer(consultation):
    return api.user.has_permission(ANSWER_PERMISSION, obj=consultation)


def participant(consultation, user=None):
    """(kind, organization) the current user takes part as, or raises RemarkError 401/403."""
    if api.user.is_anonymous():
        raise RemarkError(401, _("Log in to take part in the consultation."))
    user = user or api.user.get_current()
    userid = user.getId()
    organizations = reps.acting_organizations(userid)
    if organizations:
        return NGO, organizations
    if consultation.participation == "ngo_residents":
        return RESIDENT, []
    states = [rep.state for _org, rep in reps.organizations_of(userid)]
    if reps.SUSPENDED in states:
        raise RemarkError(403, _("Your representation of the organisation is suspended."))
    if states:
        raise RemarkError(403, _("Your representation of the organisation has not been verified yet."))
    raise RemarkError(403, _("Only verified representatives of organisations take part in this consultation."))


def may_participate(consultation):
    try:
        participant(consultation)
    except RemarkError:
        return False
    return True


# ------------------------------------------------------------------------------------------------ post


def add(consultation, data, now=None):
    """Post a remark (or a reply: data["parent_id"]). Returns the Remark."""
    now = now or clock.now()
    if "online" not in (consultation.consultation_forms or ()):
        raise RemarkError(409, _("This consultation does not take remarks online."))
    current = state.effective_state(consultation, now)
    if current != "open":
        if current in ("draft", "scheduled"):
            raise RemarkError(409, _("The consultation is not open yet."))
        raise RemarkError(409, _("The consultation is closed: remarks are no longer accepted."))
    kind, organizations = participant(consultation)
    tree = remarks_tree(consultation)
    parent_id = _clean(data.get("parent_id"))
    unit_id = _clean(data.get("unit_id"))
    parent = None
    if parent_id:
        parent = tree.get(parent_id)
        if parent is None or parent.hidden:
            raise RemarkError(400, _("The remark you reply to does not exist."))
        unit_id = parent.unit_id
    elif unit_id and consultation.unit(unit_id) is None:
        raise RemarkError(400, _("There is no such fragment of the draft."))
    justification = _clean(data.get("justification"))
    proposed = _clean(data.get("proposed_wording"))
    current_wording = _clean(data.get("current_wording"))
    if not justification:
        if parent is not None:
            raise RemarkError(400, _("Write the text of the reply."))
        raise RemarkError(400, _("Give the justification of the remark."))
    if max(len(justification), len(proposed), len(current_wording)) > MAX_LENGTH:
        raise RemarkError(400, _("A text is too long (at most 10000 characters)."))
    organization = None
    if kind == NGO:
        wanted = _clean(data.get("organization"))
        organization = organizations[0]
        if wanted:
            matching = [o for o in organizations if api.content.get_uuid(o) == wanted]
            if not matching:
                raise RemarkError(403, _("You do not act for this organisation."))
            organization = matching[0]
    if parent is None and unit_id and not current_wording:
        current_wording = consultation.unit(unit_id)["text"]
    remark = Remark(
        parent_id=parent.id if parent is not None else "",
        unit_id=unit_id,
        author_userid=api.user.get_current().getId(),
        author_kind=kind,
        organization_uid=api.content.get_uuid(organization) if organization is not None else "",
        organization_title=organization.title if organization is not None else "",
        current_wording=current_wording if parent is None else "",
        proposed_wording=proposed if parent is None else "",
        justification=justification,
        created=now,
    )
    tree[remark.id] = remark
    _changed(consultation)
    return remark


# ------------------------------------------------------------------------------------------------ read


def get(consultation, remark_id, include_hidden=False):
    remark = remarks_tree(consultation).get(remark_id) if isinstance(remark_id, str) else None
    if remark is None or (remark.hidden and not include_hidden):
        raise RemarkError(404, _("There is no such remark."))
    return remark


def visible(consultation, include_hidden=None):
    """All remarks the current user may see, oldest first (hidden ones only for moderators)."""
    if include_hidden is None:
        include_hidden = can_moderate(consultation)
    items = [r for r in remarks_tree(consultation).values() if include_hidden or not r.hidden]
    items.sort(key=lambda r: (r.created, getattr(r, "order", 0), r.id))
    return items


def public(consultation):
    """What the public sees: visible remarks; for exports and the report."""
    return visible(consultation, include_hidden=False)


def top_level(remarks, unit_id=None):
    return [r for r in remarks if not r.parent_id and (unit_id is None or r.unit_id == unit_id)]


def replies(remarks):
    result = {}
    for remark in remarks:
        if remark.parent_id:
            result.setdefault(remark.parent_id, []).append(remark)
    return result


def show_answer(consultation, remark):
    """The answer of a remark if the current user may see it: published ones for all, prepared for staff."""
    if not remark.answer:
        return None
    if remark.answer.get("published") or can_answer(consultation):
        return remark.answer
    return None


# ------------------------------------------------------------------------------------------------ moderation


def _changed(consultation):
    """The remarks live in the consultation's annotations, not as content: a posted, hidden, restored or
    answered remark changes its public pages, so they are purged from the caching proxy (ezabrze.ngo.caching)."""
    notify(Purge(consultation))


def _log(consultation, remark, action, reason, actor):
    # keyed by the system time in ns (ordered even under a frozen test clock) and a random suffix
    moderation_log(consultation)[f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"] = PersistentMapping(
        date=clock.now(), remark_id=remark.id, action=action, reason=reason, actor=actor
    )


def report(consultation, remark_id, reason):
    """A participant reports a remark; after N reports it is hidden until a moderator decides."""
    participant(consultation)
    remark = get(consultation, remark_id)
    if reason not in REASON_IDS:
        raise RemarkError(400, _("Choose the reason: spam, offensive or off topic."))
    userid = api.user.get_current().getId()
    if remark.author_userid == userid:
        raise RemarkError(409, _("You cannot report your own remark."))
    if any(r["userid"] == userid for r in remark.reports):
        raise RemarkError(409, _("You have already reported this remark."))
    remark.reports.append({"userid": userid, "reason": reason, "date": clock.now()})
    _log(consultation, remark, "report", reason, userid)
    if len(remark.reports) >= hide_after() and not remark.hidden:
        remark.hidden = True
        _log(consultation, remark, "hide", "reports", "system")
        _changed(consultation)
    return remark


def moderate(consultation, remark_id, action, reason):
    if not can_moderate(consultation):
        raise RemarkError(403, _("Only moderators hide and restore remarks."))
    remark = get(consultation, remark_id, include_hidden=True)
    reason = _clean(reason)
    if not reason:
        raise RemarkError(400, _("Give the reason of the moderation."))
    if len(reason) > REASON_MAX_LENGTH:
        raise RemarkError(400, _("The reason is too long (at most 2000 characters)."))
    if action == "hide":
        if remark.hidden:
            raise RemarkError(409, _("The remark is already hidden."))
        remark.hidden = True
    elif action == "restore":
        if not remark.hidden:
            raise RemarkError(409, _("The remark is not hidden."))
        remark.hidden = False
        remark.reports = PersistentList()
    else:
        raise RemarkError(400, _("Unknown moderation action."))
    _log(consultation, remark, action, reason, api.user.get_current().getId())
    _changed(consultation)
    return remark


def log_entries(consultation):
    return list(reversed(list(moderation_log(consultation).values())))


# ------------------------------------------------------------------------------------------------ answers


def prepare_answer(consultation, remark_id, verdict, reasoning):
    if not can_answer(consultation):
        raise RemarkError(403, _("Only the responsible staff answer remarks."))
    if state.effective_state(consultation) not in ("open", "closed"):
        raise RemarkError(409, _("Answers are given while the consultation is open or closed."))
    remark = get(consultation, remark_id, include_hidden=True)
    if remark.parent_id:
        raise RemarkError(400, _("Answer the remark, not a reply to it."))
    if verdict not in VERDICT_IDS:
        raise RemarkError(400, _("Choose the answer: accepted, partly accepted, rejected or not applicable."))
    reasoning = _clean(reasoning)
    if not reasoning:
        raise RemarkError(400, _("Give the reasoning of the answer."))
    if len(reasoning) > MAX_LENGTH:
        raise RemarkError(400, _("A text is too long (at most 10000 characters)."))
    remark.answer = PersistentMapping(
        verdict=verdict,
        reasoning=reasoning,
        by=api.user.get_current().getId(),
        prepared=clock.now(),
        published=None,
    )
    return remark


def publish_answers(consultation):
    """Publish every prepared answer at once; returns the remarks whose answer was published now."""
    if not can_answer(consultation):
        raise RemarkError(403, _("Only the responsible staff answer remarks."))
    now = clock.now()
    published = []
    for remark in remarks_tree(consultation).values():
        if remark.answer and not remark.answer.get("published"):
            remark.answer["published"] = now
            published.append(remark)
    if published:
        _changed(consultation)
    return published


def author_label(remark):
    """The organisation, or "mieszkaniec/mieszkanka" for a resident: never a name or e-mail."""
    if remark.author_kind == NGO:
        return remark.organization_title
    return _("resident")
