"""Pages of the network registry: the map (SVG drawn on the server from the GeoJSON shipped in the repository,
no tiles, no JavaScript), the list, the totals, GeoJSON and CSV exports, the node page and the fault form."""

from AccessControl import Unauthorized
from ezabrze.policy import _
from ezabrze.policy.exports import neutralize
from ezabrze.policy.network import FAULT_PERMISSION
from ezabrze.policy.network import geo
from ezabrze.policy.network import NODE_STATUSES
from ezabrze.policy.network import NODE_TYPES
from ezabrze.policy.network.content import fault_errors
from ezabrze.policy.network.registry import clean_filters
from ezabrze.policy.network.registry import geojson
from ezabrze.policy.network.registry import may_see_internals
from ezabrze.policy.network.registry import node_data
from ezabrze.policy.network.registry import segment_data
from ezabrze.policy.network.registry import visible_nodes
from ezabrze.policy.network.registry import visible_segments
from ezabrze.policy.network.totals import totals
from ezabrze.policy.network.vocabularies import NODE_STATUS_TITLES
from ezabrze.policy.network.vocabularies import NODE_TYPE_TITLES
from io import StringIO
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from xml.sax.saxutils import escape
from xml.sax.saxutils import quoteattr
from zope.i18n import translate

import csv
import json


TYPE_COLOURS = {
    "kiosk": "#0b5394",
    "camera": "#a61b1b",
    "hotspot": "#1e7b34",
    "access_point": "#7a5c00",
    "site": "#5b2a86",
}
STATUS_STROKE = {"working": "#ffffff", "fault": "#000000", "maintenance": "#000000", "planned": "#888888"}

TOTAL_LABELS = (
    ("fibre_km", _("Fibre network (km)")),
    ("connections", _("Fibre connections")),
    ("kiosks", _("Infokiosks")),
    ("cameras", _("CCTV cameras")),
    ("hotspots", _("Hotspots")),
    ("access_points", _("WiMax access points")),
    ("wimax_coverage", _("WiMax coverage of the city (%)")),
)


class RegistryBase(BrowserView):
    filters_template = ViewPageTemplateFile("templates/filters.pt")
    totals_template = ViewPageTemplateFile("templates/totals.pt")
    list_template = ViewPageTemplateFile("templates/list_table.pt")

    def __call__(self):
        self.filters = clean_filters(self.request.form)
        self.internals = may_see_internals(self.context)
        return self.index()

    def t(self, msgid):
        return translate(msgid, context=self.request)

    def nodes(self):
        if not hasattr(self, "_nodes"):
            self._nodes = [node_data(n, self.request, self.internals) for n in visible_nodes(self.context, self.filters)]
        return self._nodes

    def type_options(self):
        chosen = self.filters.get("type", [])
        return [
            {"value": v, "title": self.t(NODE_TYPE_TITLES[v]), "checked": v in chosen, "colour": TYPE_COLOURS[v]}
            for v in NODE_TYPES
        ]

    def status_options(self):
        chosen = self.filters.get("status", [])
        return [{"value": v, "title": self.t(NODE_STATUS_TITLES[v]), "checked": v in chosen} for v in NODE_STATUSES]

    def totals(self):
        values = totals(self.context)
        return [{"label": self.t(label), "value": values[name]} for name, label in TOTAL_LABELS]


class MapView(RegistryBase):
    def svg(self):
        projection = geo.Projection()
        title = self.t(_("Map of the city network"))
        desc = self.t(
            _(
                "map_desc",
                default="Outline of Zabrze and its districts with ${count} nodes; the list below the map gives "
                "the same nodes with their addresses.",
                mapping={"count": len(self.nodes())},
            )
        )
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {projection.width} {projection.height}" '
            'role="group" aria-labelledby="map-title map-desc" class="network-map">',
            f'<title id="map-title">{escape(title)}</title><desc id="map-desc">{escape(desc)}</desc>',
            f'<path d="{projection.path(geo.outline())}" fill="#f4f1e8" stroke="#333" stroke-width="2" />',
        ]
        for feature in geo.districts():
            ring = feature["geometry"]["coordinates"][0]
            parts.append(
                f'<path d="{projection.path(ring)}" fill="none" stroke="#999" stroke-dasharray="4 3" />'
            )
            lon = sum(p[0] for p in ring[:-1]) / (len(ring) - 1)
            lat = sum(p[1] for p in ring[:-1]) / (len(ring) - 1)
            x, y = projection(lon, lat)
            parts.append(
                f'<text x="{x}" y="{y}" text-anchor="middle" font-size="12" fill="#555">'
                f"{escape(feature['properties']['name'])}</text>"
            )
        if not self.filters:
            for segment in visible_segments(self.context):
                (x1, y1) = projection(segment.start_longitude, segment.start_latitude)
                (x2, y2) = projection(segment.end_longitude, segment.end_latitude)
                width = 3 if segment.kind == "backbone" else 1.5
                parts.append(
                    f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#d2691e" stroke-width="{width}">'
                    f"<title>{escape(segment.Title())}</title></line>"
                )
        for node in self.nodes():
            x, y = projection(node["longitude"], node["latitude"])
            label = f"{node['title']} — {node['node_type_title']}, {node['status_title']}, {node['address']}"
            parts.append(
                f'<a href={quoteattr(node["url"])} class="network-node type-{node["node_type"]} '
                f'status-{node["status"]}" aria-label={quoteattr(label)}>'
                f"<title>{escape(label)}</title>"
                f'<circle cx="{x}" cy="{y}" r="5" fill="{TYPE_COLOURS[node["node_type"]]}" '
                f'stroke="{STATUS_STROKE[node["status"]]}" stroke-width="1.5" /></a>'
            )
        parts.append("</svg>")
        return "\n".join(parts)


