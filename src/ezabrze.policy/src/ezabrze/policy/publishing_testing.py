"""Test helpers of issue 4 (district councils, editorial workflow, BIP, intranet): personas and notices."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from ezabrze.policy import structure
from ezabrze.policy.districts import group_id
from plone import api
from plone.app.textfield.value import RichTextValue


PASSWORD = "secret-pass-4x"

# persona: (global roles, groups)
PERSONAS = {
    "resident": (["Member"], []),
    "council_a": (["Member"], [group_id("biskupice")]),
    "editor": (["Member", "Editor", "Contributor"], []),
    "editor2": (["Member", "Editor", "Contributor"], []),
    "reviewer": (["Member", "Reviewer"], []),
    "staff": (["Member"], [structure.STAFF_GROUP]),
    "admin": (["Member", "Site Administrator"], []),
}

FULLNAMES = {
    "resident": "Ala Mieszkanka",
    "council_a": "Piotr Radny",
    "editor": "Ewa Redaktorka",
    "editor2": "Marek Redaktor",
    "reviewer": "Jan Recenzent",
    "staff": "Zofia Pracownica",
    "admin": "Adam Administrator",
}


def create_personas():
    with api.env.adopt_roles(["Manager"]):
        for username, (roles, groups) in PERSONAS.items():
            if api.user.get(username=username) is None:
                api.user.create(
                    email=f"{username}@um.zabrze.pl",
                    username=username,
                    password=PASSWORD,
                    properties={"fullname": FULLNAMES[username]},
                )
                extra = [role for role in roles if role != "Member"]
                if extra:
                    api.user.grant_roles(username=username, roles=extra)
            for group in groups:
                api.group.add_user(groupname=group, username=username)


def rich(html):
    return RichTextValue(html, "text/html", "text/x-html-safe")


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
