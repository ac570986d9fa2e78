"""GET <offer>/@offer: the offer (View: its organization's verified representatives, city staff and the committee
members allowed to see it). A committee member's view is logged."""

from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import EVALUATE_PERMISSION
from ezabrze.ngo.competitions.restapi.serializers import current_userid
from ezabrze.ngo.competitions.restapi.serializers import offer_json
from ezabrze.ngo.consultations.restapi.services.base import BaseService
from plone import api


class OfferGet(BaseService):
    def reply(self):
        call = self.context.aq_parent
        userid = current_userid()
        committee.log_view(call, self.context, userid)
        staff = api.user.has_permission(EVALUATE_PERMISSION, obj=call)
        member = userid in committee.members(call) and committee.may_see(call, userid, self.context)
        return offer_json(self.context, with_evaluation=staff or member)
