"""The one clock of ezabrze.ngo: every date rule (consultation periods, the end enforced to the second) asks
``now()``. Tests freeze it by replacing ``ezabrze.ngo.clock.now``; nothing else reads the system time."""

from datetime import datetime
from datetime import UTC
from zoneinfo import ZoneInfo


LOCAL = ZoneInfo("Europe/Warsaw")


def now():
    return datetime.now(UTC)


def aware(value):
    """A datetime with a time zone: naive values (as the edit form stores them) are Warsaw local time."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=LOCAL)
    return value


def local(value):
    return aware(value).astimezone(LOCAL) if value is not None else None


def utc(value):
    """The value as a UTC datetime (what is stored: a ZoneInfo does not pickle into the ZODB)."""
    return aware(value).astimezone(UTC) if value is not None else None
