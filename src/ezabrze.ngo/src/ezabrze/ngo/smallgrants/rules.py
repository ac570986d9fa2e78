"""The life of a small grant (art. 19a), every rule in one place (pages and REST call these):

draft (private to the organisation's verified representatives) → ``submit`` (by a representative: complete,
at most 10,000 zł, at most 90 days, the organisation's small grants of the year stay within 20,000 zł) →
``publish`` (the city: the comment period starts, 7 days to the second by ``ezabrze.ngo.clock``) → public
comments (anyone, during the period) → ``grant`` (an amount, within the yearly limit) or ``refuse`` (a reason),
only after the comment period. A refused action raises SmallGrantError (HTTP status, Polish message) and
stores nothing."""

from datetime import timedelta
from decimal import Decimal
from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo import mail
from ezabrze.ngo.competitions import costs as costs_api
from ezabrze.ngo.competitions import MANAGE_PERMISSION
from ezabrze.ngo.competitions.offers import acts_for
from ezabrze.ngo.competitions.vocabularies import STATEMENTS
from ezabrze.ngo.smallgrants import COMMENT_DAYS
from ezabrze.ngo.smallgrants import MAX_DAYS
from ezabrze.ngo.smallgrants import MAX_GRANT
from ezabrze.ngo.smallgrants import PUBLISH_WORKING_DAYS
from ezabrze.ngo.smallgrants import SMALL_GRANT_TYPE
from ezabrze.ngo.smallgrants import YEARLY_LIMIT
from ezabrze.ngo.smallgrants.content import ISmallGrant
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from zope.i18nmessageid import Message
from zope.schema import getFieldsInOrder

import uuid


FIELDS = [name for name, _field in getFieldsInOrder(ISmallGrant)]
PENDING = ("submitted", "published")
MAX_COMMENT = 5000
MAX_NAME = 200
MAX_REASON = 2000
MODERATION_ACTIONS = ("hide", "restore")


class SmallGrantError(ValueError):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def grant_state(item):
    return api.content.get_state(item, default="draft")


def organization(item):
    with api.env.adopt_roles(["Manager"]):
        return api.content.get(UID=item.organization_uid) if item.organization_uid else None


def comment_end(item):
    return item.published + timedelta(days=COMMENT_DAYS) if item.published else None


def commenting(item, now=None):
    now = now or clock.now()
    return grant_state(item) == "published" and now < clock.aware(comment_end(item))


def comments(item, include_hidden=False):
    """The public comments (hidden ones only with `include_hidden`: for the staff who moderate)."""
    return [c for c in (getattr(item, "comments", None) or ()) if include_hidden or not c.get("hidden")]


def may_moderate(item):
    return api.user.has_permission(MANAGE_PERMISSION, obj=item)


def moderation_log(item):
    return list(getattr(item, "moderation_log", None) or ())


def requested(item):
    try:
        return costs_api.check(item.costs or [], max_grant=MAX_GRANT)["grant"]
    except costs_api.CostError:
        return None


def granted(item):
    decision = item.decision or {}
    return decision.get("amount") if decision.get("result") == "granted" else None


def _all_of(org_uid):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=SMALL_GRANT_TYPE):
        item = brain._unrestrictedGetObject()
        if item.organization_uid == org_uid:
            yield item


def used_in_year(org_uid, year, pending=True, exclude=None):
    """The organisation's small grants of `year`: granted amounts (by the year of the decision) and, with
    `pending`, the requested amounts of offers submitted that year and not decided yet."""
    total = Decimal("0.00")
    for item in _all_of(org_uid):
        if exclude is not None and item.UID() == exclude.UID():
            continue
        current = grant_state(item)
        if current == "granted" and clock.local(item.decision["date"]).year == year:
            total += item.decision["amount"]
        elif pending and current in PENDING and clock.local(item.submitted).year == year:
            total += requested(item) or Decimal("0.00")
    return total


def _limit_message(year, used):
    return Message(_("An organisation gets at most ${limit} zł of small grants in a year: in ${year} it already has "
                     "${used} zł."), mapping={"limit": YEARLY_LIMIT, "year": year, "used": used})


def create(folder, userid, org, title, **fields):
    if not acts_for(userid, api.content.get_uuid(org)):
        raise SmallGrantError(403, _("Only a verified representative of a verified organisation may submit "
                                     "offers."))
    if not (title or "").strip():
        raise SmallGrantError(400, _("Give the title of the task."))
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise SmallGrantError(400, Message(_("Unknown fields: ${fields}."),
                                           mapping={"fields": ", ".join(sorted(unknown))}))
    _check_lengths(fields)
    with api.env.adopt_roles(["Manager"]):
        item = api.content.create(container=folder, type=SMALL_GRANT_TYPE, title=title.strip(), safe_id=True,
                                  **fields)
        item.organization_uid = api.content.get_uuid(org)
        item.manage_setLocalRoles(userid, ["Owner"])
        item.reindexObjectSecurity()
    return item


