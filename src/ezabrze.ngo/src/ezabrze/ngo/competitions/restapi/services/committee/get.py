"""GET <call>/@committee: members, declarations, exclusions, the view log and the ranking with averages. For the
city staff (Evaluate offers) and the members who signed the declaration and are not excluded from the call."""

from ezabrze.ngo import _
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import EVALUATE_PERMISSION
from ezabrze.ngo.competitions.restapi.serializers import committee_json
from ezabrze.ngo.competitions.restapi.serializers import current_userid
from ezabrze.ngo.consultations.restapi.services.base import BaseService
from plone import api


def may_see_committee(call, userid):
    if api.user.has_permission(EVALUATE_PERMISSION, obj=call):
        return True
    return bool(userid) and userid in committee.declarations(call) and not committee.excluded_from_call(call, userid)


class CommitteeGet(BaseService):
    def reply(self):
        userid = current_userid()
        if userid is None:
            return self.error(401, _("Log in first."))
        if not may_see_committee(self.context, userid):
            return self.error(403, _("Only the city staff and the committee members who signed the declaration "
                                     "see the evaluation."))
        return committee_json(self.context)
