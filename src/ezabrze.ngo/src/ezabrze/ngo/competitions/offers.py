"""Offers: created by a verified representative for the organization, private to its verified representatives
while a draft (local role GrantApplicant from ``localroles.py``), submitted once before the deadline.

Submission freezes the offer (workflow state ``submitted``: nobody may modify it), records the time, the person
and the SHA-256 checksum of its content (canonical JSON of every field of sections I-VII, the applicant and the
call), makes the offer as a PDF with the checksum printed (``store_pdf``) and sends the confirmation e-mail with
the PDF attached after commit. ``verify(offer)`` recomputes the checksum: a changed byte
of a frozen offer is detected. Two representatives submitting the same offer at once write the same object: ZODB
raises a conflict for the second, Zope retries it, and the retry finds the offer submitted (409).

Correction requests (formal evaluation) open only the named fields until their deadline; the corrected offer gets
a new checksum (the history of checksums is kept)."""

from datetime import date
from datetime import datetime
from decimal import Decimal
from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo import mail
from ezabrze.ngo.competitions import costs as costs_api
from ezabrze.ngo.competitions import OFFER_TYPE
from ezabrze.ngo.competitions import state
from ezabrze.ngo.competitions.content import IOffer
from ezabrze.ngo.competitions.vocabularies import STATEMENTS
from ezabrze.ngo.organizations import representatives as reps
from persistent.list import PersistentList
from plone import api
from zope.i18nmessageid import Message
from zope.schema import getFieldsInOrder

import hashlib
import json


FIELDS = [name for name, _field in getFieldsInOrder(IOffer)]
CORRECTABLE = tuple(name for name in FIELDS)


