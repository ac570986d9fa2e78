"""The effective settings of the directory: environment variables first, then the registry (control panel)."""

from dataclasses import dataclass
from dataclasses import field
from ezabrze.policy.directory import SETTINGS_PREFIX
from ezabrze.policy.directory.interfaces import DEFAULT_GROUP_RULES
from ezabrze.policy.directory.interfaces import DEFAULT_STAFF_ATTRIBUTES
from ezabrze.policy.directory.interfaces import IDirectorySettings
from plone import api
from plone.api.exc import InvalidParameterError

import os


ENVIRONMENT = {
    "url": "EZABRZE_DIRECTORY_URL",
    "bind_dn": "EZABRZE_DIRECTORY_BIND_DN",
    "bind_password": "EZABRZE_DIRECTORY_BIND_PASSWORD",
    "start_tls": "EZABRZE_DIRECTORY_START_TLS",
    "users_base": "EZABRZE_DIRECTORY_USERS_BASE",
    "users_filter": "EZABRZE_DIRECTORY_USERS_FILTER",
    "login_attribute": "EZABRZE_DIRECTORY_LOGIN_ATTRIBUTE",
    "id_attribute": "EZABRZE_DIRECTORY_ID_ATTRIBUTE",
    "rdn_attribute": "EZABRZE_DIRECTORY_RDN_ATTRIBUTE",
    "groups_base": "EZABRZE_DIRECTORY_GROUPS_BASE",
    "groups_filter": "EZABRZE_DIRECTORY_GROUPS_FILTER",
    "timeout_seconds": "EZABRZE_DIRECTORY_TIMEOUT",
    "cache_seconds": "EZABRZE_DIRECTORY_CACHE_SECONDS",
    "retry_seconds": "EZABRZE_DIRECTORY_RETRY_SECONDS",
}

TRUE = ("1", "true", "yes", "on", "tak")


@dataclass(frozen=True)
class Settings:
    url: str = ""
    bind_dn: str = ""
    bind_password: str = ""
    start_tls: bool = False
    users_base: str = ""
    users_filter: str = "(objectClass=inetOrgPerson)"
    login_attribute: str = "uid"
    id_attribute: str = "uid"
    rdn_attribute: str = "uid"
    groups_base: str = ""
    groups_filter: str = "(objectClass=groupOfNames)"
    group_rules: tuple = field(default=tuple(DEFAULT_GROUP_RULES))
    staff_attributes: tuple = field(default=tuple(DEFAULT_STAFF_ATTRIBUTES))
    timeout_seconds: int = 5
    cache_seconds: int = 300
    retry_seconds: int = 60

    @property
    def active(self):
        """A directory is configured: its URL and where the staff are."""
        return bool(self.url and self.users_base)

    def staff_attribute_map(self):
        """{staff directory field: directory attribute}"""
        result = {}
        for line in self.staff_attributes:
            if "=" in line:
                name, attribute = (part.strip() for part in line.split("=", 1))
                if name and attribute:
                    result[name] = attribute
        return result


def _registry_value(name):
    try:
        return api.portal.get_registry_record(f"{SETTINGS_PREFIX}.{name}", default=None)
    except (InvalidParameterError, api.exc.CannotGetPortalError):
        return None


def _convert(name, text):
    kind = IDirectorySettings[name]
    if name == "start_tls":
        return text.strip().lower() in TRUE
    if kind.__class__.__name__ == "Int":
        try:
            return int(text)
        except ValueError:
            return None
    return text.strip()


def current():
    """The settings in force now (read on every call: the control panel's changes apply at once)."""
    values = {}
    for name in IDirectorySettings.names(all=True):
        value = None
        variable = ENVIRONMENT.get(name)
        if variable and os.environ.get(variable, "").strip():
            value = _convert(name, os.environ[variable])
        if value is None:
            value = _registry_value(name)
        if value is None:
            continue
        if isinstance(value, list):
            value = tuple(value)
        values[name] = value
    return Settings(**values)
