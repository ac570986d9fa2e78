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
staff's local role).
"""

REGISTRY_ID = "siec"
STAFF_ROLE = "NetworkStaff"
NODE_TYPES = ("kiosk", "camera", "hotspot", "access_point", "site")
PUBLIC_NODE_TYPES = ("kiosk", "camera", "hotspot", "access_point")
MEDIA = ("fibre", "wimax")
NODE_STATUSES = ("working", "fault", "maintenance", "planned")
SEGMENT_KINDS = ("backbone", "distribution")
INTERNALS_PERMISSION = "ezabrze.policy: View network internals"
FAULT_PERMISSION = "ezabrze.policy: Report network fault"
# Radius (km) around a WiMax access point counted as covered in the coverage share (a conservative urban range
# of a WiMax sector; the share is computed on a grid over the city outline, see geo.coverage)
WIMAX_RANGE_KM = 1.08
