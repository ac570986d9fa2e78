"""E-mails of ezabrze.ngo, built and sent by ezabrze.policy.mail (in Polish, after the commit: a mail server that
is down never loses a remark or a registration). The names here are what the NGO features and their tests use."""

from ezabrze.policy.mail import message as build_message
from ezabrze.policy.mail import send_after_commit as after_commit
from ezabrze.policy.mail import translated
from plone import api


def t(message, mapping=None):
    return translated(message, mapping)


def message(to, subject, body):
    return build_message(to, subject, body)


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
