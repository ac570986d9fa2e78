"""POST @network-fault on a node: staff report a fault or its repair {"status": "fault", "comment": "..."} — the
same permission ("ezabrze.policy: Report network fault") and the same checks as the node page's form.

201 with the node's new status and its fault reports; 400 with a Polish message per wrong field (nothing is
recorded); 401 for anyone without the permission. The node's public status (map, list, GeoJSON, @network)
follows at once. A cookie-authenticated call must send JSON (ezabrze.policy.security.csrf).
"""

from ezabrze.policy import _
from ezabrze.policy.network.content import fault_errors
from ezabrze.policy.network.registry import node_data
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides


class NetworkFaultPost(Service):
    def reply(self):
        try:
            data = json_body(self.request)
        except Exception:  # noqa: BLE001 - any body that is not JSON is the client's error
            data = None
        if not isinstance(data, dict):
            return self._bad_request(_("fault_body_invalid", default="Send a JSON object with status and comment."))
        status = data.get("status")
        comment = data.get("comment")
        comment = comment.strip() if isinstance(comment, str) else None
        errors = fault_errors(status, comment)
        if errors:
            return self._bad_request(
                next(iter(errors.values())),
                errors=[
                    {"field": field, "message": translate(message, context=self.request)}
                    for field, message in errors.items()
                ],
            )
        # like plone.restapi's own services: plone.protect's token check is for forms; REST changes are
        # protected by ezabrze.policy.security.csrf (JSON only, same origin, for cookie logins)
        alsoProvides(self.request, IDisableCSRFProtection)
        self.context.report_fault(status, comment)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Cache-Control", "private, no-store")
        node = node_data(self.context, self.request, internals=True)
        return {
            "@id": f"{self.context.absolute_url()}/@network-fault",
            "node": node["url"],
            "status": node["status"],
            "status_title": node["status_title"],
            "status_date": node["status_date"],
            "faults": [dict(entry) for entry in reversed(self.context.faults)],
        }

    def _bad_request(self, message, **extra):
        self.request.response.setStatus(400)
        return {"error": {"type": "BadRequest", "message": translate(message, context=self.request), **extra}}
