"""The people of the permission tests, defined once: who they are, their roles and groups."""

from ezabrze.policy import structure
from ezabrze.policy.cases import UNIT_GROUP_PREFIX
from ezabrze.policy.cases.api import ensure_unit_group
from ezabrze.policy.councils.content import group_id
from plone import api


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
    # staff of two units (case handlers: members of the units' groups `unit-<unit id>`)
    "staff-a": (["Member"], ["unit-biuro-obslugi-mieszkancow"]),
    "staff-b": (["Member"], ["unit-wydzial-organizacyjny"]),
    "siteadmin": (["Member", "Site Administrator"], []),
}

FULLNAMES = {
    "resident": "Ala Mieszkanka",
    "council_a": "Piotr Radny",
    "editor": "Ewa Redaktorka",
    "editor2": "Marek Redaktor",
    "reviewer": "Jan Recenzent",
    "staff": "Zofia Pracownica",
    "admin": "Adam Administrator",
    "staff-a": "Anna Urzędniczka",
    "staff-b": "Bartosz Urzędnik",
    "siteadmin": "Sylwia Administratorka",
}


def create_personas(names=None):
    """Create the personas (all, or those named) with their roles and add them to their groups (a missing unit
    group is created as the unit set-up would; council groups come from the councils' set-up)."""
    with api.env.adopt_roles(["Manager"]):
        for username in names or PERSONAS:
            roles, groups = PERSONAS[username]
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
                if group.startswith(UNIT_GROUP_PREFIX):
                    ensure_unit_group(group[len(UNIT_GROUP_PREFIX):])
                api.group.add_user(groupname=group, username=username)
