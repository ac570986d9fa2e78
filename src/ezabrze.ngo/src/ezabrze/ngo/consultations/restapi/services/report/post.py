"""POST <consultation>/@adopted-text {"adopted": {"<unit id>": "adopted wording", ...}}: the editor's adopted
text after closing (units left out keep the consulted wording)."""

from ezabrze.ngo import _
from ezabrze.ngo.consultations import outcome
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations.restapi.services.base import BaseService


class AdoptedTextPost(BaseService):
    def reply(self):
        data = self.body()
        adopted = data.get("adopted") if data is not None else None
        if not isinstance(adopted, dict) or not all(isinstance(v, str) for v in adopted.values()):
            return self.error(400, _("Send {\"adopted\": {\"unit id\": \"text\"}} as JSON."))
        try:
            result = outcome.set_adopted(self.context, adopted)
        except remarks_api.RemarkError as error:
            return self.error(error.status, error.message)
        return {"adopted": dict(result)}
