"""GET @bip-metadata: the metryczka and change register of an item (same data as the viewlet)."""

from ezabrze.policy.bip.behavior import metadata
from plone.restapi.services import Service


class BIPMetadataGet(Service):
    def reply(self):
        data = metadata(self.context, self.request)
        data["@id"] = f"{self.context.absolute_url()}/@bip-metadata"
        return data
