"""E-mails of ezabrze.ngo: built in Polish during the request, sent by ezabrze.policy's after-commit sender
(never when the transaction aborts; a mail server that is down never loses a remark or a registration)."""

from email import policy
from email.message import EmailMessage
from email.utils import formataddr
from email.utils import make_msgid
from ezabrze.policy.cases.mail import after_commit
from plone import api
from zope.i18n import translate
from zope.i18nmessageid import Message


LANGUAGE = "pl"


def t(message, mapping=None):
    if mapping is not None:
        message = Message(message, mapping=mapping)
    return translate(message, target_language=LANGUAGE)


def message(to, subject, body):
    if not to:
        return None
    from_address = api.portal.get_registry_record("plone.email_from_address", default="") or ""
    from_name = api.portal.get_registry_record("plone.email_from_name", default="") or ""
    # CRLF line ends (policy.SMTP): MailHost sends the bytes as they are, and an SMTP server reads lines by CRLF;
    # with bare LF a message over 1000 bytes is one "line too long" (aiosmtpd answers 500).
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = subject
    msg["From"] = formataddr((from_name, from_address)) if from_name else from_address
    msg["To"] = to
    msg["Message-ID"] = make_msgid(domain="zabrze.pl")
    msg.set_content(body, charset="utf-8")
    return msg


def send_after_commit(*messages):
    after_commit(*messages)


def user_email(userid):
    user = api.user.get(userid=userid)
    if user is None:
        return ""
    return user.getProperty("email", "") or ""


def user_fullname(userid):
    user = api.user.get(userid=userid)
    if user is None:
        return ""
    return user.getProperty("fullname", "") or ""
