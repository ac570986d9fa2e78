"""The network registry for the infokiosks (ezabrze.theme's kiosk mode; the theme does not depend on this).

- `RegistryKioskSource` (utility ezabrze.theme.kiosk.interfaces.IKioskSource): the kiosks are the registry's
  infokiosks — their node ids, districts and addresses. The ids of the kiosk settings used before the registry
  (k01–k17 for infokiosk-01–infokiosk-17) are their aliases: the theme redirects them.
- `NetworkMapTile` (IKioskTile "network-map"): the start screen's map of the public kiosks and hotspots (the
  kinds set in the control panel) over the city's outline from the GeoJSON shipped in the repository, drawn on
  the server (works offline, no tiles, no links leaving the portal), the current kiosk marked "you are here",
  with a text alternative: where the kiosk is and the nearest other nodes with their distances.
"""

from ezabrze.policy import _
from ezabrze.policy.network import DEFAULT_KIOSK_MAP_TYPES
from ezabrze.policy.network import geo
from ezabrze.policy.network import REGISTRY_ID
from ezabrze.policy.network import setting
from ezabrze.policy.network.registry import node_data
from ezabrze.policy.network.registry import visible_nodes
from ezabrze.policy.network.vocabularies import district_title
from ezabrze.policy.strategy import SECTION_ID
from ezabrze.theme.kiosk.interfaces import IKioskSource
from ezabrze.theme.kiosk.interfaces import IKioskTile
from ezabrze.theme.kiosk.mode import current_kiosk
from plone import api
from urllib.parse import urlencode
from xml.sax.saxutils import escape
from zope.i18n import translate
from zope.interface import implementer

import re


KIOSK_NUMBER = re.compile(r"^infokiosk-(\d{1,2})$")
NEAREST = 3
COLOURS = {"kiosk": "#0b5394", "hotspot": "#1e7b34", "camera": "#a61b1b", "access_point": "#7a5c00"}


def registry(site=None):
    site = site or api.portal.get()
    section = site.get(SECTION_ID)
    return section.get(REGISTRY_ID) if section is not None else None


@implementer(IKioskSource)
class RegistryKioskSource:
    def kiosks(self):
        folder = registry()
        if folder is None:
            return []
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(
            portal_type="NetworkNode",
            network_node_type="kiosk",
            path="/".join(folder.getPhysicalPath()),
            sort_on="id",
        )
        result = []
        for brain in brains:
            node = brain._unrestrictedGetObject()
            match = KIOSK_NUMBER.match(node.getId())
            aliases = (f"k{int(match.group(1)):02d}",) if match else ()
            result.append((node.getId(), node.district or "", node.address or node.Title(), aliases))
        return result


@implementer(IKioskTile)
class NetworkMapTile:
    def __init__(self, site, request):
        self.site = site
        self.request = request

    def t(self, msgid):
        return translate(msgid, context=self.request)

    def tile(self):
        folder = registry(self.site)
        if folder is None:
            return None
        kinds = list(setting("kiosk_map_types", DEFAULT_KIOSK_MAP_TYPES))
        if not kinds:
            return None
        nodes = [node_data(node, self.request, False) for node in visible_nodes(folder, {"type": kinds})]
        if not nodes:
            return None
        kiosk = current_kiosk(self.request)
        here = next((n for n in nodes if kiosk is not None and n["id"] == kiosk.id), None)
        items = []
        if here is not None:
            items.append(
                {
                    "title": self.t(
                        _(
                            "kiosk_map_here",
                            default="You are here: ${title}, ${address} (${district})",
                            mapping={"title": here["title"], "address": here["address"],
                                     "district": here["district_title"]},
                        )
                    ),
                    "url": here["url"],
                }
            )
            others = sorted(
                (n for n in nodes if n is not here),
                key=lambda n: geo.km(here["latitude"], here["longitude"], n["latitude"], n["longitude"]),
            )
            for node in others[:NEAREST]:
                distance = geo.km(here["latitude"], here["longitude"], node["latitude"], node["longitude"])
                items.append(
                    {
                        "title": self.t(
                            _(
                                "kiosk_map_nearby",
                                default="${kind} ${title}, ${address} — ${distance} km from here",
                                mapping={"kind": node["node_type_title"], "title": node["title"],
                                         "address": node["address"], "distance": f"{distance:.1f}".replace(".", ",")},
                            )
                        ),
                        "url": node["url"],
                    }
                )
        counts = {kind: sum(1 for n in nodes if n["node_type"] == kind) for kind in kinds}
        return {
            "title": self.t(_("Map of infokiosks and hotspots")),
            "url": f"{folder.absolute_url()}/mapa-sieci?{urlencode({'type': kinds}, doseq=True)}",
            "description": self.t(
                _(
                    "kiosk_map_description",
                    default="${kiosks} infokiosks and ${hotspots} hotspots of the city network.",
                    mapping={"kiosks": counts.get("kiosk", 0), "hotspots": counts.get("hotspot", 0)},
                )
            ),
            "figure": self.svg(nodes, here),
            "items": items,
        }

    def svg(self, nodes, here):
        projection = geo.Projection(width=400)
        title = self.t(_("Map of infokiosks and hotspots"))
        if here is not None:
            desc = self.t(
                _(
                    "kiosk_map_desc_here",
                    default="Outline of Zabrze and its districts with ${count} points; the large ring marks this "
                    "kiosk (${district}). The list below the map names the nearest points.",
                    mapping={"count": len(nodes), "district": district_title(here["district"])},
                )
            )
        else:
            desc = self.t(
                _(
                    "kiosk_map_desc",
                    default="Outline of Zabrze and its districts with ${count} points.",
                    mapping={"count": len(nodes)},
                )
            )
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {projection.width} {projection.height}" '
            'role="img" aria-labelledby="kiosk-map-title kiosk-map-desc" class="ezabrze-kiosk-map" focusable="false">',
            f'<title id="kiosk-map-title">{escape(title)}</title><desc id="kiosk-map-desc">{escape(desc)}</desc>',
            f'<path d="{projection.path(geo.outline())}" fill="#f4f1e8" stroke="#333" stroke-width="2" />',
        ]
        for feature in geo.districts():
            ring = feature["geometry"]["coordinates"][0]
            parts.append(f'<path d="{projection.path(ring)}" fill="none" stroke="#999" stroke-dasharray="4 3" />')
        for node in nodes:
            if node is here:
                continue
            x, y = projection(node["longitude"], node["latitude"])
            parts.append(
                f'<circle cx="{x}" cy="{y}" r="5" fill="{COLOURS.get(node["node_type"], "#333")}" '
                f'stroke="#fff" stroke-width="1.5" class="kiosk-map-node type-{node["node_type"]}" />'
            )
        if here is not None:
            x, y = projection(here["longitude"], here["latitude"])
            label = self.t(_("You are here"))
            parts.append(
                f'<g class="kiosk-map-here"><circle cx="{x}" cy="{y}" r="14" fill="none" stroke="#c00000" '
                f'stroke-width="4" /><circle cx="{x}" cy="{y}" r="6" fill="#c00000" />'
                f'<text x="{x}" y="{max(y - 20, 14)}" text-anchor="middle" font-size="18" font-weight="bold" '
                f'fill="#000" stroke="#fff" stroke-width="4" paint-order="stroke">{escape(label)}</text></g>'
            )
        parts.append("</svg>")
        return "\n".join(parts)
