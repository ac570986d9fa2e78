"""GET /@consultations[?state=open]: the consultations the user may see, with their state and days left."""

from ezabrze.ngo import clock
from ezabrze.ngo.consultations import CONSULTATION_TYPE
from ezabrze.ngo.consultations.restapi.serializers import consultation_summary
from ezabrze.ngo.consultations.restapi.services.base import BaseService
from plone import api


class ConsultationsGet(BaseService):
    def reply(self):
        now = clock.now()
        wanted = self.request.form.get("state")
        items = []
        for brain in api.content.find(portal_type=CONSULTATION_TYPE, sort_on="consultation_start",
                                      sort_order="descending"):
            data = consultation_summary(brain.getObject(), self.request, now)
            if isinstance(wanted, str) and wanted and data["state"] != wanted:
                continue
            items.append(data)
        return {"@id": f"{self.context.absolute_url()}/@consultations", "items": items, "items_total": len(items)}
