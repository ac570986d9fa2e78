"""The easyform models of the citizen forms: XML files in ezabrze.policy.cases/forms, read at set-up."""

from ezabrze.policy import demo
from ezabrze.policy.cases import setup
from lxml import etree
from plone.supermodel import loadString

import pytest


FORM_IDS = [definition["id"] for definition in setup.FORMS]
PARTS = ("fields", "actions")
NS = {"m": "http://namespaces.plone.org/supermodel/schema"}


def _tree(form_id, part):
    return etree.fromstring(setup.form_model(form_id, part).encode("utf-8"))


def test_every_model_file_belongs_to_a_form():
    files = sorted(path.name for path in setup.FORMS_DIR.glob("*.xml"))
    expected = sorted(f"{form_id}.xml" for form_id in FORM_IDS) + sorted(
        f"{form_id}.actions.xml" for form_id in FORM_IDS
    )
    assert sorted(files) == sorted(expected)


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("form_id", FORM_IDS)
def test_model_is_well_formed_xml(form_id, part):
    tree = _tree(form_id, part)
    assert tree.tag == "{http://namespaces.plone.org/supermodel/schema}model"
    assert tree.findall("m:schema/m:field", NS)


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("form_id", FORM_IDS)
def test_model_loads_as_a_supermodel_schema(portal, form_id, part):
    schema = loadString(setup.form_model(form_id, part)).schema
    names = [field.get("name") for field in _tree(form_id, part).findall("m:schema/m:field", NS)]
    assert list(schema.names(all=True)) and set(schema.names(all=True)) == set(names)


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_installed_forms_hold_the_models_of_the_files(portal, form_id):
    form = portal["dla-mieszkancow"]["formularze"][form_id]
    assert form.fields_model == setup.form_model(form_id)
    assert form.actions_model == setup.form_model(form_id, "actions")


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_action_fields_point_to_fields_and_units_that_exist(form_id):
    fields = {field.get("name"): field for field in _tree(form_id, "fields").findall("m:schema/m:field", NS)}
    action = _tree(form_id, "actions").find("m:schema/m:field", NS)
    units = {unit["id"] for unit in demo.units.UNITS}
    assert action.findtext("m:target_unit", namespaces=NS) in units
    assert action.findtext("m:email_field", namespaces=NS) in fields
    mapping = [element.text.split("|") for element in action.findall("m:category_units/m:element", NS)]
    if not mapping:
        return
    category = fields[action.findtext("m:category_field", namespaces=NS)]
    values = [element.text for element in category.findall("m:values/m:element", NS)]
    assert [value for value, _unit in mapping] == values, "every category is sent to a unit"
    assert {unit for _value, unit in mapping} <= units


def test_the_problem_form_takes_its_categories_from_the_registry():
    """Labels and units of the categories live in one record (cases.categories), not in the form's files."""
    category = _tree("zglos-problem", "fields").find("m:schema/m:field[@name='category']", NS)
    assert category.findtext("m:vocabulary", namespaces=NS) == "ezabrze.policy.ProblemCategories"
    assert category.find("m:values", NS) is None
    action = _tree("zglos-problem", "actions").find("m:schema/m:field", NS)
    assert action.find("m:category_units", NS) is None


def test_every_default_problem_category_goes_to_a_demo_unit():
    from ezabrze.policy.cases import categories
    from ezabrze.policy.cases.interfaces import DEFAULT_PROBLEM_CATEGORIES

    units = {unit["id"] for unit in demo.units.UNITS}
    parsed = categories.parse(DEFAULT_PROBLEM_CATEGORIES)
    assert len(parsed) == 9
    assert {unit for _value, _label, unit in parsed} <= units
