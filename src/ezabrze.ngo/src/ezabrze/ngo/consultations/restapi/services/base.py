"""Shared by the consultation services: Polish error bodies with the status of a RemarkError, and the JSON
body check of every POST (a JSON content type: a browser cannot send it cross-site without CORS, which is the
CSRF protection of plone.restapi's token and cookie clients alike)."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


ERROR_TYPES = {400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 409: "Conflict",
               415: "UnsupportedMediaType", 429: "TooManyRequests"}


class BaseService(Service):
    def error(self, status, message):
        self.request.response.setStatus(status)
        return {"error": {"type": ERROR_TYPES.get(status, "Error"), "message": translate(message, context=self.request)}}

    def body(self):
        """The JSON object of a POST, or None when it is not JSON."""
        content_type = (self.request.getHeader("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != "application/json":
            return None
        try:
            data = json_body(self.request)
        except Exception:
            return None
        if not isinstance(data, dict):
            return None
        alsoProvides(self.request, IDisableCSRFProtection)
        return data



@implementer(IPublishTraverse)
class TraversingService(BaseService):
    """A service with path parameters (``@remarks/<id>/report``): ``self.params`` holds them."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self
