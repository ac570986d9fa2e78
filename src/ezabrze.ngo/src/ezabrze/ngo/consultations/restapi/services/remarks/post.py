"""POST <consultation>/@remarks                      {"unit_id", "current_wording", "proposed_wording",
                                                      "justification", "parent_id", "organization"} -> 201
POST @remarks/<id>/report                            {"reason": "spam"|"offensive"|"off_topic"}
POST @remarks/<id>/moderate                          {"action": "hide"|"restore", "reason"}   (moderators)
POST @remarks/<id>/answer                            {"verdict", "reasoning"}                  (staff)
POST @remarks/publish-answers                                                                   (staff)

A new remark: a filled anti-spam field (``protected_1``) is refused with 403, a burst from one client with 429
and Retry-After (``ezabrze.ngo.limits``; the same limits as the page form).

The rules are those of the pages (ezabrze.ngo.consultations.remarks); a refusal answers 400/401/403/404/409
with a Polish message and stores nothing."""

from collective.honeypot.config import HONEYPOT_FIELD
from ezabrze.ngo import _
from ezabrze.ngo import limits
from ezabrze.ngo.consultations import mail as consultation_mail
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations.restapi.serializers import remark_json
from ezabrze.ngo.consultations.restapi.services.base import TraversingService


class RemarksPost(TraversingService):
    def reply(self):
        data = self.body()
        if data is None:
            return self.error(400, _("Send a JSON object (Content-Type: application/json)."))
        try:
            return self.act(data)
        except remarks_api.RemarkError as error:
            return self.error(error.status, error.message)

    def act(self, data):
        params = self.params
        if not params:
            if HONEYPOT_FIELD and data.get(HONEYPOT_FIELD):  # a bot filled the anti-spam field
                return self.error(403, _("ngo_honeypot", default="The form was refused as spam. Send it from the "
                                                                 "portal's page."))
            try:
                limits.reserve("remarks", self.request)
            except limits.Limited as error:
                self.request.response.setHeader("Retry-After", str(error.retry_after))
                return self.error(429, error.message)
            remark = remarks_api.add(self.context, data)
            self.request.response.setStatus(201)
            self.request.response.setHeader("Location", f"{self.context.absolute_url()}/@remarks/{remark.id}")
            return remark_json(self.context, remark, self.request)
        if params == ["publish-answers"]:
            published = remarks_api.publish_answers(self.context)
            consultation_mail.notify_answers(self.context, published)
            return {"published": [r.id for r in published]}
        if len(params) != 2:
            return self.error(404, _("There is no such remark."))
        remark_id, action = params
        if action == "report":
            remark = remarks_api.report(self.context, remark_id, data.get("reason"))
            return {"id": remark.id, "reported": True}
        if action == "moderate":
            remark = remarks_api.moderate(self.context, remark_id, data.get("action"), data.get("reason"))
            return {"id": remark.id, "hidden": remark.hidden}
        if action == "answer":
            remark = remarks_api.prepare_answer(self.context, remark_id, data.get("verdict"), data.get("reasoning"))
            return remark_json(self.context, remark, self.request)
        return self.error(404, _("There is no such remark."))
