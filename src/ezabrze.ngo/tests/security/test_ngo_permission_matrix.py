"""Permission matrix: every action of the NGO features x every persona x the states where it matters.

Personas (ezabrze.ngo.testing.make_personas): anonymous, resident, representatives of NGO A and NGO B, an
unverified representative (of A), a moderator (group ngo-moderatorzy), the responsible unit's staff (group
unit-<id>, local role ConsultationStaff), an editor and a site administrator."""

from datetime import timedelta
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.outcome import set_adopted
from ezabrze.ngo.consultations.setup import folder
from ezabrze.ngo.testing import make_consultation
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import PERSONAS
from plone import api

import pytest


STATES = ("draft", "scheduled", "open", "closed", "report_published")
EVERYONE = set(PERSONAS)
MANAGERS = {"editor", "site_admin"}

# state -> personas with View / Modify portal content on a consultation
VIEW = {"draft": {"staff"} | MANAGERS, **dict.fromkeys(STATES[1:], EVERYONE)}
MODIFY = {"draft": {"staff"} | MANAGERS, "scheduled": MANAGERS, "open": MANAGERS, "closed": MANAGERS,
          "report_published": {"site_admin"}}
PERMISSIONS = {
    "ezabrze.ngo: Answer remarks": {"staff", "site_admin"},
    "ezabrze.ngo: Moderate remarks": {"moderator", "site_admin"},
    "ezabrze.ngo: Export remarks": {"staff", "moderator"} | MANAGERS,
    "ezabrze.ngo: Manage consultations": MANAGERS,
    "ezabrze.ngo: Manage organizations": MANAGERS,
    "ezabrze.ngo: Add Consultation": MANAGERS,
    "ezabrze.ngo: Add Organization": MANAGERS,
    "ezabrze.ngo: Run consultation clock": set(),
}


@pytest.fixture
def consultations(portal, world, frozen):
    """One consultation per state (the clock is at NOW)."""
    result = {}
    day = timedelta(days=1)
    with api.env.adopt_roles(["Manager"]):
        result["draft"] = make_consultation(folder(), NOW + day, NOW + 8 * day, id_="c-draft", state="draft")
        result["scheduled"] = make_consultation(folder(), NOW + day, NOW + 8 * day, id_="c-scheduled")
        result["open"] = make_consultation(folder(), NOW - day, NOW + 7 * day, id_="c-open")
        for name in ("closed", "report_published"):
            result[name] = make_consultation(folder(), NOW - 9 * day, NOW - day, id_=f"c-{name}")
        state.sync()
        api.content.transition(result["report_published"], transition="publish_report")
    assert {name: state.effective_state(c) for name, c in result.items()} == {name: name for name in result}
    return result


def who(login_as, check):
    allowed = set()
    for persona in PERSONAS:
        login_as(persona)
        if check():
            allowed.add(persona)
    return allowed


@pytest.mark.parametrize("state_name", STATES)
def test_view_and_modify_by_state(consultations, login_as, state_name):
    c = consultations[state_name]
    assert who(login_as, lambda: api.user.has_permission("View", obj=c)) == VIEW[state_name]
    assert who(login_as, lambda: api.user.has_permission("Modify portal content", obj=c)) == MODIFY[state_name]


@pytest.mark.parametrize("permission", sorted(PERMISSIONS))
def test_custom_permissions(consultations, login_as, permission):
    c = consultations["open"]
    assert who(login_as, lambda: api.user.has_permission(permission, obj=c)) == PERMISSIONS[permission]


def test_staff_of_another_unit_has_no_role(consultations, login_as):
    with api.env.adopt_roles(["Manager"]):
        consultations["open"].responsible_unit = "inny-wydzial"
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        notify(ObjectModifiedEvent(consultations["open"]))
    login_as("staff")
    assert not api.user.has_permission("ezabrze.ngo: Answer remarks", obj=consultations["open"])


def _try(call):
    try:
        call()
    except remarks_api.RemarkError as error:
        return error.status
    return "ok"


def _remark(c, unit_id="par-1"):
    return {"unit_id": unit_id, "proposed_wording": "Nowe.", "justification": "Bo tak."}


