"""GET <consultation>/@consultation: the consultation with its state, days left and numbered units."""

from ezabrze.ngo.consultations.restapi.serializers import consultation_full
from ezabrze.ngo.consultations.restapi.services.base import BaseService


class ConsultationGet(BaseService):
    def reply(self):
        return consultation_full(self.context, self.request)
