"""E-mails of the cases: built during the request, sent only after the transaction has committed.

Products.MailHost's transactional sending connects to the SMTP server in the commit's vote: a mail server
that is down would then fail (and lose) the submission. Here the case is committed first; each message is
then sent on its own (``immediate=True``) from an after-commit hook, and a failure is logged, never raised.
The resident has already seen the sign and the tracking code on the screen.
"""

from email.message import EmailMessage
from email.utils import formataddr
from email.utils import make_msgid
from ezabrze.policy import _
from plone import api
from zope.i18n import translate
from zope.i18nmessageid import Message

import logging
import transaction


logger = logging.getLogger("ezabrze.policy.cases")

LANGUAGE = "pl"  # the city writes to residents in Polish


def _t(message, mapping=None):
    # zope.i18n.translate takes the mapping of a Message, not the one passed beside it: bind it first.
    if mapping is not None:
        message = Message(message, mapping=mapping)
    return translate(message, target_language=LANGUAGE)


def _message(to, subject, body):
    if not to:
        return None
    from_address = api.portal.get_registry_record("plone.email_from_address", default="") or ""
    from_name = api.portal.get_registry_record("plone.email_from_name", default="") or ""
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = formataddr((from_name, from_address)) if from_name else from_address
    msg["To"] = to
    msg["Message-ID"] = make_msgid(domain="zabrze.pl")
    msg.set_content(body, charset="utf-8")
    return msg


def _status_url():
    return api.portal.get().absolute_url() + "/@@status-sprawy"


def confirmation(case, code):
    from ezabrze.policy.cases.api import unit_title

    subject = _t(
        _("mail_confirmation_subject", default="Confirmation of your submission: case ${sign}"),
        {"sign": case.sign},
    )
    body = _t(
        _(
            "mail_confirmation_body",
            default=(
                "Good day,\n\nwe have registered your submission \"${form}\".\n\n"
                "Case sign: ${sign}\nTracking code: ${code}\nHandled by: ${unit}\nAnswer due by: ${due}\n\n"
                "Keep the tracking code: with the sign it lets you check the status of the case at\n${url}\n"
                "The code is shown only once and we do not keep it, so we cannot send it again.\n\n"
                "Urząd Miejski w Zabrzu"
            ),
        ),
        {
            "form": case.form_title or "",
            "sign": case.sign,
            "code": code,
            "unit": unit_title(case.unit_id) if case.unit_id else "Urząd Miejski w Zabrzu",
            "due": case.due_date.strftime("%d.%m.%Y") if case.due_date else "",
            "url": _status_url(),
        },
    )
    return _message(case.requester_email, subject, body)


def unit_notification(case):
    from ezabrze.policy.cases.api import find_unit

    unit = find_unit(case.unit_id)
    to = getattr(unit, "email", None) if unit is not None else None
    subject = _t(
        _("mail_unit_subject", default="New case ${sign}: ${form}"),
        {"sign": case.sign, "form": case.form_title or ""},
    )
    body = _t(
        _(
            "mail_unit_body",
            default=(
                "A new case was registered for your unit.\n\nSign: ${sign}\nForm: ${form}\n"
                "Due by: ${due}\n\n${url}\n\nThe personal data are in the portal only."
            ),
        ),
        {
            "sign": case.sign,
            "form": case.form_title or "",
            "due": case.due_date.strftime("%d.%m.%Y") if case.due_date else "",
            "url": case.absolute_url(),
        },
    )
    return _message(to, subject, body)


def status_change(case, state, public_comment=""):
    from ezabrze.policy.cases.api import state_title

    state_text = _t(state_title(state))
    subject = _t(
        _("mail_status_subject", default="Case ${sign}: ${state}"), {"sign": case.sign, "state": state_text}
    )
    comment = ""
    if public_comment:
        comment = _t(_("mail_status_comment", default="Comment:")) + "\n" + public_comment + "\n\n"
    body = _t(
        _(
            "mail_status_body",
            default=(
                "Good day,\n\nthe status of case ${sign} has changed to: ${state}.\n\n${comment}"
                "Check the case with its sign and tracking code at\n${url}\n\nUrząd Miejski w Zabrzu"
            ),
        ),
        {"sign": case.sign, "state": state_text, "comment": comment, "url": _status_url()},
    )
    return _message(case.requester_email, subject, body)


def after_commit(*messages):
    """Send the messages once the current transaction has committed (never if it aborts)."""
    messages = [m for m in messages if m is not None]
    if not messages:
        return
    mailhost = api.portal.get_tool("MailHost")

    def send(status):
        if not status:
            return
        for message in messages:
            try:
                mailhost.send(message, immediate=True)
            except Exception:
                logger.exception("Could not send %r to %s", message["Subject"], message["To"])

    transaction.get().addAfterCommitHook(send)
