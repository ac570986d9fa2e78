"""POST <small grant>/@small-grant/<action> with a JSON object:

update {"fields": {...}}                        a draft, by the organisation's representatives
submit                                          a representative (limits: 10,000 zł, 90 days, 20,000 zł a year)
publish                                         the city staff: the 7 days for comments start
comment {"name", "text"}                        anyone, during the 7 days
decide {"result": "granted"|"refused", "amount", "reason"}   the city staff, after the 7 days
moderate {"comment", "action": "hide"|"restore", "reason"}   the city staff, logged
"""

from ezabrze.ngo import _
from ezabrze.ngo.competitions.restapi.serializers import current_userid
from ezabrze.ngo.competitions.restapi.services.calls.post import error_message
from ezabrze.ngo.consultations.restapi.services.base import TraversingService
from ezabrze.ngo.smallgrants import rules
from ezabrze.ngo.smallgrants.restapi.serializers import small_grant_json
from ezabrze.ngo.smallgrants.restapi.services.smallgrants.post import parse_fields


class SmallGrantPost(TraversingService):
    def reply(self):
        data = self.body()
        if data is None:
            return self.error(400, _("Send a JSON object (Content-Type: application/json)."))
        if len(self.params) != 1:
            return self.error(404, _("There is no such action."))
        action = self.params[0]
        userid = current_userid()
        if userid is None and action != "comment":
            return self.error(401, _("Log in first."))
        item = self.context
        try:
            if action == "update":
                rules.update(item, userid, parse_fields(data.get("fields") or {}))
            elif action == "submit":
                rules.submit(item, userid)
            elif action == "publish":
                rules.publish(item)
            elif action == "comment":
                rules.comment(item, data.get("name"), data.get("text"), userid)
            elif action == "decide":
                rules.decide(item, data.get("result"), data.get("amount"), data.get("reason"), userid)
            elif action == "moderate":
                rules.moderate(item, data.get("comment"), data.get("action"), data.get("reason"), userid)
            else:
                return self.error(404, _("There is no such action."))
        except rules.SmallGrantError as error:
            return self.error(error.status, error_message(error.message, self.request))
        return small_grant_json(item, userid)
