"""POST <call>/@offers {"organization": uid (optional when the user acts for one), "title", fields...} -> 201:
a draft offer of a verified representative."""

from ezabrze.ngo import _
from ezabrze.ngo.competitions import offers as offers_api
from ezabrze.ngo.competitions.restapi.serializers import current_userid
from ezabrze.ngo.competitions.restapi.serializers import offer_json
from ezabrze.ngo.consultations.restapi.services.base import BaseService
from ezabrze.ngo.organizations import representatives as reps
from plone import api
from zope.i18n import translate


def error_message(message, request):
    if isinstance(message, list):
        return " ".join(translate(m, context=request) for m in message)
    return message


def parse_fields(data):
    """Dates of the template arrive as ISO strings."""
    from datetime import date

    fields = {key: value for key, value in data.items() if key not in ("organization", "title")}
    for name in ("task_start", "task_end"):
        if isinstance(fields.get(name), str):
            try:
                fields[name] = date.fromisoformat(fields[name])
            except ValueError:
                raise offers_api.OfferError(400, _("Give the dates as YYYY-MM-DD.")) from None
    return fields


class OffersPost(BaseService):
    def reply(self):
        data = self.body()
        if data is None:
            return self.error(400, _("Send a JSON object (Content-Type: application/json)."))
        userid = current_userid()
        if userid is None:
            return self.error(401, _("Log in as a verified representative of an organisation."))
        acting = reps.acting_organizations(userid)
        wanted = data.get("organization")
        org = None
        for candidate in acting:
            if wanted in (None, api.content.get_uuid(candidate)):
                org = candidate
                break
        if org is None:
            return self.error(403, _("Only a verified representative of a verified organisation may submit "
                                     "offers."))
        try:
            offer = offers_api.create(self.context, userid, org, data.get("title"), **parse_fields(data))
        except offers_api.OfferError as error:
            return self.error(error.status, error_message(error.message, self.request))
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", offer.absolute_url())
        return offer_json(offer)
