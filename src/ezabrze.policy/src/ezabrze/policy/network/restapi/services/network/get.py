"""GET @network on the registry: the totals and a GeoJSON FeatureCollection of what the caller may see
(filters ?type=kiosk&status=fault as on the map)."""

from ezabrze.policy.network.registry import clean_filters
from ezabrze.policy.network.registry import geojson
from ezabrze.policy.network.totals import totals
from plone.restapi.services import Service


class NetworkGet(Service):
    def reply(self):
        filters = clean_filters(self.request.form)
        return {
            "@id": f"{self.context.absolute_url()}/@network",
            "filters": filters,
            "totals": totals(self.context),
            "geojson": geojson(self.context, self.request, filters),
        }
