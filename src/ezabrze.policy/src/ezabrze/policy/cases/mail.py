"""E-mails of the cases, sent after the case has committed by ezabrze.policy.mail (the resident has already seen
the sign and the tracking code on the screen when a mail server is down)."""

from ezabrze.policy import _
from ezabrze.policy.mail import message
from ezabrze.policy.mail import translated
from plone import api


def _status_url():
    return api.portal.get().absolute_url() + "/@@status-sprawy"


def confirmation(case, code):
    """``case``: a Case or the ``cases.api.CreatedCase`` of a new one (sign, form_title, unit_id, due_date,
    requester_email, absolute_url()); the same for unit_notification."""
    from ezabrze.policy.cases.api import unit_title

    subject = translated(
        _("mail_confirmation_subject", default="Confirmation of your submission: case ${sign}"),
        {"sign": case.sign},
    )
    body = translated(
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
    return message(case.requester_email, subject, body)


def unit_notification(case):
    from ezabrze.policy.cases.api import find_unit

    unit = find_unit(case.unit_id)
    to = getattr(unit, "email", None) if unit is not None else None
    subject = translated(
        _("mail_unit_subject", default="New case ${sign}: ${form}"),
        {"sign": case.sign, "form": case.form_title or ""},
    )
    body = translated(
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
    return message(to, subject, body)


def status_change(case, state, public_comment=""):
    from ezabrze.policy.cases.api import state_title

    state_text = translated(state_title(state))
    subject = translated(
        _("mail_status_subject", default="Case ${sign}: ${state}"), {"sign": case.sign, "state": state_text}
    )
    comment = ""
    if public_comment:
        comment = translated(_("mail_status_comment", default="Comment:")) + "\n" + public_comment + "\n\n"
    body = translated(
        _(
            "mail_status_body",
            default=(
                "Good day,\n\nthe status of case ${sign} has changed to: ${state}.\n\n${comment}"
                "Check the case with its sign and tracking code at\n${url}\n\nUrząd Miejski w Zabrzu"
            ),
        ),
        {"sign": case.sign, "state": state_text, "comment": comment, "url": _status_url()},
    )
    return message(case.requester_email, subject, body)


