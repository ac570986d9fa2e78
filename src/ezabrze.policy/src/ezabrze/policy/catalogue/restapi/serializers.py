"""plone.restapi serialization of the service catalogue.

* Relations (responsible_unit, location_unit, parent_unit, related_services) are resolved to summaries only
  when the requester may View the target; stock plone.restapi would show the title of a private unit.
* A unit's JSON carries its back-relations: ``services`` (services it is responsible for or hosts) and
  ``sub_units`` (units whose parent it is), found with security-aware catalog queries.
* Summaries (listings, @search) of services carry what a listing needs; the responsible unit's title is
  shown only when the requester may see that unit.
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from ezabrze.policy.catalogue import INDEX_PREFIX
from ezabrze.policy.catalogue.content.service import IService
from ezabrze.policy.catalogue.content.unit import IOrganizationalUnit
from ezabrze.policy.catalogue.interfaces import IServiceCatalogue
from ezabrze.policy.catalogue.vocabularies import life_event_categories_items
from ezabrze.policy.interfaces import IBrowserLayer
from ezabrze.policy.utils import anonymous_fragment
from plone import api
from plone.app.contentlisting.interfaces import IContentListingObject
from plone.dexterity.utils import iterSchemataForType
from plone.i18n.normalizer.base import mapUnicode
from plone.restapi.batching import HypermediaBatch
from plone.restapi.bbb import boolean_value
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from plone.restapi.serializer.summary import DefaultJSONSummarySerializer
from plone.restapi.serializer.utils import get_portal_type_title
from plone.uuid.interfaces import IUUID
from Products.CMFCore.permissions import View
from Products.ZCatalog.interfaces import ICatalogBrain
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.interface import implementer
from zope.schema import getFieldNames

import Missing


def visible_target(relation):
    """The target of a relation if it resolves and the current user may View it, else None."""
    if relation is None or relation.isBroken():
        return None
    target = relation.to_object
    if target is None or not getSecurityManager().checkPermission(View, target):
        return None
    return target


RELATION_FIELDS = ("responsible_unit", "location_unit", "related_services", "parent_unit")


def _relations(context):
    """Every relation of a service or unit (the fields of RELATION_FIELDS it has)."""
    found = []
    for name in RELATION_FIELDS:
        value = getattr(context, name, None)
        if isinstance(value, (list, tuple)):
            found.extend(value)
        elif value is not None:
            found.append(value)
    return found


def visible_summaries(relations, request, context=None):
    """Summaries of the relations' targets the current user may View, in the relations' order.

    The targets are checked with the View permission (as ``visible_target``); the summaries are made from
    their catalog brains' metadata (the listing fields included, ``BrainSummarySerializer``), found for all
    relations of ``context`` at once in one query by UID, and kept for the request. The stock way — a summary
    made from each target object, its workflow asked — took half the time of a service card's REST answer.
    """
    known = _cache(request, "relation_summaries")
    targets = []
    for relation in relations:
        target = visible_target(relation)
        uid = IUUID(target, None) if target is not None else None
        if uid and uid not in targets:
            targets.append(uid)
    missing = [uid for uid in targets if uid not in known]
    if missing:
        wanted = set(missing)
        if context is not None:  # the other relation fields of the same item: one query for all of them
            for relation in _relations(context):
                target = visible_target(relation)
                uid = IUUID(target, None) if target is not None else None
                if uid:
                    wanted.add(uid)
        wanted -= set(known)
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(UID=sorted(wanted))
        prefetch_units([_value(brain, "responsible_unit_uid") for brain in brains], request)
        for brain in brains:
            summary = getMultiAdapter((brain, request), ISerializeToJsonSummary)()
            summary.setdefault("UID", brain.UID)
            known[brain.UID] = json_compatible(summary)
    return [known[uid] for uid in targets if uid in known]


def _anonymous_relation(serializer, render):
    """A relation field's summaries, kept for anonymous requesters (``anonymous_fragment``: any committed change
    makes a new key, so a retracted target disappears at once; logged-in users get them fresh)."""
    name = f"catalogue-relation:{serializer.field.__name__}"
    return anonymous_fragment(serializer.request, serializer.context, name, render)


@adapter(IRelationChoice, IService, IBrowserLayer)
@implementer(IFieldSerializer)
class ServiceRelationChoiceSerializer(DefaultFieldSerializer):
    def __call__(self):
        return _anonymous_relation(self, self._summary)

    def _summary(self):
        summaries = visible_summaries([self.get_value()], self.request, self.context)
        return summaries[0] if summaries else None


@adapter(IRelationList, IService, IBrowserLayer)
@implementer(IFieldSerializer)
class ServiceRelationListSerializer(DefaultFieldSerializer):
    def __call__(self):
        return _anonymous_relation(
            self, lambda: visible_summaries(self.get_value() or (), self.request, self.context)
        )


@adapter(IRelationChoice, IOrganizationalUnit, IBrowserLayer)
@implementer(IFieldSerializer)
class UnitRelationChoiceSerializer(ServiceRelationChoiceSerializer):
    pass


# Summaries


def _cache(request, key):
    cache = getattr(request, "_ezabrze_catalogue_cache", None)
    if cache is None:
        cache = {}
        request._ezabrze_catalogue_cache = cache
    return cache.setdefault(key, {})


def _unit_summary(brain):
    return {"@id": brain.getURL(), "UID": brain.UID, "title": brain.Title}


def visible_unit(uid, request):
    """{"@id", "UID", "title"} of a unit the current user may see, looked up once per request.

    The first unit of a request is found by its UID; from the second on, all units the user may see are read
    in one catalog query (a city has some 120 units): a listing of 25 service cards asked the catalog up to 25
    times, a sixth of an anonymous ``@search``'s time.
    """
    if not uid:
        return None
    cache = _cache(request, "units")
    if uid not in cache:
        state = _cache(request, "units_lookup")
        catalog = api.portal.get_tool("portal_catalog")
        if state.get("all"):
            cache[uid] = None
        elif state.get("one"):
            for brain in catalog(portal_type="OrganizationalUnit"):
                cache.setdefault(brain.UID, _unit_summary(brain))
            state["all"] = True
            cache.setdefault(uid, None)
        else:
            brains = catalog(UID=uid)
            cache[uid] = _unit_summary(brains[0]) if brains else None
            state["one"] = True
    return cache[uid]


def prefetch_units(uids, request):
    """``visible_unit`` of several units with one catalog query (the summaries of related services)."""
    cache = _cache(request, "units")
    wanted = sorted({uid for uid in uids if uid and uid not in cache})
    if not wanted:
        return
    found = {b.UID: b for b in api.portal.get_tool("portal_catalog")(UID=wanted)}
    for uid in wanted:
        brain = found.get(uid)
        cache[uid] = _unit_summary(brain) if brain is not None else None


def category_title(slug, request):
    cache = _cache(request, "categories")
    if not cache:
        cache.update(life_event_categories_items())
        cache.setdefault(None, None)
    return cache.get(slug)


def _value(source, name):
    """A field of an object, or the catalogue's metadata column of that field (prefixed) of a brain."""
    if ICatalogBrain.providedBy(source):
        name = f"{INDEX_PREFIX}{name}"
    value = getattr(source, name, None)
    if callable(value):
        value = value()
    return None if value is None or value is Missing.Value else value


