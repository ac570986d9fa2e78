"""POST <small grants folder>/@small-grants {"organization": uid (optional), "title", fields...} -> 201: a draft
small-grant offer of a verified representative."""

from ezabrze.ngo import _
from ezabrze.ngo.competitions.restapi.serializers import current_userid
from ezabrze.ngo.competitions.restapi.services.calls.post import error_message
from ezabrze.ngo.consultations.restapi.services.base import BaseService
from ezabrze.ngo.organizations import representatives as reps
from ezabrze.ngo.smallgrants import FOLDER_ID
from ezabrze.ngo.smallgrants import rules
from ezabrze.ngo.smallgrants.restapi.serializers import small_grant_json
from plone import api


def parse_fields(data):
    from datetime import date

    fields = {key: value for key, value in data.items() if key not in ("organization",)}
    for name in ("task_start", "task_end"):
        if isinstance(fields.get(name), str):
            try:
                fields[name] = date.fromisoformat(fields[name])
            except ValueError:
                raise rules.SmallGrantError(400, _("Give the dates as YYYY-MM-DD.")) from None
    return fields


class SmallGrantsPost(BaseService):
    def reply(self):
        if self.context.getId() != FOLDER_ID:
            return self.error(404, _("Small grants are submitted in their own section."))
        data = self.body()
        if data is None:
            return self.error(400, _("Send a JSON object (Content-Type: application/json)."))
        userid = current_userid()
        if userid is None:
            return self.error(401, _("Log in as a verified representative of an organisation."))
        wanted = data.get("organization")
        org = next((o for o in reps.acting_organizations(userid) if wanted in (None, api.content.get_uuid(o))),
                   None)
        if org is None:
            return self.error(403, _("Only a verified representative of a verified organisation may submit "
                                     "offers."))
        try:
            fields = parse_fields(data)
            title = fields.pop("title", "")
            item = rules.create(self.context, userid, org, title, **fields)
        except rules.SmallGrantError as error:
            return self.error(error.status, error_message(error.message, self.request))
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", item.absolute_url())
        return small_grant_json(item, userid)
