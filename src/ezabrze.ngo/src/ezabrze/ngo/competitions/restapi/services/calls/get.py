"""GET /@grant-calls[?state=announced]: the calls the user may see, with state and time left.
GET <call>/@grant-call: one call (criteria, limits, dates), the user's own offers and, once published, the
results. GET <call>/@grant-results: the public results."""

from ezabrze.ngo import _
from ezabrze.ngo.competitions import CALL_TYPE
from ezabrze.ngo.competitions import offers as offers_api
from ezabrze.ngo.competitions import state
from ezabrze.ngo.competitions.restapi.serializers import call_json
from ezabrze.ngo.competitions.restapi.serializers import call_summary
from ezabrze.ngo.competitions.restapi.serializers import current_userid
from ezabrze.ngo.competitions.restapi.serializers import offer_json
from ezabrze.ngo.competitions.restapi.serializers import results_json
from ezabrze.ngo.consultations.restapi.services.base import BaseService
from plone import api


class GrantCallsGet(BaseService):
    def reply(self):
        wanted = self.request.form.get("state")
        items = []
        for brain in api.content.find(portal_type=CALL_TYPE, sort_on="grant_deadline", sort_order="descending"):
            data = call_summary(brain.getObject())
            if isinstance(wanted, str) and wanted and data["state"] != wanted:
                continue
            items.append(data)
        return {"@id": f"{self.context.absolute_url()}/@grant-calls", "items": items, "items_total": len(items)}


def own_offers(call, userid):
    if not userid:
        return []
    return [offer_json(offer) for offer in call.objectValues()
            if getattr(offer, "portal_type", None) == "Offer" and offers_api.acts_for(userid, offer.organization_uid)]


class GrantCallGet(BaseService):
    def reply(self):
        data = call_json(self.context)
        data["own_offers"] = own_offers(self.context, current_userid())
        data["results"] = results_json(self.context) if state.call_state(self.context) == "results" else None
        return data


class GrantResultsGet(BaseService):
    def reply(self):
        if state.call_state(self.context) != "results":
            return self.error(404, _("The results of this competition are not published yet."))
        return {"@id": f"{self.context.absolute_url()}/@grant-results", "items": results_json(self.context)}
