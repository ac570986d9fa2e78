"""GET <small grant>/@small-grant: one small grant (View: see the workflow)."""

from ezabrze.ngo.competitions.restapi.serializers import current_userid
from ezabrze.ngo.consultations.restapi.services.base import BaseService
from ezabrze.ngo.smallgrants.restapi.serializers import small_grant_json


class SmallGrantGet(BaseService):
    def reply(self):
        return small_grant_json(self.context, current_userid())
