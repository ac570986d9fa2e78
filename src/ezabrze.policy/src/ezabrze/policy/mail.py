"""Outgoing mail of the portal, shared by every feature (cases, ezabrze.ngo): settings and one sender.

Messages are built in Polish during the request (`translated`, `message`) and sent only after the transaction
has committed (`send_after_commit`): Products.MailHost's transactional sending would connect to the SMTP server
in the commit's vote, and a mail server that is down would then fail (and lose) what a resident or an NGO sent.
Each message is sent on its own (``immediate=True``) from an after-commit hook; a failure is logged, never
raised. Messages use CRLF line ends (email.policy.SMTP): with bare LF a message over 1000 bytes is one "line
too long" for an SMTP server.

Settings, taken from the environment with a local default:

EZABRZE_SMTP_HOST (localhost), EZABRZE_SMTP_PORT (25), EZABRZE_SMTP_USER, EZABRZE_SMTP_PASSWORD,
EZABRZE_MAIL_FROM (e-zabrze@um.zabrze.pl), EZABRZE_MAIL_FROM_NAME (Urząd Miejski w Zabrzu).
"""

from email import policy
from email.message import EmailMessage
from email.utils import formataddr
from email.utils import make_msgid
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.i18n import translate
from zope.i18nmessageid import Message

import logging
import os
import transaction


logger = logging.getLogger("ezabrze.policy.mail")

LANGUAGE = "pl"  # the city writes to residents and NGOs in Polish


DEFAULTS = {
    "smtp_host": ("EZABRZE_SMTP_HOST", "localhost"),
    "smtp_port": ("EZABRZE_SMTP_PORT", "25"),
    "smtp_userid": ("EZABRZE_SMTP_USER", ""),
    "smtp_pass": ("EZABRZE_SMTP_PASSWORD", ""),
    "email_from_address": ("EZABRZE_MAIL_FROM", "e-zabrze@um.zabrze.pl"),
    "email_from_name": ("EZABRZE_MAIL_FROM_NAME", "Urząd Miejski w Zabrzu"),
}


def mail_settings_from_environment(environ=None):
    environ = os.environ if environ is None else environ
    settings = {key: environ.get(var, default) for key, (var, default) in DEFAULTS.items()}
    try:
        settings["smtp_port"] = int(settings["smtp_port"])
    except ValueError:
        raise ValueError(
            f"EZABRZE_SMTP_PORT must be a number, got {settings['smtp_port']!r}"
        ) from None
    for key in ("smtp_userid", "smtp_pass"):
        settings[key] = settings[key] or None
    return settings


def configure_mail_from_environment(environ=None):
    """Write the mail settings to the registry (the mail control panel shows them)."""
    registry = getUtility(IRegistry)
    for key, value in mail_settings_from_environment(environ).items():
        registry[f"plone.{key}"] = value


def translated(message, mapping=None):
    """The Polish text of a message id; zope.i18n takes the mapping of a Message, not one passed beside it."""
    if mapping is not None:
        message = Message(message, mapping=mapping)
    return translate(message, target_language=LANGUAGE)


def message(to, subject, body):
    """An e-mail from the portal's sender to `to` (None when there is no address)."""
    if not to:
        return None
    from_address = api.portal.get_registry_record("plone.email_from_address", default="") or ""
    from_name = api.portal.get_registry_record("plone.email_from_name", default="") or ""
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = subject
    msg["From"] = formataddr((from_name, from_address)) if from_name else from_address
    msg["To"] = to
    msg["Message-ID"] = make_msgid(domain="zabrze.pl")
    msg.set_content(body, charset="utf-8")
    return msg


def _send(mailhost, messages):
    for msg in messages:
        try:
            mailhost.send(msg, immediate=True)
        except Exception:
            logger.exception("Could not send %r to %s", msg["Subject"], msg["To"])


def send_now(*messages):
    """Send the messages at once, each on its own; a failure is logged, never raised. For a caller whose
    data have already committed (a case stored in a transaction of its own, cases.creation)."""
    messages = [m for m in messages if m is not None]
    if messages:
        _send(api.portal.get_tool("MailHost"), messages)


def send_after_commit(*messages):
    """Send the messages once the current transaction has committed (never if it aborts)."""
    messages = [m for m in messages if m is not None]
    if not messages:
        return
    mailhost = api.portal.get_tool("MailHost")

    def send(status):
        if status:
            _send(mailhost, messages)

    transaction.get().addAfterCommitHook(send)
