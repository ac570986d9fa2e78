"""Permission matrix of the councils' notices and the editorial workflow: persona × action × workflow state, on notices of council A (and B).

council_a is an editor of Rada Dzielnicy Biskupice (A); "council_a_on_b" is the same person acting on
Rada Dzielnicy Zaborze (B). An action counts as possible when the user may see the item and the workflow
offers it (transitions) or the user has the permission (view, add, edit).
"""

from ezabrze.policy.testing.councils import create_notice
from ezabrze.policy.testing.personas import create_personas
from plone import api
from plone.app.testing import logout

import pytest


STATES = ("private", "pending", "published", "archived")
ALL = set(STATES)
PUBLIC = {"published", "archived"}
TRANSITIONS = {"publish": "publish", "retract": "retract", "archive": "archive", "send back": "reject"}
ACTIONS = ("view", "add notice", "edit", "publish", "retract", "archive", "send back")

NOBODY = {"view": PUBLIC}  # anonymous, residents, staff and other councils' editors
COUNCIL_EDITOR = {
    "view": ALL,
    "add notice": ALL,
    "edit": {"private", "pending", "published"},
    "publish": {"private", "pending"},
    "retract": {"published"},
    "archive": {"published"},
    "send back": {"pending"},
}
EXPECTED = {
    "anonymous": NOBODY,
    "resident": NOBODY,
    "staff": NOBODY,
    "council_a_on_b": NOBODY,
    "council_a": COUNCIL_EDITOR,
    # office editors may correct a notice but neither add nor publish one
    "editor": {"view": ALL, "edit": {"private", "published"}},
    "reviewer": {
        "view": {"pending", "published", "archived"},
        "edit": {"pending"},
        "publish": {"pending"},
        "retract": {"published"},
        "archive": {"published"},
        "send back": {"pending"},
    },
    "admin": {
        "view": ALL,
        "add notice": ALL,
        "edit": ALL,
        "publish": {"private", "pending"},
        "retract": {"published"},
        "archive": {"published"},
        "send back": {"pending"},
    },
}


def _actual(obj, council):
    wftool = api.portal.get_tool("portal_workflow")
    can_view = bool(api.user.has_permission("View", obj=obj))
    transitions = {t["id"] for t in wftool.getTransitionsFor(obj)} if can_view else set()
    result = {
        "view": can_view,
        "add notice": bool(api.user.has_permission("ezabrze.policy: Add Notice", obj=council))
        and "Notice" in [t.getId() for t in council.allowedContentTypes()],
        "edit": can_view and bool(api.user.has_permission("Modify portal content", obj=obj)),
    }
    for action, transition in TRANSITIONS.items():
        result[action] = transition in transitions
    return result


def _as(persona):
    if persona == "anonymous":
        logout()
        return None
    username = "council_a" if persona == "council_a_on_b" else persona
    return api.env.adopt_user(username=username)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_matrix(portal, persona, state):
    create_personas()
    section = portal["rady-dzielnic"]
    council = section["zaborze" if persona == "council_a_on_b" else "biskupice"]
    notice = create_notice(council, f"n-{state}", f"Ogłoszenie ({state})", state=state)
    assert api.content.get_state(notice) == state
    context = _as(persona)
    if context is None:
        actual = _actual(notice, council)
    else:
        with context:
            actual = _actual(notice, council)
    expected = {action: state in EXPECTED[persona].get(action, set()) for action in ACTIONS}
    assert actual == expected


@pytest.mark.parametrize("persona", ["council_a", "reviewer", "admin"])
def test_transitions_really_happen(portal, persona):
    """The matrix's "possible" is real: doing it works and leaves the expected state."""
    create_personas()
    council = portal["rady-dzielnic"]["biskupice"]
    steps = [("publish", "published"), ("archive", "archived")]
    notice = create_notice(council, "n-real", "Ogłoszenie", state="pending")
    with api.env.adopt_user(username=persona):
        api.content.transition(notice, transition="reject", comment="Popraw datę posiedzenia.")
        assert api.content.get_state(notice) == "private"
        api.content.transition(notice, transition="submit") if persona != "reviewer" else None
    if persona == "reviewer":
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(notice, transition="submit")
    with api.env.adopt_user(username=persona):
        for transition, state in steps:
            api.content.transition(notice, transition=transition, comment=f"{transition} przez {persona}")
            assert api.content.get_state(notice) == state


def test_council_editor_cannot_transition_another_councils_notice(portal):
    create_personas()
    notice = create_notice(portal["rady-dzielnic"]["zaborze"], "obce", "Obce", state="published")
    with api.env.adopt_user(username="council_a"):
        with pytest.raises(api.exc.InvalidParameterError):
            api.content.transition(notice, transition="retract")
    assert api.content.get_state(notice) == "published"


# --------------------------------------------------------------------------- office content (News Item)

OFFICE_ACTIONS = ("view", "edit", "submit", "publish", "retract", "archive", "send back")
OFFICE_TRANSITIONS = dict(TRANSITIONS, submit="submit")
AUTHOR = {"view": ALL, "edit": {"private", "published"}, "submit": {"private"}}
OFFICE_EXPECTED = {
    "anonymous": NOBODY,
    "resident": NOBODY,
    "staff": NOBODY,
    "council_a": NOBODY,  # a council editor has no say outside their council
    "editor": AUTHOR,  # the author (creator and owner)
    "editor2": AUTHOR,  # another office editor
    "reviewer": {
        "view": {"pending", "published", "archived"},
        "edit": {"pending"},
        "publish": {"pending"},
        "retract": {"published"},
        "archive": {"published"},
        "send back": {"pending"},
    },
    "admin": {
        "view": ALL,
        "edit": ALL,
        "submit": {"private"},
        "publish": {"private", "pending"},
        "retract": {"published"},
        "archive": {"published"},
        "send back": {"pending"},
    },
}


def _office_item(portal, state):
    with api.env.adopt_user(username="editor"):
        item = api.content.create(container=portal["aktualnosci"], type="News Item", id=f"w-{state}",
                                  title=f"Wiadomość ({state})")
        if state != "private":
            api.content.transition(item, transition="submit")
    with api.env.adopt_user(username="reviewer"):
        if state in ("published", "archived"):
            api.content.transition(item, transition="publish")
        if state == "archived":
            api.content.transition(item, transition="archive")
    return item


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("persona", sorted(OFFICE_EXPECTED))
def test_office_matrix(portal, persona, state):
    create_personas()
    item = _office_item(portal, state)
    assert api.content.get_state(item) == state

    def actual():
        wftool = api.portal.get_tool("portal_workflow")
        can_view = bool(api.user.has_permission("View", obj=item))
        transitions = {t["id"] for t in wftool.getTransitionsFor(item)} if can_view else set()
        result = {"view": can_view, "edit": can_view and bool(api.user.has_permission("Modify portal content",
                                                                                           obj=item))}
        for action, transition in OFFICE_TRANSITIONS.items():
            result[action] = transition in transitions
        return result

    if persona == "anonymous":
        logout()
        got = actual()
    else:
        with api.env.adopt_user(username=persona):
            got = actual()
    expected = {action: state in OFFICE_EXPECTED[persona].get(action, set()) for action in OFFICE_ACTIONS}
    assert got == expected
