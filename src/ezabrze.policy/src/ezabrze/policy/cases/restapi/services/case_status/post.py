"""REST: POST /@case-status {"sign": "...", "code": "..."} — the public status of a case, no login.

200 with the status; 404 with the same body for an unknown sign and for a wrong code; 429 after too many
wrong tries from one client; 400 for a body that is not JSON with both strings.
"""

from ezabrze.policy import _
from ezabrze.policy.cases import api as cases_api
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zope.i18n import translate


class CaseStatusPost(Service):
    def reply(self):
        try:
            data = json_body(self.request)
        except Exception:
            data = None
        sign = data.get("sign") if isinstance(data, dict) else None
        code = data.get("code") if isinstance(data, dict) else None
        if not isinstance(sign, str) or not isinstance(code, str):
            self.request.response.setStatus(400)
            return self._error("BadRequest", _("status_bad_request", default="Send the sign and the tracking code."))
        try:
            case = cases_api.lookup(sign, code, self.request)
        except cases_api.Throttled:
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(cases_api.setting("window_minutes", 10) * 60))
            return self._error(
                "TooManyRequests",
                _("status_throttled", default="Too many wrong attempts. Please wait ${minutes} minutes and try again.",
                  mapping={"minutes": cases_api.setting("window_minutes", 10)}),
            )
        if case is None:
            self.request.response.setStatus(404)
            return self._error(
                "NotFound",
                _("status_not_found", default="No case matches this sign and tracking code. Check both and try again."),
            )
        return cases_api.status_info(case, self.request)

    def _error(self, type_, message):
        return {"error": {"type": type_, "message": translate(message, context=self.request)}}