def update(item, userid, fields):
    if not acts_for(userid, item.organization_uid):
        raise SmallGrantError(403, _("Only a verified representative of the applicant may change the offer."))
    if grant_state(item) != "draft":
        raise SmallGrantError(409, _("A submitted offer cannot be changed."))
    unknown = set(fields) - set(FIELDS) - {"title"}
    if unknown:
        raise SmallGrantError(400, Message(_("Unknown fields: ${fields}."),
                                           mapping={"fields": ", ".join(sorted(unknown))}))
    if "title" in fields and not str(fields["title"] or "").strip():
        raise SmallGrantError(400, _("Give the title of the task."))
    _check_lengths(fields)
    for name, value in fields.items():
        setattr(item, name, value)
    item.reindexObject()


def _check_lengths(fields):
    """The schema's maximum lengths, also for REST (which sets the attributes): 400, nothing stored."""
    for name, value in fields.items():
        field = ISmallGrant.get(name)
        limit = getattr(field, "max_length", None)
        if limit and isinstance(value, str) and len(value) > limit:
            raise SmallGrantError(400, Message(_("${field}: at most ${max} characters."),
                                               mapping={"field": field.title, "max": limit}))


def problems(item):
    found = []
    for name in ("contact_person", "task_start", "task_end", "task_description", "task_place", "expected_results"):
        if getattr(item, name, None) in (None, ""):
            found.append(Message(_("Fill in the field: ${field}."), mapping={"field": ISmallGrant[name].title}))
    start, end = item.task_start, item.task_end
    if start and end:
        if end < start:
            found.append(_("The task cannot end before it starts."))
        elif (end - start).days + 1 > MAX_DAYS:
            found.append(Message(_("A small grant is for a task of at most ${days} days (this one: ${length})."),
                                 mapping={"days": MAX_DAYS, "length": (end - start).days + 1}))
    if [value for value, _title in STATEMENTS if value not in (item.statements or [])]:
        found.append(_("Confirm every statement of section VII."))
    try:
        costs_api.check(item.costs or [], max_grant=MAX_GRANT)
    except costs_api.CostError as error:
        found.extend(error.args[0])
    return found


def earliest_start(submitted):
    """The first day the task may start when the offer is received at `submitted`: the city has up to 7 working
    days to publish it (art. 19a ust. 3), then 7 days for comments, and decides the day after; the task starts
    at the earliest the day after that decision."""
    received = clock.local(submitted).date()
    published = clock.add_working_days(received, PUBLISH_WORKING_DAYS)
    return published + timedelta(days=COMMENT_DAYS + 1)


def start_problem(item, now):
    earliest = earliest_start(now)
    if item.task_start is not None and item.task_start < earliest:
        return Message(
            _("The task can start at the earliest on ${date}: the city publishes the offer within ${working} "
              "working days and for ${days} days of comments before deciding."),
            mapping={"date": earliest.strftime("%d.%m.%Y"), "working": PUBLISH_WORKING_DAYS, "days": COMMENT_DAYS},
        )
    return None


def submit(item, userid):
    if not acts_for(userid, item.organization_uid):
        raise SmallGrantError(403, _("Only a verified representative of the applicant may submit the offer."))
    if grant_state(item) != "draft":
        raise SmallGrantError(409, _("The offer has already been submitted."))
    now = clock.now()
    found = problems(item)
    late = start_problem(item, now)
    if late is not None:
        found.append(late)
    if found:
        raise SmallGrantError(400, found)
    year = clock.local(now).year
    used = used_in_year(item.organization_uid, year, exclude=item)
    if used + requested(item) > YEARLY_LIMIT:
        raise SmallGrantError(409, _limit_message(year, used))
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(item, transition="submit")
    item.submitted = now
    item.submitted_by = userid
    item.reindexObject()
    mail.send_after_commit(confirmation_mail(item, userid), staff_notice(item))


def _mail_mapping(item):
    org = organization(item)
    return {"title": item.title, "organization": org.title if org is not None else "",
            "date": clock.local(item.submitted).strftime("%d.%m.%Y %H:%M:%S"), "amount": requested(item),
            "url": item.absolute_url()}


def confirmation_mail(item, userid):
    """To the representative who submitted the offer."""
    subject = mail.t(_("Small grant offer submitted: ${title}"), {"title": item.title})
    body = mail.t(
        _("mail_small_grant_submitted", default=(
            "Good day,\n\nthe small grant offer \"${title}\" of ${organization} (${amount} zł) was received on "
            "${date}.\nThe City Hall publishes it for 7 days of public comments and decides after them.\n\n"
            "The offer: ${url}\n\nUrząd Miejski w Zabrzu"
        )),
        _mail_mapping(item),
    )
    return mail.message(mail.user_email(userid), subject, body)


