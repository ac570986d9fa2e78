"""GET <small grants folder>/@small-grants: the small grants the user may see (published and decided ones for
anyone; the own drafts and submitted ones for the organisation's representatives; submitted ones for the staff),
newest first. The catalog answers with the user's permissions, so nothing private leaks."""

from ezabrze.ngo.competitions.restapi.serializers import current_userid
from ezabrze.ngo.consultations.restapi.services.base import BaseService
from ezabrze.ngo.smallgrants import SMALL_GRANT_TYPE
from ezabrze.ngo.smallgrants.restapi.serializers import small_grant_json
from plone import api


class SmallGrantsGet(BaseService):
    def reply(self):
        userid = current_userid()
        items = [brain.getObject() for brain in api.content.find(
            context=self.context, portal_type=SMALL_GRANT_TYPE, sort_on="created", sort_order="descending")]
        return {"items": [small_grant_json(item, userid) for item in items], "items_total": len(items)}
