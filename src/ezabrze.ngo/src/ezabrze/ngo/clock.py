"""The one clock of ezabrze.ngo: every date rule (consultation periods, the end enforced to the second) asks
``now()``. Tests freeze it by replacing ``ezabrze.ngo.clock.now``; nothing else reads the system time."""

from datetime import date
from datetime import datetime
from datetime import timedelta
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


def _easter(year):
    """Easter Sunday of `year` (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month = (h + ell - 7 * m + 90) // 25
    day = (h + ell - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def public_holidays(year):
    """The statutory days off work in Poland (ustawa o dniach wolnych od pracy, with 24 December from 2025)."""
    easter = _easter(year)
    fixed = [(1, 1), (1, 6), (5, 1), (5, 3), (8, 15), (11, 1), (11, 11), (12, 25), (12, 26)]
    if year >= 2025:
        fixed.append((12, 24))
    days = {date(year, month, day) for month, day in fixed}
    days |= {easter, easter + timedelta(days=1), easter + timedelta(days=49), easter + timedelta(days=60)}
    return days


def is_working_day(day):
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(day, count):
    """The date `count` working days (Monday to Friday, not a public holiday) after `day`."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day