def service_listing_fields(source, request, unit_uid):
    """The fields a listing of services needs, from a brain (metadata) or a Service object."""
    unit = visible_unit(unit_uid, request)
    category = _value(source, "category")
    return {
        "audience": list(_value(source, "audience") or ()),
        "category": category,
        "category_title": category_title(category, request),
        "online_available": bool(_value(source, "online_available")),
        "suspended": bool(_value(source, "suspended")),
        "responsible_unit": unit,
        "responsible_unit_title": unit["title"] if unit else None,
    }


_MISSING = object()


def schema_field_names(portal_type):
    """Names of the fields of a type's schemata (its own and its behaviours')."""
    names = set()
    for schema in iterSchemataForType(portal_type):
        names.update(getFieldNames(schema))
    return names


@implementer(ISerializeToJsonSummary)
@adapter(ICatalogBrain, IBrowserLayer)
class BrainSummarySerializer(DefaultJSONSummarySerializer):
    """Service and unit brains carry the listing fields, from the metadata only (no getObject).

    Their summary fields come from the brain without waking the object: plone.restapi's default summary asks
    ``IContentListingObject(brain)`` for every field, which wakes the object for a field that is not a catalog
    column — plone.volto adds three of them to the default fields (``image_field``, ``head_title``,
    ``nav_title``), so each item of an ``@search`` answer was loaded from the database. A field that is not a
    column is None when the type's schemata do not have it (what the object would answer too); when they
    have it, the object is asked as before.
    """

    def __call__(self):
        portal_type = self.context.portal_type
        if portal_type in ("Service", "OrganizationalUnit"):
            summary = self._summary_from_brain(portal_type)
        else:
            summary = super().__call__()
        if portal_type == "Service":
            summary.update(
                json_compatible(
                    service_listing_fields(self.context, self.request, _value(self.context, "responsible_unit_uid"))
                )
            )
        elif portal_type == "OrganizationalUnit":
            summary["unit_kind"] = _value(self.context, "unit_kind")
        if portal_type in ("Service", "OrganizationalUnit"):
            # The raw catalogue columns (e.g. the title of a private unit) are never passed on as they are: the
            # listing fields above carry them under their field names, after the visibility checks.
            for name in [name for name in summary if name.startswith(INDEX_PREFIX)]:
                del summary[name]
        return summary

    def _summary_from_brain(self, portal_type):
        """DefaultJSONSummarySerializer's fields, read from the brain; the object only for a schema field."""
        brain = self.context
        fields = _cache(self.request, "schema_fields")
        if portal_type not in fields:
            fields[portal_type] = schema_field_names(portal_type)
        listing = None
        summary = {}
        for field in self.metadata_fields():
            if field.startswith("_") or field in self.blocklisted_attributes:
                continue
            accessor = self.field_accessors.get(field, field)
            if field == "type_title":
                value = get_portal_type_title(portal_type)
            elif field == "@type":
                value = portal_type
            elif field == "@id":
                value = self.context.getURL()
            else:
                # looked up on the brain without acquisition, as IContentListingObject does, then read from the
                # wrapped brain (its methods, getPath among them, need their catalog)
                value = getattr(brain, accessor) if hasattr(aq_base(brain), accessor) else _MISSING
                if value is _MISSING and accessor in fields[portal_type]:
                    if listing is None:
                        listing = IContentListingObject(self.context)
                    value = getattr(listing, accessor, None)
                elif value is _MISSING:
                    value = None
            if callable(value):
                value = value()
            summary[field] = json_compatible(None if value is Missing.Value else value)
        return summary


