"""The totals of the city network, computed from the registry (never typed in).

The WiMax coverage is computed from the access points and the range set in the control panel, unless the
control panel holds the coverage as the operator reports it (then that figure is shown).

The totals are public (cities publish them) although some of what they count is staff-only: they are counted
with an unrestricted catalog query, and only numbers leave this module.
"""

from ezabrze.policy.network import geo
from ezabrze.policy.network import setting
from ezabrze.policy.network import WIMAX_RANGE_KM
from plone import api


def totals(registry):
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(registry.getPhysicalPath())
    nodes = catalog.unrestrictedSearchResults(portal_type="NetworkNode", path=path)
    by_type = {}
    fibre = wimax = 0
    wimax_points = []
    for brain in nodes:
        by_type[brain.network_node_type] = by_type.get(brain.network_node_type, 0) + 1
        if brain.network_medium == "fibre":
            fibre += 1
        elif brain.network_medium == "wimax":
            wimax += 1
            obj = brain._unrestrictedGetObject()
            wimax_points.append((obj.latitude, obj.longitude))
    length = 0.0
    for brain in catalog.unrestrictedSearchResults(portal_type="FibreSegment", path=path):
        length += brain._unrestrictedGetObject().length_km or 0.0
    return {
        "fibre_km": round(length, 1),
        "connections": fibre,
        "kiosks": by_type.get("kiosk", 0),
        "cameras": by_type.get("camera", 0),
        "hotspots": by_type.get("hotspot", 0),
        "access_points": wimax,
        "connected_sites": by_type.get("site", 0),
        "wimax_coverage": wimax_coverage(wimax_points),
    }


def wimax_coverage(points):
    reported = setting("wimax_coverage")
    if reported is not None:
        return reported
    if not points:
        return 0
    return round(100 * geo.coverage(points, setting("wimax_range_km", WIMAX_RANGE_KM)))
