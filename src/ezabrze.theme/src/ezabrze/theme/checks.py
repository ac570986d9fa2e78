"""Plain checks of Polish contact data, shared by the theme's settings and ezabrze.policy's content types.

Each takes a string and answers True or False; the callers raise their own, field-specific messages.
(ezabrze.policy depends on ezabrze.theme, so this lowest package holds them.)
"""

from urllib.parse import urlsplit

import re


POSTAL_CODE_RE = re.compile(r"^\d{2}-\d{3}$")
# Deliberately simple: one "@", no spaces, a dot in the domain, no dot at either end of a part.
EMAIL_RE = re.compile(r"^[^@\s]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
PHONE_RE = re.compile(r"^\+?[\d ()-]{6,25}$")


def is_postal_code(value):
    """NN-NNN, e.g. 41-800."""
    return bool(POSTAL_CODE_RE.match(value or ""))


def is_email(value):
    value = value or ""
    local = value.split("@")[0]
    return bool(EMAIL_RE.match(value)) and not (local.startswith(".") or local.endswith(".") or ".." in value)


def is_web_address(value):
    """A full http(s) address with a host name and no spaces."""
    try:
        parts = urlsplit(value or "")
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in value


def is_phone(value):
    value = value or ""
    return bool(PHONE_RE.match(value)) and sum(c.isdigit() for c in value) >= 6