@implementer(ISerializeToJsonSummary)
@adapter(IService, IBrowserLayer)
class ServiceSummarySerializer(DefaultJSONSummarySerializer):
    def __call__(self):
        summary = super().__call__()
        target = visible_target(self.context.responsible_unit)
        uid = target.UID() if target is not None else None
        summary.update(json_compatible(service_listing_fields(self.context, self.request, uid)))
        return summary


@implementer(ISerializeToJsonSummary)
@adapter(IServiceCatalogue, IBrowserLayer)
class CatalogueSummarySerializer(DefaultJSONSummarySerializer):
    """The stock summary of the catalogue folder (the ``parent`` of every service card's REST answer), kept for
    anonymous requesters (``anonymous_fragment``)."""

    def __call__(self):
        name = "catalogue-summary:" + "/".join(self.context.getPhysicalPath())
        return anonymous_fragment(
            self.request, self.context, name, lambda: DefaultJSONSummarySerializer.__call__(self)
        )


@implementer(ISerializeToJsonSummary)
@adapter(IOrganizationalUnit, IBrowserLayer)
class UnitSummarySerializer(DefaultJSONSummarySerializer):
    def __call__(self):
        summary = super().__call__()
        summary["unit_kind"] = self.context.unit_kind
        return summary


# Full serialization


