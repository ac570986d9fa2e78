"""1007 -> 1008: a site without the network settings, with the old transition titles and the old guard of
"make public", gets the records, the control panel, the new titles and the guard that follows the settings."""

from decimal import Decimal
from ezabrze.policy.network.interfaces import INetworkSettings
from plone import api

import pytest


PROFILE = "ezabrze.policy:default"
OLD_GUARD = 'python: here.portal_type == "NetworkNode" and here.node_type != "site"'


def _set_transition(transition, title, guard_expr=None):
    props = {"guard_permissions": "Modify portal content"}
    if guard_expr:
        props["guard_expr"] = guard_expr
    transition.setProperties(
        title=title,
        description=transition.description,
        new_state_id=transition.new_state_id,
        actbox_name=title,
        actbox_url=transition.actbox_url,
        actbox_category=transition.actbox_category,
        props=props,
    )


@pytest.fixture
def old_site(portal):
    registry = api.portal.get_tool("portal_registry")
    for name in INetworkSettings.names():
        del registry.records[f"ezabrze.policy.{name}"]
    api.portal.get_tool("portal_controlpanel").unregisterConfiglet("ezabrze-network-settings")
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById("ezabrze_network_workflow")
    _set_transition(workflow.transitions["make_internal"], "Staff only")
    _set_transition(workflow.transitions["make_public"], "Make public", OLD_GUARD)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1007")
    setup.unsetLastVersionForProfile("collective.z3cform.datagridfield:default")
    return portal


def _configlets():
    return [a.id for a in api.portal.get_tool("portal_controlpanel").listActions()]


def test_old_site_has_no_settings(old_site):
    assert "ezabrze.policy.network_public_node_types" not in api.portal.get_tool("portal_registry")
    assert "ezabrze-network-settings" not in _configlets()


def test_upgrade_adds_the_settings_and_the_control_panel(old_site):
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, dest="1008")
    assert setup.getLastVersionForProfile(PROFILE) == ("1008",)
    assert api.portal.get_registry_record("ezabrze.policy.network_public_node_types") == [
        "kiosk", "camera", "hotspot", "access_point",
    ]
    assert api.portal.get_registry_record("ezabrze.policy.network_wimax_range_km") == 1.08
    assert api.portal.get_registry_record("ezabrze.policy.network_wimax_coverage") is None
    assert "ezabrze-network-settings" in _configlets()
    roles = [r["name"] for r in old_site.rolesOfPermission("ezabrze.policy: Manage network settings") if r["selected"]]
    assert sorted(roles) == ["Manager", "Site Administrator"]


def test_upgrade_renames_the_transition_and_makes_the_guard_follow_the_settings(old_site):
    api.portal.get_tool("portal_setup").upgradeProfile(PROFILE, dest="1008")
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById("ezabrze_network_workflow")
    assert workflow.transitions["make_internal"].title == "Restrict to staff"
    assert workflow.transitions["make_internal"].actbox_name == "Restrict to staff"
    assert workflow.transitions["make_public"].getGuard().getExprText() == (
        'python: here.portal_type == "NetworkNode" and here.may_be_public()'
    )
    registry = old_site["strategia-e-zabrze"]["siec"]
    with api.env.adopt_roles(["Manager"]):
        node = api.content.create(
            registry, "NetworkNode", id="hotspot-test", title="Hotspot", node_type="hotspot",
            address="ul. Wolności 1", latitude=50.3, longitude=18.78, district="centrum-polnoc", medium="fibre",
        )
        api.portal.set_registry_record("ezabrze.policy.network_public_node_types", ["kiosk"])
        transitions = api.portal.get_tool("portal_workflow").getTransitionsFor(node)
        assert "make_public" not in [t["id"] for t in transitions]
        api.portal.set_registry_record("ezabrze.policy.network_public_node_types", ["kiosk", "hotspot"])
        api.content.transition(node, transition="make_public")
    assert api.content.get_state(node) == "public"


@pytest.fixture
def project_with_text_tables(old_site):
    """A project as stored before 1008: its tables are text, a row per line (set as they were stored)."""
    strategy = old_site["strategia-e-zabrze"]["strategia-2020"]
    with api.env.adopt_roles(["Manager"]):
        project = api.content.create(
            strategy, "StrategyProject", id="stary-projekt", title="Stary projekt", goals=["e-administracja"]
        )
    project.budget = "2017; UE; RPO WSL 2014-2020, działanie 2.1; 1 200 000,50\n\n2018; budżet miasta; wkład; 100"
    project.indicators = "E-usługi; szt.; 226; ; 2018"
    project.complementarity = "siec-szkieletowa; korzysta z sieci szkieletowej"
    project.reindexObject()
    return project


def test_upgrade_turns_the_text_tables_into_grid_rows(project_with_text_tables):
    project = project_with_text_tables
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, dest="1008")
    assert project.budget == [
        {"year": 2017, "source": "eu", "programme": "RPO WSL 2014-2020, działanie 2.1", "amount": Decimal("1200000.50")},
        {"year": 2018, "source": "city", "programme": "wkład", "amount": Decimal("100.00")},
    ]
    assert project.indicators == [
        {"name": "E-usługi", "unit": "szt.", "target": Decimal("226"), "achieved": None, "year": 2018}
    ]
    assert project.complementarity == [{"project": "siec-szkieletowa", "note": "korzysta z sieci szkieletowej"}]
    assert project.budget_total() == Decimal("1200100.50")
    catalog = api.portal.get_tool("portal_catalog")
    assert "stary-projekt" in [b.getId for b in catalog.unrestrictedSearchResults(strategy_complements="siec-szkieletowa")]
    assert "stary-projekt" in [b.getId for b in catalog.unrestrictedSearchResults(strategy_sources="city")]
    assert setup.getLastVersionForProfile("collective.z3cform.datagridfield:default") != "unknown"
    # the grid validates each row by its schema
    from ezabrze.policy.strategy.content import IStrategyProject

    IStrategyProject["budget"].validate(project.budget)