class OfferError(ValueError):
    """A refused action: status (HTTP) and a translatable message (or a list of them)."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def organization(offer):
    with api.env.adopt_roles(["Manager"]):
        return api.content.get(UID=offer.organization_uid) if offer.organization_uid else None


def call_of(offer):
    return offer.aq_parent


def offer_state(offer):
    return api.content.get_state(offer, default="draft")


def acts_for(userid, org_uid):
    return any(api.content.get_uuid(org) == org_uid for org in reps.acting_organizations(userid))


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def content(offer):
    """What the checksum covers: the call, the applicant, the title and every field of the template."""
    data = {"call": api.content.get_uuid(call_of(offer)), "organization": offer.organization_uid,
            "title": offer.title}
    for name in FIELDS:
        data[name] = _plain(getattr(offer, name, None))
    return data


def compute_checksum(offer):
    canonical = json.dumps(content(offer), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def verify(offer):
    """True when the frozen offer still has the checksum recorded at submission (or its last correction)."""
    return bool(offer.checksum) and compute_checksum(offer) == offer.checksum


def cost_summary(offer):
    call = call_of(offer)
    return costs_api.check(offer.costs or [], offer.split or [], max_grant=call.max_grant,
                           own_percent=call.own_contribution_percent,
                           joint=bool((offer.joint_applicants or "").strip()))


def requested(offer):
    try:
        return cost_summary(offer)["grant"]
    except costs_api.CostError:
        return None


def create(call, userid, org, title, **fields):
    """A draft offer of `org` in `call` by its verified representative `userid`."""
    if not acts_for(userid, api.content.get_uuid(org)):
        raise OfferError(403, _("Only a verified representative of a verified organisation may submit offers."))
    if not state.accepting(call):
        raise OfferError(409, _("The call does not accept offers (the deadline has passed or it is not "
                                "announced)."))
    if not (title or "").strip():
        raise OfferError(400, _("Give the title of the task."))
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise OfferError(400, Message(_("Unknown fields: ${fields}."), mapping={"fields": ", ".join(sorted(unknown))}))
    with api.env.adopt_roles(["Manager"]):
        offer = api.content.create(container=call, type=OFFER_TYPE, title=title.strip(), safe_id=True,
                                   **fields)
        offer.organization_uid = api.content.get_uuid(org)
        offer.checksums = PersistentList()
        offer.manage_setLocalRoles(userid, ["Owner"])
        offer.reindexObjectSecurity()
    return offer


def update(offer, userid, fields):
    """Change a draft (by a representative of its organization) while the call accepts offers."""
    if not acts_for(userid, offer.organization_uid):
        raise OfferError(403, _("Only a verified representative of the applicant may change the offer."))
    if offer_state(offer) != "draft":
        raise OfferError(409, _("A submitted offer cannot be changed."))
    if not state.accepting(call_of(offer)):
        raise OfferError(409, _("The offer deadline has passed: the offer cannot be changed."))
    unknown = set(fields) - set(FIELDS) - {"title"}
    if unknown:
        raise OfferError(400, Message(_("Unknown fields: ${fields}."), mapping={"fields": ", ".join(sorted(unknown))}))
    for name, value in fields.items():
        setattr(offer, name, value)
    offer.reindexObject()


def submission_problems(offer):
    problems = []
    for name in ("contact_person", "task_start", "task_end", "task_description", "task_place", "schedule",
                 "expected_results", "resources", "experience"):
        if getattr(offer, name, None) in (None, ""):
            problems.append(Message(_("Fill in the field: ${field}."), mapping={"field": IOffer[name].title}))
    if offer.task_start and offer.task_end and offer.task_end < offer.task_start:
        problems.append(_("The task cannot end before it starts."))
    missing = [value for value, _title in STATEMENTS if value not in (offer.statements or [])]
    if missing:
        problems.append(_("Confirm every statement of section VII."))
    try:
        cost_summary(offer)
    except costs_api.CostError as error:
        problems.extend(error.args[0])
    return problems


def submit(offer, userid):
    """Freeze the offer: state submitted, time, checksum; the confirmation e-mail after commit."""
    if not acts_for(userid, offer.organization_uid):
        raise OfferError(403, _("Only a verified representative of the applicant may submit the offer."))
    if offer_state(offer) != "draft":
        raise OfferError(409, _("The offer has already been submitted."))
    now = clock.now()
    if not state.accepting(call_of(offer), now):
        raise OfferError(409, _("The offer deadline has passed: the offer cannot be submitted."))
    problems = submission_problems(offer)
    if problems:
        raise OfferError(400, problems)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(offer, transition="submit")
    offer.submitted = now
    offer.submitted_by = userid
    offer.checksum = compute_checksum(offer)
    if getattr(offer, "checksums", None) is None:
        offer.checksums = PersistentList()
    offer.checksums.append({"date": now, "checksum": offer.checksum, "reason": "submitted"})
    store_pdf(offer)
    offer.reindexObject()
    mail.send_after_commit(confirmation_mail(offer, userid))
    return offer.checksum


def store_pdf(offer):
    """The offer on the template as a PDF with its checksum printed, made now and kept with the offer."""
    from ezabrze.ngo.competitions.browser.views import OfferPrint
    from plone.namedfile.file import NamedBlobFile
    from zope.globalrequest import getRequest

    data = OfferPrint(offer, getRequest()).pdf()
    offer.pdf = NamedBlobFile(data=data, contentType="application/pdf", filename=f"oferta-{offer.getId()}.pdf")


def confirmation_mail(offer, userid):
    org = organization(offer)
    subject = mail.t(_("Offer submitted: ${title}"), {"title": offer.title})
    body = mail.t(
        _("mail_offer_submitted", default=(
            "Good day,\n\nthe offer \"${title}\" of ${organization} in the competition \"${call}\" was submitted "
            "on ${date}.\nChecksum (SHA-256): ${checksum}\n\nThe offer: ${url}\n\nUrząd Miejski w Zabrzu"
        )),
        {"title": offer.title, "organization": org.title if org is not None else "", "call": call_of(offer).title,
         "date": clock.local(offer.submitted).strftime("%d.%m.%Y %H:%M:%S"), "checksum": offer.checksum,
         "url": offer.absolute_url()},
    )
    msg = mail.message(mail.user_email(userid), subject, body)
    if msg is not None and offer.pdf is not None:
        msg.add_attachment(offer.pdf.data, maintype="application", subtype="pdf", filename=offer.pdf.filename)
    return msg


# ------------------------------------------------------------------ corrections (formal evaluation)

def request_correction(offer, items, deadline, note=""):
    items = [item for item in (items or []) if item in CORRECTABLE]
    if not items:
        raise OfferError(400, _("Name the items to be corrected."))
    if offer_state(offer) != "submitted" or state.call_state(call_of(offer)) != "formal":
        raise OfferError(409, _("Corrections are requested during the formal evaluation of a submitted offer."))
    if clock.aware(deadline) <= clock.now():
        raise OfferError(400, _("The correction deadline must be in the future."))
    offer.correction = {"items": list(items), "deadline": clock.utc(deadline), "note": note, "done": None}


def correct(offer, userid, fields):
    """A representative changes only the named items before the correction deadline; a new checksum."""
    if not acts_for(userid, offer.organization_uid):
        raise OfferError(403, _("Only a verified representative of the applicant may correct the offer."))
    correction = getattr(offer, "correction", None)
    if not correction or correction.get("done"):
        raise OfferError(409, _("No correction was requested for this offer."))
    if clock.now() >= clock.aware(correction["deadline"]):
        raise OfferError(409, _("The correction deadline has passed."))
    others = set(fields) - set(correction["items"])
    if others:
        raise OfferError(403, Message(_("Only these items may be corrected: ${items}."),
                                      mapping={"items": ", ".join(correction["items"])}))
    old = {name: getattr(offer, name, None) for name in fields}
    for name, value in fields.items():
        setattr(offer, name, value)
    problems = submission_problems(offer)
    if problems:
        for name, value in old.items():
            setattr(offer, name, value)
        raise OfferError(400, problems)
    offer.checksum = compute_checksum(offer)
    offer.checksums.append({"date": clock.now(), "checksum": offer.checksum, "reason": "corrected"})
    offer.correction = dict(correction, done=clock.now())
    store_pdf(offer)
    offer.reindexObject()
    return offer.checksum