def staff_notice(item):
    """To the City Hall's mailbox (the portal's sender address): an offer waits to be published."""
    to = api.portal.get_registry_record("plone.email_from_address", default="") or ""
    subject = mail.t(_("New small grant offer: ${title}"), {"title": item.title})
    body = mail.t(
        _("mail_small_grant_staff", default=(
            "A small grant offer (art. 19a) was submitted on ${date}:\n\"${title}\" of ${organization}, "
            "${amount} zł.\nPublish it for comments within 7 working days: ${url}"
        )),
        _mail_mapping(item),
    )
    return mail.message(to, subject, body)


def _staff(item):
    if not api.user.has_permission(MANAGE_PERMISSION, obj=item):
        raise SmallGrantError(403, _("Only the city staff publish and decide small grants."))


def publish(item):
    """The city publishes the offer: the 7 days for comments start now."""
    _staff(item)
    if grant_state(item) != "submitted":
        raise SmallGrantError(409, _("Only a submitted offer is published for comments."))
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(item, transition="publish")
    item.published = clock.now()
    item.reindexObject()


def comment(item, name, text, userid=None):
    if not commenting(item):
        raise SmallGrantError(409, _("Comments are accepted only during the 7 days of publication."))
    name, text = (name or "").strip(), (text or "").strip()
    if not name:
        raise SmallGrantError(400, _("Give your name or the name of your organisation."))
    if not text:
        raise SmallGrantError(400, _("Write the comment."))
    if len(name) > MAX_NAME or len(text) > MAX_COMMENT:
        raise SmallGrantError(400, Message(_("A comment has at most ${max} characters."),
                                           mapping={"max": MAX_COMMENT}))
    if getattr(item, "comments", None) is None:
        item.comments = PersistentList()
    entry = PersistentMapping({"id": uuid.uuid4().hex[:12], "date": clock.now(), "name": name, "text": text,
                               "userid": userid})
    item.comments.append(entry)
    return entry


def decide(item, result, amount=None, reason="", actor=None):
    """After the comment period: granted (an amount up to the requested one, within the yearly limit) or
    refused (with a reason)."""
    _staff(item)
    if grant_state(item) != "published":
        raise SmallGrantError(409, _("Only a published offer is decided."))
    if commenting(item):
        raise SmallGrantError(409, _("The offer is decided after the 7 days for comments."))
    reason = (reason or "").strip()
    now = clock.now()
    if result == "granted":
        try:
            value = costs_api.amount(amount)
        except ValueError:
            raise SmallGrantError(400, _("The amount is not a number.")) from None
        wanted = requested(item) or Decimal("0.00")
        if not Decimal("0.00") < value <= wanted:
            raise SmallGrantError(400, Message(_("The grant must be more than 0 and at most the requested "
                                                 "${requested} zł."), mapping={"requested": wanted}))
        year = clock.local(now).year
        used = used_in_year(item.organization_uid, year, pending=False, exclude=item)
        if used + value > YEARLY_LIMIT:
            raise SmallGrantError(409, _limit_message(year, used))
        transition = "grant"
    elif result == "refused":
        if not reason:
            raise SmallGrantError(400, _("Give the reason for the refusal."))
        value = None
        transition = "refuse"
    else:
        raise SmallGrantError(400, _("The decision is either granted or refused."))
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(item, transition=transition)
    item.decision = PersistentMapping({"result": result, "amount": value, "reason": reason, "date": now,
                                       "actor": actor})
    item.reindexObject()


def moderate(item, comment_id, action, reason, actor=None):
    """The city staff hide a public comment (e.g. offensive or personal data) or restore it, always with a
    reason; every change is logged (date, comment, action, reason, who). The comment's text is kept."""
    _staff(item)
    if action not in MODERATION_ACTIONS:
        raise SmallGrantError(400, _("The moderation action is either hide or restore."))
    entry = next((c for c in (getattr(item, "comments", None) or ()) if c["id"] == comment_id), None)
    if entry is None:
        raise SmallGrantError(404, _("There is no such comment."))
    reason = (reason or "").strip()
    if not reason:
        raise SmallGrantError(400, _("Give the reason of the moderation."))
    if len(reason) > MAX_REASON:
        raise SmallGrantError(400, Message(_("The reason has at most ${max} characters."),
                                           mapping={"max": MAX_REASON}))
    hide = action == "hide"
    if bool(entry.get("hidden")) == hide:
        raise SmallGrantError(409, _("The comment is already hidden.") if hide else _("The comment is not hidden."))
    entry["hidden"] = hide
    if getattr(item, "moderation_log", None) is None:
        item.moderation_log = PersistentList()
    item.moderation_log.append(PersistentMapping({"date": clock.now(), "comment": comment_id, "action": action,
                                                  "reason": reason, "actor": actor}))
    return entry
