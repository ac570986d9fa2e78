"""GET /@openapi."""

from ezabrze.policy.headless.document import document
from plone.restapi.services import Service


class OpenAPIGet(Service):
    def reply(self):
        return document(self.context.absolute_url())
