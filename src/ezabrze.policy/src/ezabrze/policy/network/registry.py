"""What a viewer may see of the registry, as plain data: the nodes (restricted catalog query, filtered by type
and status) and, for staff, the fibre segments. The map, the list, the GeoJSON and CSV exports and the REST
service all use `visible_nodes` / `visible_segments` / `feature`, so they show the same."""

from ezabrze.policy.network import INTERNALS_PERMISSION
from ezabrze.policy.network import NODE_STATUSES
from ezabrze.policy.network import NODE_TYPES
from ezabrze.policy.network.vocabularies import district_title
from ezabrze.policy.network.vocabularies import MEDIUM_TITLES
from ezabrze.policy.network.vocabularies import NODE_STATUS_TITLES
from ezabrze.policy.network.vocabularies import NODE_TYPE_TITLES
from ezabrze.policy.network.vocabularies import SEGMENT_KIND_TITLES
from plone import api
from zope.i18n import translate


def clean_filters(form):
    """?type=...&status=... (each may repeat); unknown values are ignored."""
    result = {}
    for name, allowed in (("type", NODE_TYPES), ("status", NODE_STATUSES)):
        value = form.get(name)
        values = value if isinstance(value, list) else [value]
        chosen = [v for v in values if isinstance(v, str) and v in allowed]
        if chosen:
            result[name] = chosen
    return result


def may_see_internals(context):
    return api.user.has_permission(INTERNALS_PERMISSION, obj=context)


def visible_nodes(registry, filters=None):
    filters = filters or {}
    query = {
        "portal_type": "NetworkNode",
        "path": "/".join(registry.getPhysicalPath()),
        "sort_on": "sortable_title",
    }
    if "type" in filters:
        query["network_node_type"] = filters["type"]
    if "status" in filters:
        query["network_status"] = filters["status"]
    catalog = api.portal.get_tool("portal_catalog")
    return [brain.getObject() for brain in catalog(**query)]


def visible_segments(registry):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(portal_type="FibreSegment", path="/".join(registry.getPhysicalPath()), sort_on="sortable_title")
    return [brain.getObject() for brain in brains]


def node_data(node, request, internals):
    data = {
        "id": node.getId(),
        "url": node.absolute_url(),
        "title": node.Title(),
        "node_type": node.node_type,
        "node_type_title": translate(NODE_TYPE_TITLES.get(node.node_type, node.node_type), context=request),
        "address": node.address,
        "district": node.district,
        "district_title": district_title(node.district),
        "medium": node.medium,
        "medium_title": translate(MEDIUM_TITLES.get(node.medium, node.medium), context=request),
        "status": node.node_status,
        "status_title": translate(NODE_STATUS_TITLES.get(node.node_status, node.node_status), context=request),
        "status_date": node.status_date.isoformat() if node.status_date else None,
        "latitude": node.latitude,
        "longitude": node.longitude,
    }
    if internals:
        data["technical_details"] = node.technical_details or ""
        data["internal_notes"] = node.internal_notes or ""
    return data


def segment_data(segment, request):
    return {
        "id": segment.getId(),
        "url": segment.absolute_url(),
        "title": segment.Title(),
        "kind": segment.kind,
        "kind_title": translate(SEGMENT_KIND_TITLES.get(segment.kind, segment.kind), context=request),
        "length_km": segment.length_km,
        "start_point": segment.start_point,
        "end_point": segment.end_point,
        "internal_notes": segment.internal_notes or "",
        "coordinates": [
            [segment.start_longitude, segment.start_latitude],
            [segment.end_longitude, segment.end_latitude],
        ],
    }


def geojson(registry, request, filters=None):
    """A FeatureCollection of what the viewer may see: nodes as Points, fibre segments (staff) as LineStrings."""
    internals = may_see_internals(registry)
    features = []
    for node in visible_nodes(registry, filters):
        data = node_data(node, request, internals)
        features.append(
            {
                "type": "Feature",
                "id": data.pop("id"),
                "geometry": {"type": "Point", "coordinates": [data.pop("longitude"), data.pop("latitude")]},
                "properties": data,
            }
        )
    if not filters:
        for segment in visible_segments(registry):
            data = segment_data(segment, request)
            features.append(
                {
                    "type": "Feature",
                    "id": data.pop("id"),
                    "geometry": {"type": "LineString", "coordinates": data.pop("coordinates")},
                    "properties": {"feature": "fibre_segment", **data},
                }
            )
    return {"type": "FeatureCollection", "features": features}
