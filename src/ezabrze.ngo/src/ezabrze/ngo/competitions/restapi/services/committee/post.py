"""POST <call>/@committee/<action>:

members {"userid", "kind": "staff"|"ngo", "organization"}   managers of the competition
declaration {"conflicts": [organization uids], "statement": true}   a committee member
proposals {"amounts": {offer id: amount}}                     staff (Evaluate offers), merit evaluation
"""

from ezabrze.ngo import _
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import EVALUATE_PERMISSION
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import MANAGE_PERMISSION
from ezabrze.ngo.competitions.restapi.serializers import committee_json
from ezabrze.ngo.competitions.restapi.serializers import current_userid
from ezabrze.ngo.competitions.restapi.services.calls.post import error_message
from ezabrze.ngo.consultations.restapi.services.base import TraversingService
from plone import api


class CommitteePost(TraversingService):
    def reply(self):
        data = self.body()
        if data is None:
            return self.error(400, _("Send a JSON object (Content-Type: application/json)."))
        userid = current_userid()
        if userid is None:
            return self.error(401, _("Log in first."))
        action = self.params[0] if len(self.params) == 1 else None
        call = self.context
        try:
            if action == "members":
                if not api.user.has_permission(MANAGE_PERMISSION, obj=call):
                    return self.error(403, _("Only the managers of the competition appoint the committee."))
                committee.add_member(call, data.get("userid"), data.get("kind") or committee.STAFF,
                                     data.get("organization"))
            elif action == "declaration":
                committee.sign_declaration(call, userid, data.get("conflicts") or [], data.get("statement") is True)
                return {"signed": True}
            elif action == "proposals":
                if not api.user.has_permission(EVALUATE_PERMISSION, obj=call):
                    return self.error(403, _("Only the city staff enter the committee's proposals."))
                evaluation.propose(call, data.get("amounts") or {})
            else:
                return self.error(404, _("There is no such action."))
        except (committee.CommitteeError, evaluation.EvaluationError) as error:
            return self.error(error.status, error_message(error.message, self.request))
        return committee_json(call)
