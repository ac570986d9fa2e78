"""Summaries of service and unit brains (listings, @search): the same fields and values as plone.restapi's
default summary, made without waking the objects; the responsible unit shown only when the requester may see
it, whether it was looked up alone or with all units at once."""

from Acquisition import aq_base
from ezabrze.policy.catalogue import INDEX_PREFIX
from ezabrze.policy.catalogue.restapi import serializers
from ezabrze.policy.interfaces import IBrowserLayer
from ezabrze.policy.testing import catalogue as ct
from plone import api
from plone.app.testing import logout
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.summary import DefaultJSONSummarySerializer
from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain
from unittest import mock
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

import pytest


@pytest.fixture
def request_(portal):
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    return request


@pytest.fixture
def content(portal):
    office = ct.make_unit(portal, "wso", "Wydział Spraw Obywatelskich")
    other = ct.make_unit(portal, "wgk", "Wydział Gospodarki Komunalnej", unit_kind="utility")
    hidden = ct.make_unit(portal, "w-budowie", "Jednostka w budowie", publish=False)
    for number, unit in enumerate((office, other, hidden, office)):
        ct.make_service(portal, f"karta-{number}", f"Karta {number}", unit, audience=["residents", "businesses"])
    return {"office": office, "other": other, "hidden": hidden}


def brains(**query):
    return list(api.portal.get_tool("portal_catalog")(sort_on="id", **query))


def fresh(request):
    """A new request's caches (the serializers keep looked-up units for one request)."""
    request._ezabrze_catalogue_cache = {}
    request.set("summary_serializer_metadata", None)
    return request


@pytest.mark.parametrize("metadata_fields", [None, "_all"])
@pytest.mark.parametrize("portal_type", ["Service", "OrganizationalUnit"])
def test_summary_fields_as_the_default_summary(portal, request_, content, portal_type, metadata_fields):
    if metadata_fields:  # every catalog column and the brain's getPath and getURL
        request_.form["metadata_fields"] = metadata_fields
    for brain in brains(portal_type=portal_type):
        stock = DefaultJSONSummarySerializer(brain, fresh(request_))()
        ours = getMultiAdapter((brain, fresh(request_)), ISerializeToJsonSummary)()
        stock = {name: value for name, value in stock.items() if not name.startswith(INDEX_PREFIX)}  # never passed on
        assert {name: ours[name] for name in stock} == stock
        assert ours["title"] == brain.Title and ours["@id"] == brain.getURL()


@pytest.mark.parametrize("portal_type", ["Service", "OrganizationalUnit"])
def test_summary_does_not_wake_the_object(portal, request_, content, portal_type):
    found = brains(portal_type=portal_type)
    assert found
    with mock.patch.object(AbstractCatalogBrain, "getObject", side_effect=AssertionError("woken")):
        for brain in found:
            getMultiAdapter((brain, fresh(request_)), ISerializeToJsonSummary)()


def test_schema_field_not_in_the_catalog_is_read_from_the_object(portal, request_, content):
    """A field of the type's schema that is no catalog column still comes from the object (the stock way)."""
    brain = brains(portal_type="Service")[0]
    with mock.patch.object(DefaultJSONSummarySerializer, "metadata_fields", return_value={"title", "eligibility"}):
        summary = getMultiAdapter((brain, fresh(request_)), ISerializeToJsonSummary)()
    assert summary["eligibility"] == brain.getObject().eligibility
    assert "eligibility" in serializers.schema_field_names("Service")
    assert "head_title" not in serializers.schema_field_names("Service")


def unit_titles(request):
    fresh(request)
    return [getMultiAdapter((b, request), ISerializeToJsonSummary)()["responsible_unit_title"]
            for b in brains(portal_type="Service")]


def test_units_of_a_listing_visible_ones_only(portal, request_, content):
    """The first unit is looked up alone, the others with all units at once: both ways hide a private unit."""
    names = ["Wydział Spraw Obywatelskich", "Wydział Gospodarki Komunalnej", "Jednostka w budowie",
             "Wydział Spraw Obywatelskich"]
    with ct.as_site_owner():
        assert unit_titles(request_) == names
    logout()
    assert unit_titles(request_) == [names[0], names[1], None, names[3]]
    # a private unit looked up first, alone, is hidden too
    fresh(request_)
    assert serializers.visible_unit(content["hidden"].UID(), request_) is None
    assert serializers.visible_unit(content["office"].UID(), request_)["title"] == names[0]
    assert serializers.visible_unit(content["hidden"].UID(), request_) is None


def test_units_of_a_listing_two_catalog_queries(portal, request_, content):
    tool = type(aq_base(api.portal.get_tool("portal_catalog")))
    with mock.patch.object(tool, "searchResults", autospec=True, side_effect=tool.searchResults) as searched:
        fresh(request_)
        for uid in [content[name].UID() for name in ("office", "other", "hidden", "office", "other")]:
            serializers.visible_unit(uid, request_)
    assert searched.call_count == 2
