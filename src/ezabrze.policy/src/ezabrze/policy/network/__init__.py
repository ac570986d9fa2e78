"""City network registry: infokiosks, CCTV cameras, hotspots, WiMax access points, connected sites and fibre
segments, on a map that works without the internet.

Who sees what: kiosks, hotspots, camera positions, access points and the totals are public; fibre segments,
connected sites, the technical details and internal notes of every node are staff-only (e-bezpieczeństwo).
Items are public or staff-only by their workflow state (``ezabrze_network_workflow``: a segment or a connected
site cannot be made public), fields by the read permission "ezabrze.policy: View network internals" — so every
channel (pages, REST, search, GeoJSON, exports) shows the same.

Where things are: `content.py` (NetworkRegistry, NetworkNode, FibreSegment, fault reports), `geo.py` (the outline
of the city and its districts shipped in `data/zabrze.geojson`, projection to SVG, WiMax coverage), `totals.py`
(the totals table computed from the registry), `indexers.py` (prefix ``network_``), `browser/` (map, list,
GeoJSON, CSV, fault form), `restapi/services/network/` (``@network``), `setup.py` (the registry folder and the
staff's local role), `interfaces.py` + `controlpanel.py` (the settings: kinds that may be public, the kiosks'
map, the WiMax range or the coverage as reported), `kiosk.py` (the map tile of the infokiosks' start screen and
the kiosks of the registry for ezabrze.theme).
"""

REGISTRY_ID = "siec"
STAFF_ROLE = "NetworkStaff"
NODE_TYPES = ("kiosk", "camera", "hotspot", "access_point", "site")
PUBLIC_NODE_TYPES = ("kiosk", "camera", "hotspot", "access_point")  # the default of the setting
DEFAULT_KIOSK_MAP_TYPES = ("kiosk", "hotspot")
MEDIA = ("fibre", "wimax")
NODE_STATUSES = ("working", "fault", "maintenance", "planned")
SEGMENT_KINDS = ("backbone", "distribution")
INTERNALS_PERMISSION = "ezabrze.policy: View network internals"
FAULT_PERMISSION = "ezabrze.policy: Report network fault"
SETTINGS_PERMISSION = "ezabrze.policy: Manage network settings"
# Default radius (km) around a WiMax access point counted as covered in the coverage share (a conservative urban range
# of a WiMax sector; the share is computed on a grid over the city outline, see geo.coverage)
WIMAX_RANGE_KM = 1.08
SETTINGS_PREFIX = "ezabrze.policy"


def setting(name, default=None):
    """A record of INetworkSettings (``ezabrze.policy.network_<name>``, see interfaces.py); the default when the
    record is missing or empty (a site that has not run the upgrade yet, an optional value left empty)."""
    from plone import api

    value = api.portal.get_tool("portal_registry").get(f"{SETTINGS_PREFIX}.network_{name}")
    return default if value is None else value