class ListView(RegistryBase):
    """The same nodes as the map, as a table."""


class GeoJSONExport(BrowserView):
    def __call__(self):
        data = geojson(self.context, self.request, clean_filters(self.request.form))
        response = self.request.response
        response.setHeader("Content-Type", "application/geo+json; charset=utf-8")
        response.setHeader("Content-Disposition", 'attachment; filename="siec-zabrze.geojson"')
        if may_see_internals(self.context):
            response.setHeader("Cache-Control", "private, no-store")
        return json.dumps(data, ensure_ascii=False)


CSV_COLUMNS = (
    ("title", _("Name")),
    ("node_type_title", _("Kind of node")),
    ("address", _("Address")),
    ("district_title", _("District")),
    ("medium_title", _("Medium")),
    ("status_title", _("Status")),
    ("status_date", _("Status since")),
    ("latitude", _("Latitude")),
    ("longitude", _("Longitude")),
)
INTERNAL_CSV_COLUMNS = (("technical_details", _("Technical details")), ("internal_notes", _("Internal notes")))


class CSVExport(RegistryBase):
    def __call__(self):
        filters = clean_filters(self.request.form)
        internals = may_see_internals(self.context)
        columns = CSV_COLUMNS + (INTERNAL_CSV_COLUMNS if internals else ())
        out = StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow([translate(title, context=self.request) for _name, title in columns])
        for node in visible_nodes(self.context, filters):
            data = node_data(node, self.request, internals)
            writer.writerow([neutralize(data[name]) for name, _title in columns])
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", 'attachment; filename="siec-zabrze.csv"')
        if internals:
            response.setHeader("Cache-Control", "private, no-store")
        return "\ufeff" + out.getvalue()


class NodeView(BrowserView):
    """A node: its facts, for staff the technical details, internal notes and fault reports, and the fault form."""

    def data(self):
        return node_data(self.context, self.request, may_see_internals(self.context))

    def related(self, field):
        relation = getattr(self.context, field, None)
        obj = relation.to_object if relation is not None and not relation.isBroken() else None
        if obj is None or not api.user.has_permission("View", obj=obj):
            return None
        return {"url": obj.absolute_url(), "title": obj.Title()}

    def may_report(self):
        return api.user.has_permission(FAULT_PERMISSION, obj=self.context)

    def faults(self):
        if not may_see_internals(self.context):
            return []
        return [
            {
                "date": entry["date"][:16].replace("T", " "),
                "status": translate(NODE_STATUS_TITLES.get(entry["status"], entry["status"]), context=self.request),
                "comment": entry["comment"],
            }
            for entry in reversed(self.context.faults)
        ]

    def statuses(self):
        return [{"value": v, "title": translate(NODE_STATUS_TITLES[v], context=self.request)} for v in NODE_STATUSES]


class SegmentView(BrowserView):
    def data(self):
        return segment_data(self.context, self.request)


class FaultForm(BrowserView):
    """POST only (from the node page): status and comment; CSRF-checked; a clear Polish message on bad input."""

    def __call__(self):
        if self.request.method != "POST":
            self.request.response.redirect(self.context.absolute_url())
            return ""
        if not api.user.has_permission(FAULT_PERMISSION, obj=self.context):
            raise Unauthorized("Report network fault")
        CheckAuthenticator(self.request)
        status = self.request.form.get("status")
        comment = self.request.form.get("comment")
        comment = comment.strip() if isinstance(comment, str) else ""
        errors = fault_errors(status, comment)
        if errors:
            for message in errors.values():
                api.portal.show_message(message, self.request, type="error")
            self.request.response.redirect(self.context.absolute_url() + "#zglos-awarie")
            return ""
        self.context.report_fault(status, comment)
        api.portal.show_message(_("The report is recorded; the node's status is updated."), self.request)
        self.request.response.redirect(self.context.absolute_url())
        return ""
