"""Outgoing mail settings, taken from the environment with a local default.

EZABRZE_SMTP_HOST (localhost), EZABRZE_SMTP_PORT (25), EZABRZE_SMTP_USER, EZABRZE_SMTP_PASSWORD,
EZABRZE_MAIL_FROM (e-zabrze@um.zabrze.pl), EZABRZE_MAIL_FROM_NAME (Urząd Miejski w Zabrzu).
"""

from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import os


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
