"""POST <offer>/@offer/<action> with a JSON object:

update {"fields": {...}}           a draft, by its representatives, before the deadline
submit                             freeze, checksum, mail (409 after the deadline or when already submitted)
correct {"fields": {...}}          only the items of a correction request, before its deadline
updated-costs {"costs": [...]}     after a grant lower than requested
request-correction {"items", "deadline", "note"}      staff (Evaluate offers), formal evaluation
formal {"checklist", "result", "reason"}              staff (Evaluate offers), formal evaluation
card {"scores": {criterion id: {"points", "justification"}}}   an eligible committee member, merit evaluation
"""

from datetime import datetime
from ezabrze.ngo import _
from ezabrze.ngo.competitions import EVALUATE_PERMISSION
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import offers as offers_api
from ezabrze.ngo.competitions.restapi.serializers import current_userid
from ezabrze.ngo.competitions.restapi.serializers import offer_json
from ezabrze.ngo.competitions.restapi.services.calls.post import error_message
from ezabrze.ngo.competitions.restapi.services.calls.post import parse_fields
from ezabrze.ngo.consultations.restapi.services.base import TraversingService
from plone import api


class OfferPost(TraversingService):
    def reply(self):
        data = self.body()
        if data is None:
            return self.error(400, _("Send a JSON object (Content-Type: application/json)."))
        userid = current_userid()
        if userid is None:
            return self.error(401, _("Log in first."))
        if len(self.params) != 1:
            return self.error(404, _("There is no such action."))
        try:
            return self.act(self.params[0], data, userid)
        except (offers_api.OfferError, evaluation.EvaluationError) as error:
            return self.error(error.status, error_message(error.message, self.request))

    def staff(self):
        if not api.user.has_permission(EVALUATE_PERMISSION, obj=self.context.aq_parent):
            raise evaluation.EvaluationError(403, _("Only the city staff evaluate offers formally."))

    def act(self, action, data, userid):
        offer = self.context
        if action == "update":
            offers_api.update(offer, userid, parse_fields(data.get("fields") or {}))
        elif action == "submit":
            offers_api.submit(offer, userid)
        elif action == "correct":
            offers_api.correct(offer, userid, parse_fields(data.get("fields") or {}))
        elif action == "updated-costs":
            evaluation.update_costs(offer, userid, data.get("costs") or [])
        elif action == "request-correction":
            self.staff()
            try:
                deadline = datetime.fromisoformat(str(data.get("deadline")))
            except ValueError:
                return self.error(400, _("Give the correction deadline as an ISO date and time."))
            offers_api.request_correction(offer, data.get("items"), deadline, data.get("note") or "")
        elif action == "formal":
            self.staff()
            evaluation.set_formal(offer, data.get("checklist"), data.get("result"), data.get("reason"), userid)
        elif action == "card":
            evaluation.score(offer, userid, data.get("scores"))
        else:
            return self.error(404, _("There is no such action."))
        return offer_json(offer, with_evaluation=action in ("formal", "card", "request-correction"))