@pytest.mark.parametrize(
    "participation,expected",
    [
        ("ngo", {"anonymous": 401, "resident": 403, "rep_a": "ok", "rep_b": "ok", "unverified": 403,
                 "moderator": 403, "staff": 403, "editor": 403, "site_admin": 403}),
        ("ngo_residents", {"anonymous": 401, **{p: "ok" for p in PERSONAS if p != "anonymous"}}),
    ],
)
def test_post_a_remark_by_persona_when_open(consultations, login_as, participation, expected):
    c = consultations["open"]
    c.participation = participation
    result = {}
    for persona in PERSONAS:
        login_as(persona)
        result[persona] = _try(lambda: remarks_api.add(c, _remark(c)))
    assert result == expected


@pytest.mark.parametrize("state_name", ["draft", "scheduled", "closed", "report_published"])
def test_nobody_posts_outside_the_open_state(consultations, login_as, state_name):
    c = consultations[state_name]
    c.participation = "ngo_residents"
    result = {}
    for persona in PERSONAS:
        login_as(persona)
        result[persona] = _try(lambda: remarks_api.add(c, _remark(c)))
    assert set(result.values()) == {409}


def test_report_moderate_answer_adopt_by_persona(consultations, login_as, frozen):
    c = consultations["open"]
    login_as("rep_a")
    remark = remarks_api.add(c, _remark(c))
    report = {}
    moderate = {}
    answer = {}
    for persona in PERSONAS:
        login_as(persona)
        report[persona] = _try(lambda: remarks_api.report(c, remark.id, "off_topic"))
        moderate[persona] = _try(lambda: remarks_api.moderate(c, remark.id, "hide", "powód"))
        if moderate[persona] == "ok":
            remarks_api.moderate(c, remark.id, "restore", "powód")
        answer[persona] = _try(lambda: remarks_api.prepare_answer(c, remark.id, "accepted", "Tak."))
    assert {p for p, r in report.items() if r == "ok"} == {"rep_b"}
    assert report["rep_a"] == 409 and report["anonymous"] == 401 and report["resident"] == 403
    assert {p for p, r in moderate.items() if r == "ok"} == PERMISSIONS["ezabrze.ngo: Moderate remarks"]
    assert {p for p, r in answer.items() if r == "ok"} == PERMISSIONS["ezabrze.ngo: Answer remarks"]
    assert set(moderate.values()) == {"ok", 403} and set(answer.values()) == {"ok", 403}


def test_adopted_text_only_in_closed_state(consultations, login_as):
    results = {name: _try(lambda c=c: set_adopted(c, {"par-1": "Nowe."})) for name, c in consultations.items()}
    assert results == {"draft": 409, "scheduled": 409, "open": 409, "closed": "ok", "report_published": 409}


@pytest.mark.parametrize(
    "view,state_name,allowed",
    [
        ("raport", "closed", MANAGERS),
        ("raport", "report_published", EVERYONE),
        ("raport.xlsx", "closed", MANAGERS),
        ("raport.xlsx", "report_published", EVERYONE),
        ("uwagi", "open", EVERYONE),
        ("uwagi.csv", "open", PERMISSIONS["ezabrze.ngo: Export remarks"]),
        ("dziennik-moderacji", "open", PERMISSIONS["ezabrze.ngo: Moderate remarks"]),
        ("tekst-przyjety", "closed", MANAGERS),
    ],
)
def test_pages_by_persona(consultations, login_as, portal, view, state_name, allowed):
    from zExceptions import Unauthorized

    c = consultations[state_name]

    def render():
        try:
            page = c.restrictedTraverse(f"@@{view}")
            page()
        except Unauthorized:
            return False
        return True

    assert who(login_as, render) == allowed


def test_organization_pages_by_persona(world, login_as, portal):
    from zExceptions import Unauthorized

    org = world["org_a"]

    def can(name):
        def check():
            try:
                org.restrictedTraverse(f"@@{name}")
            except Unauthorized:
                return False
            return True

        return check

    assert who(login_as, can("przedstawiciele")) == MANAGERS
    assert who(login_as, can("view")) == EVERYONE
    directory = org.__parent__
    assert who(login_as, lambda: can_traverse(directory, "import-organizacji")) == MANAGERS


def can_traverse(context, name):
    from zExceptions import Unauthorized

    try:
        context.restrictedTraverse(f"@@{name}")
    except Unauthorized:
        return False
    return True
