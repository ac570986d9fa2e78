"""A case group unit-<id> exists for every unit from the start: install, a new unit, the upgrade step."""

from ezabrze.policy.cases import api as cases_api
from plone import api


def test_a_new_unit_gets_its_group_at_once(portal):
    units = portal["dla-mieszkancow"]["jednostki"]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=units, type="OrganizationalUnit", id="wydzial-testowy", title="Wydział Testowy")
    group = api.group.get(groupname="unit-wydzial-testowy")
    assert group is not None
    assert "Wydział Testowy" in group.getProperty("title")


def test_staff_can_be_assigned_before_the_first_case(portal):
    units = portal["dla-mieszkancow"]["jednostki"]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=units, type="OrganizationalUnit", id="wydzial-nowy", title="Wydział Nowy")
        api.user.create(email="nowa@example.com", username="nowa", password="Secret-123456")
        api.group.add_user(groupname="unit-wydzial-nowy", username="nowa")
    assert cases_api.units_of_user(api.user.get(username="nowa")) == ["wydzial-nowy"]


def test_upgrade_1004_creates_the_missing_groups(portal):
    from ezabrze.policy.security.groups import create_all_unit_groups

    units = portal["dla-mieszkancow"]["jednostki"]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=units, type="OrganizationalUnit", id="wydzial-stary", title="Wydział Stary")
        api.group.delete(groupname="unit-wydzial-stary")  # as on a site from before 1004
    assert api.group.get(groupname="unit-wydzial-stary") is None
    create_all_unit_groups(api.portal.get_tool("portal_setup"))
    assert api.group.get(groupname="unit-wydzial-stary") is not None
    steps = api.portal.get_tool("portal_setup").listUpgrades("ezabrze.policy:default", show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert any(s["title"] == "A case group for every unit" for s in flat)