def back_relations(unit):
    """Catalog brains of the visible services handled by the unit and of its visible sub-units."""
    catalog = api.portal.get_tool("portal_catalog")
    uid = unit.UID()
    services = {}
    for index in ("catalogue_responsible_unit_uid", "catalogue_location_unit_uid"):
        for brain in catalog(portal_type="Service", sort_on="sortable_title", **{index: uid}):
            services.setdefault(brain.UID, brain)
    services = sorted(services.values(), key=lambda b: (mapUnicode(b.Title or "").lower(), b.getPath()))
    sub_units = catalog(portal_type="OrganizationalUnit", catalogue_parent_unit_uid=uid, sort_on="sortable_title")
    return services, list(sub_units)


@implementer(ISerializeToJson)
@adapter(IOrganizationalUnit, IBrowserLayer)
class SerializeUnitToJson(SerializeToJson):
    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(version=version, include_items=include_items, include_expansion=include_expansion)
        services, sub_units = back_relations(self.context)
        result["services"] = [getMultiAdapter((b, self.request), ISerializeToJsonSummary)() for b in services]
        result["sub_units"] = [getMultiAdapter((b, self.request), ISerializeToJsonSummary)() for b in sub_units]
        return result


@implementer(ISerializeToJson)
@adapter(IService, IBrowserLayer)
class SerializeServiceToJson(SerializeFolderToJson):
    """The stock folder serializer: ``items`` are the downloadable forms the requester may see.

    For anonymous requesters the whole answer is kept until something is committed (``anonymous_fragment``:
    per card, URL with the query string — ``expand``, ``fullobjects``, ``include_items``, ``version`` —, the
    call's arguments, language): profiled against a stock Document, the fields of the card's seven schemata
    (behaviors) took the longest and are the same for every anonymous requester. Each call gets its own
    top-level dict; the nested values are shared and must not be changed. The items (with their batching)
    and the relations' summaries are kept on their own as well (the field serializers above). Logged-in
    requesters get a fresh answer.
    """

    def __call__(self, version=None, include_items=True, include_expansion=True):
        path = "/".join(self.context.getPhysicalPath())
        name = f"catalogue-service-json:{path}:{version}:{include_items}:{include_expansion}"
        return dict(anonymous_fragment(self.request, self.context, name,
                                       lambda: self.serialize(version, include_items, include_expansion)))

    def serialize(self, version=None, include_items=True, include_expansion=True):
        result = SerializeToJson.__call__(self, version=version, include_expansion=include_expansion)
        result["is_folderish"] = True
        if boolean_value(self.request.form.get("include_items", include_items)):
            result.update(anonymous_fragment(self.request, self.context, "catalogue-service-items", self._items))
        return result

    def _items(self):
        """``items_total``, ``batching`` and ``items`` exactly as the stock folder serializer makes them."""
        brains = api.portal.get_tool("portal_catalog")(self._build_query())
        batch = HypermediaBatch(self.request, brains)
        found = {"items_total": batch.items_total}
        if batch.links:
            found["batching"] = batch.links
        if "fullobjects" in list(self.request.form):
            found["items"] = getMultiAdapter((brains, self.request), ISerializeToJson)(fullobjects=True)["items"]
        else:
            found["items"] = [getMultiAdapter((b, self.request), ISerializeToJsonSummary)() for b in batch]
        return found
