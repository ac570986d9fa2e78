"""Plausible dates for the portal's date fields: 1990-01-01 to 2100-12-31.

Dates far outside break more than they say: before 1915 the Warsaw time zone is local mean time (+01:24),
which DateTime and the calendar feeds mishandle, and around the year 9999 date arithmetic overflows. A field
with ``constraint=plausible_date`` refuses such a value with a Polish message in
forms and REST (400) alike.
"""

from datetime import date
from datetime import datetime
from ezabrze.policy import _
from zope.schema import ValidationError


FIRST = date(1990, 1, 1)
LAST = date(2100, 12, 31)


class DateOutOfRange(ValidationError):
    __doc__ = _("date_out_of_range", default="Give a date between 1990 and 2100.")


def plausible_date(value):
    if value is None:
        return True
    day = value.date() if isinstance(value, datetime) else value
    if not FIRST <= day <= LAST:
        raise DateOutOfRange(value)
    return True


