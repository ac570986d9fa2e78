"""Cases change only through their workflow's actions: nobody edits the submission, dates or routing;
forward needs a valid target unit and the access moves with the unit."""

from ezabrze.policy.cases import api as cases_api
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

import pytest


@pytest.mark.parametrize("persona", ["staff-a", "siteadmin", "manager", "editor", "resident"])
@pytest.mark.parametrize("path", [[], ["assign"], ["assign", "start"], ["assign", "start", "answer"]])
def test_nobody_may_edit_a_case(make_case, persona, path):
    case = make_case()
    with api.env.adopt_roles(["Manager"]):
        for name in path:
            cases_api.transition(case, name)
    with api.env.adopt_user(username=persona):
        assert not api.user.has_permission("Modify portal content", obj=case)


def test_staff_still_handle_their_cases(make_case):
    case = make_case()
    with api.env.adopt_user(username="staff-a"):
        assert api.user.has_permission("View", obj=case)
        assert cases_api.transition(case, "assign", comment="Biorę") == "assigned"


@pytest.mark.parametrize("target", [None, "", "no-such-unit", "biuro-obslugi-mieszkancow"])
def test_forward_needs_another_existing_unit(make_case, target):
    case = make_case()
    with api.env.adopt_user(username="staff-a"), pytest.raises((WorkflowException, ValueError)):
        cases_api.transition(case, "forward", target_unit=target)
    assert api.content.get_state(case) == "registered"
    assert case.unit_id == "biuro-obslugi-mieszkancow"


def test_forward_without_target_is_refused_also_through_the_workflow_tool(make_case):
    case = make_case()
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username="staff-a"), pytest.raises(WorkflowException) as refused:
        workflow.doActionFor(case, "forward", comment="")
    assert "jednostk" in str(refused.value)  # Polish: "Wybierz jednostkę..."
    assert api.content.get_state(case) == "registered"


def test_access_moves_with_the_unit_on_forward(make_case):
    case = make_case()
    with api.env.adopt_user(username="staff-a"):
        cases_api.transition(case, "forward", comment="Do WO", target_unit="wydzial-organizacyjny")
    # (the roles, not has_permission: borg.localrole caches the roles of this one request)
    old = api.user.get(username="staff-a").getRolesInContext(case)
    new = api.user.get(username="staff-b").getRolesInContext(case)
    assert "CaseHandler" not in old
    assert "CaseHandler" in new
    assert case.case_log[-1]["actor"] == "staff-a"
    assert case.case_log[-1]["action"] == "forward"


def test_upgrade_1004_takes_modify_away_from_existing_cases(make_case):
    from ezabrze.policy.upgrades import v1004

    case = make_case()
    # As before 1004: the unit's staff could edit the case.
    case.manage_permission("Modify portal content", ["CaseHandler", "Manager"], acquire=False)
    with api.env.adopt_user(username="staff-a"):
        assert api.user.has_permission("Modify portal content", obj=case)
    v1004.update_case_permissions(api.portal.get_tool("portal_setup"))
    with api.env.adopt_user(username="staff-a"):
        assert not api.user.has_permission("Modify portal content", obj=case)
        assert api.user.has_permission("View", obj=case)
