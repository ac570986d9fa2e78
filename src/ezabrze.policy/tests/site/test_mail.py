from ezabrze.policy.mail import configure_mail_from_environment
from ezabrze.policy.mail import mail_settings_from_environment
from plone import api

import pytest


def test_local_defaults():
    settings = mail_settings_from_environment({})
    assert settings["smtp_host"] == "localhost"
    assert settings["smtp_port"] == 25
    assert settings["smtp_userid"] is None
    assert settings["email_from_name"] == "Urząd Miejski w Zabrzu"


def test_environment_wins():
    settings = mail_settings_from_environment(
        {"EZABRZE_SMTP_HOST": "smtp.um.zabrze.pl", "EZABRZE_SMTP_PORT": "587", "EZABRZE_SMTP_USER": "portal"}
    )
    assert (settings["smtp_host"], settings["smtp_port"], settings["smtp_userid"]) == (
        "smtp.um.zabrze.pl",
        587,
        "portal",
    )


def test_bad_port_is_a_clear_error():
    with pytest.raises(ValueError, match="EZABRZE_SMTP_PORT"):
        mail_settings_from_environment({"EZABRZE_SMTP_PORT": "dwadzieścia"})


def test_registry_gets_the_settings(portal):
    configure_mail_from_environment({"EZABRZE_SMTP_HOST": "127.0.0.1", "EZABRZE_SMTP_PORT": "8025"})
    assert api.portal.get_registry_record("plone.smtp_host") == "127.0.0.1"
    assert api.portal.get_registry_record("plone.smtp_port") == 8025
    assert api.portal.get_registry_record("plone.email_from_address") == "e-zabrze@um.zabrze.pl"
