"""1009 -> 1010: the intranet's placeful workflow policy, titled in English by the profile before, gets its
Polish title (Site Setup > Workflow policies shows it as it is)."""

from ezabrze.policy.intranet import POLICY_ID
from ezabrze.policy.intranet import POLICY_TITLE
from plone import api

import pytest


PROFILE = "ezabrze.policy:default"


def _policy():
    return api.portal.get_tool("portal_placeful_workflow").getWorkflowPolicyById(POLICY_ID)


@pytest.fixture
def old_site(portal):
    _policy().setTitle("e-Zabrze intranet (staff only)")
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1009")
    return portal


def test_upgrade_gives_the_policy_its_polish_title(old_site):
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, dest="1010")
    assert setup.getLastVersionForProfile(PROFILE) == ("1010",)
    assert _policy().getTitle() == POLICY_TITLE == "Intranet e-Zabrze (tylko pracownicy)"


def test_upgrade_without_the_policy_does_nothing(old_site):
    from ezabrze.policy.upgrades import v1010

    tool = api.portal.get_tool("portal_placeful_workflow")
    tool.manage_delObjects([POLICY_ID])
    v1010.intranet_policy_title_in_polish(None)
    assert tool.getWorkflowPolicyById(POLICY_ID) is None


def test_a_new_site_has_the_polish_title(portal):
    assert _policy().getTitle() == POLICY_TITLE
