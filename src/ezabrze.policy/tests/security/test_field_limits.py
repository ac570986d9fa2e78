"""Every text field of every own content type has a maximum length; an over-long value is refused with a
Polish message by the edit form and with 400 (naming the field) by the REST API, and nothing is stored."""

from ezabrze.policy.security import limits
from pathlib import Path
from plone.app.textfield import RichText
from plone.dexterity.utils import iterSchemataForType
from zope.schema import getFieldsInOrder
from zope.schema import Text

import ezabrze.policy
import pytest


def own_types(package):
    """The types a package's profile defines or changes (its types/*.xml)."""
    types = Path(package.__file__).parent / "profiles" / "default" / "types"
    return [path.stem.replace("_", " ") for path in sorted(types.glob("*.xml"))]


OWN_TYPES = own_types(ezabrze.policy)


def test_the_own_types_are_found():
    assert {"Case", "Notice", "Document", "News Item", "Event", "OrganizationalUnit"} <= set(OWN_TYPES)


def text_fields_without_maximum(portal, portal_type):
    """Also used by ezabrze.ngo's tests for its types."""
    assert portal.portal_types.get(portal_type) is not None, portal_type
    missing = []
    for schema in iterSchemataForType(portal_type):
        for name, field in getFieldsInOrder(schema):
            for inner_name, inner in limits.text_fields(name, field):
                if isinstance(inner, (Text, RichText)) and not getattr(inner, "max_length", None):
                    missing.append(f"{schema.__identifier__}.{inner_name}")
                elif isinstance(inner, (Text, RichText)):
                    assert inner.max_length <= limits.RICH_TEXT_MAX
    return missing


@pytest.mark.parametrize("portal_type", OWN_TYPES)
def test_every_text_field_has_a_maximum_length(portal, portal_type):
    missing = text_fields_without_maximum(portal, portal_type)
    assert not missing, f"{portal_type}: text fields without max_length: {missing}"


def test_a_field_without_maximum_is_found(portal, monkeypatch):
    from ezabrze.policy.councils.content import INotice

    monkeypatch.setattr(INotice["meeting_place"], "max_length", None)
    assert text_fields_without_maximum(portal, "Notice") == ["ezabrze.policy.councils.content.INotice.meeting_place"]


@pytest.mark.parametrize("portal_type", OWN_TYPES)
def test_titles_and_descriptions_have_the_documented_limits(portal, portal_type):
    for schema in iterSchemataForType(portal_type):
        fields = dict(getFieldsInOrder(schema))
        if "title" in fields and isinstance(fields["title"], Text):
            assert fields["title"].max_length <= limits.TITLE_MAX
        if "description" in fields and isinstance(fields["description"], Text):
            assert fields["description"].max_length <= limits.DESCRIPTION_MAX
