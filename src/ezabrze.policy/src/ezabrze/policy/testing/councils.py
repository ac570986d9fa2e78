"""Builders for the tests of the district councils: notices in a given workflow state, meeting times."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from ezabrze.policy.utils import rich_text
from plone import api


def rich(html):
    return rich_text(html)


def today():
    return date.today()


def create_notice(council, id_, title="Ogłoszenie", category="announcement", valid_from=None, valid_until=None,
                  meeting_start=None, meeting_place=None, state="private", **kwargs):
    """A notice in ``council`` brought to ``state`` (as Manager)."""
    with api.env.adopt_roles(["Manager"]):
        notice = api.content.create(
            container=council,
            type="Notice",
            id=id_,
            title=title,
            text=rich(f"<p>{title}</p>"),
            notice_category=category,
            valid_from=valid_from or today() - timedelta(days=1),
            valid_until=valid_until,
            meeting_start=meeting_start,
            meeting_place=meeting_place,
            **kwargs,
        )
        notice.reindexObject()
        path = {
            "private": [],
            "pending": ["submit"],
            "published": ["publish"],
            "archived": ["publish", "archive"],
        }[state]
        for transition in path:
            api.content.transition(notice, transition=transition)
    return notice


def meeting_at(days, hour=17):
    day = date.today() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, 0)
