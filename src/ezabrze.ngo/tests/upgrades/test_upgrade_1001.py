"""1000 -> 1001 on a site in the old state: representatives may edit their organization afterwards."""

from ezabrze.ngo.organizations import REPRESENTATIVE_ROLE
from ezabrze.ngo.upgrades.v1001 import ORGANIZATION_WORKFLOW
from plone import api

import pytest


PROFILE = "ezabrze.ngo:default"
MODIFY = "Modify portal content"
LIMIT_RECORDS = ("remarks_per_account", "remarks_per_address", "proposals_per_account", "proposals_per_address",
                 "limit_window_minutes")


def _as_before_1001(portal):
    """No OrganizationRepresentative role, the old permissions of the verified state, version 1000."""
    portal.__ac_roles__ = tuple(role for role in portal.__ac_roles__ if role != REPRESENTATIVE_ROLE)
    wf_tool = api.portal.get_tool("portal_workflow")
    workflow = wf_tool.getWorkflowById(ORGANIZATION_WORKFLOW)
    verified = workflow.states["verified"]
    roles = tuple(r for r in verified.permission_roles[MODIFY] if r != REPRESENTATIVE_ROLE)
    verified.setPermission(MODIFY, False, roles)
    for brain in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(portal_type="Organization"):
        workflow.updateRoleMappingsFor(brain._unrestrictedGetObject())
    registry = api.portal.get_tool("portal_registry")
    for name in LIMIT_RECORDS:
        del registry.records[f"ezabrze.ngo.consultations.{name}"]
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1000")


@pytest.fixture
def old_site(portal, world):
    _as_before_1001(portal)
    return world


def can_modify(login_as, user, org):
    from zope.annotation.interfaces import IAnnotations

    annotations = IAnnotations(org.REQUEST)
    for key in [k for k in annotations if str(k).startswith("borg.localrole")]:
        del annotations[key]
    login_as(user)
    return bool(api.user.has_permission(MODIFY, obj=org))


def test_old_site_representatives_cannot_edit(old_site, login_as, portal):
    assert REPRESENTATIVE_ROLE not in portal.__ac_roles__
    assert api.portal.get_registry_record("ezabrze.ngo.consultations.remarks_per_account", default=None) is None
    assert api.portal.get_registry_record("ezabrze.ngo.consultations.reports_to_hide") == 3
    assert not can_modify(login_as, "rep_a", old_site["org_a"])
    assert can_modify(login_as, "editor", old_site["org_a"])


def test_upgrade_lets_verified_representatives_edit_their_organization(old_site, login_as, portal):
    setup = api.portal.get_tool("portal_setup")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE, dest="1001")
    assert setup.getLastVersionForProfile(PROFILE) == ("1001",)
    assert REPRESENTATIVE_ROLE in portal.__ac_roles__
    assert can_modify(login_as, "rep_a", old_site["org_a"])
    assert not can_modify(login_as, "rep_a", old_site["org_b"])
    assert not can_modify(login_as, "unverified", old_site["org_a"])
    assert can_modify(login_as, "rep_b", old_site["org_b"])


def test_upgrade_adds_the_form_limits_and_keeps_the_other_settings(old_site):
    api.portal.set_registry_record("ezabrze.ngo.consultations.reports_to_hide", 5)
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_setup").upgradeProfile(PROFILE, dest="1001")
    values = {name: api.portal.get_registry_record(f"ezabrze.ngo.consultations.{name}") for name in LIMIT_RECORDS}
    assert values == {"remarks_per_account": 20, "remarks_per_address": 120, "proposals_per_account": 3,
                      "proposals_per_address": 10, "limit_window_minutes": 10}
    assert api.portal.get_registry_record("ezabrze.ngo.consultations.reports_to_hide") == 5
