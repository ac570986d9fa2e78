"""1001 -> 1002: small grants (their type, workflow and section appear) and the offers' cost tables become editable tables (collective.z3cform.datagridfield). A site as
1001 had it (the add-on's profile not installed: no browser layer, no script bundle; an offer with its costs and
checksum) is upgraded: the add-on is installed, the offer keeps its data and its checksum, the edit form shows a
table of inputs (not JSON) and still refuses arithmetic that does not add up."""

from datetime import timedelta
from ezabrze.ngo.competitions import offers
from ezabrze.ngo.competitions.setup import folder
from ezabrze.ngo.testing import make_call
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import offer_fields
from plone import api
from plone.browserlayer.utils import registered_layers

import pytest


PROFILE = "ezabrze.ngo:default"
DATAGRID = "collective.z3cform.datagridfield:default"
BUNDLE = "plone.bundles/datagridfield-bundle"


def _as_before_1002(portal):
    from collective.z3cform.datagridfield.interfaces import IDataGridFieldLayer
    from plone.browserlayer.utils import unregister_layer
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    if IDataGridFieldLayer in registered_layers():
        unregister_layer("collective.z3cform.datagridfield")
    registry = getUtility(IRegistry)
    for key in [key for key in registry.records.keys() if key.startswith(BUNDLE + ".")]:
        del registry.records[key]
    types = api.portal.get_tool("portal_types")
    if "SmallGrant" in types:
        types.manage_delObjects(["SmallGrant"])
    workflows = api.portal.get_tool("portal_workflow")
    if "ezabrze_ngo_small_grant_workflow" in workflows:
        workflows.manage_delObjects(["ezabrze_ngo_small_grant_workflow"])
    section = portal["organizacje-pozarzadowe"]
    if "male-granty" in section:
        section.manage_delObjects(["male-granty"])
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(DATAGRID, "unknown")
    setup.setLastVersionForProfile(PROFILE, "1001")


def portal_section():
    return api.portal.get()["organizacje-pozarzadowe"]


def _org_a():
    return api.portal.get()["organizacje-pozarzadowe"]["organizacje"]["org-a"]


@pytest.fixture
def old_site(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        call = make_call(folder(), NOW + timedelta(days=21))
    fields = offer_fields()
    fields["costs"] = [dict(fields["costs"][0], total="6000.00", year=None)]  # a row as the JSON field stored it
    offer = offers.create(call, "rep_a", world["org_a"], "Sport dla dzieci", **fields)
    offers.submit(offer, "rep_a")
    _as_before_1002(portal)
    return offer


def test_old_site_really_lacks_the_datagrid(old_site):
    from collective.z3cform.datagridfield.interfaces import IDataGridFieldLayer

    assert IDataGridFieldLayer not in registered_layers()
    assert api.portal.get_registry_record(f"{BUNDLE}.enabled", default=None) is None
    assert api.portal.get_tool("portal_setup").getLastVersionForProfile(PROFILE) == ("1001",)
    assert "SmallGrant" not in api.portal.get_tool("portal_types")
    assert "male-granty" not in portal_section()


def test_upgrade_installs_the_datagrid_and_keeps_the_offers(old_site):
    from collective.z3cform.datagridfield.interfaces import IDataGridFieldLayer

    offer = old_site
    costs, checksum = [dict(row) for row in offer.costs], offer.checksum
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, dest="1002")
    assert setup.getLastVersionForProfile(PROFILE) == ("1002",)
    assert IDataGridFieldLayer in registered_layers()
    assert api.portal.get_registry_record(f"{BUNDLE}.enabled") is True
    assert [dict(row) for row in offer.costs] == costs
    assert offer.checksum == checksum and offers.verify(offer)
    assert offers.cost_summary(offer)["grant"] == 5000
    # small grants: the type with its workflow and the section where representatives start them
    assert "SmallGrant" in api.portal.get_tool("portal_types")
    assert api.portal.get_tool("portal_workflow").getChainForPortalType("SmallGrant") == (
        "ezabrze_ngo_small_grant_workflow",)
    section = portal_section()["male-granty"]
    assert section.getLayout() == "male-granty" and api.content.get_state(section) == "published"
    from ezabrze.ngo.smallgrants import rules
    from ezabrze.ngo.testing import offer_fields as small_fields

    fields = {key: value for key, value in small_fields().items() if key in rules.FIELDS}
    fields["task_end"] = fields["task_start"] + timedelta(days=30)
    item = rules.create(section, "rep_a", _org_a(), "Festyn", **fields)
    assert api.content.get_state(item) == "draft"


def test_edit_form_shows_an_editable_table(portal, world, frozen):
    """The add form of an offer (as an editor would use it) renders the datagrid, not a JSON text area, and its
    invariant refuses costs that do not add up."""
    from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
    from ezabrze.ngo.competitions.content import IOffer
    from plone.autoform.interfaces import WIDGETS_KEY
    from zope.interface import Invalid

    widgets = IOffer.queryTaggedValue(WIDGETS_KEY)
    assert "costs" in widgets and "split" in widgets
    with api.env.adopt_roles(["Manager"]):
        call = make_call(folder(), NOW + timedelta(days=21))
    offer = offers.create(call, "rep_a", world["org_a"], "Sport dla dzieci", **offer_fields())
    request = portal.REQUEST
    from plone.dexterity.browser.edit import DefaultEditForm

    form = DefaultEditForm(offer, request)
    with api.env.adopt_roles(["Manager"]):
        form.update()
    widget = next(group.widgets["costs"] for group in form.groups if "costs" in group.widgets)
    assert isinstance(widget, DataGridFieldWidget)
    html = widget.render()
    assert "Wynagrodzenie trenera" in html and "datagridwidget" in html.lower()
    assert 'name="form.widgets.costs.0.widgets.unit_cost"' in html
    # every cell has an accessible name: its column and row (the add-on's cells have no label)
    assert 'title="Koszt jednostkowy (zł), wiersz 1"' in html

    class Data:
        costs = [{"cost_type": "Trener", "unit": "h", "unit_cost": "100", "units": "2", "from_grant": "150",
                  "other": "10", "year": None}]
        split = []
        task_start = task_end = None

    with pytest.raises(Invalid):
        IOffer.validateInvariants(Data())
    Data.costs[0]["other"] = "50"
    IOffer.validateInvariants(Data())
