"""GET <consultation>/@remarks[?unit=<id>|ogolne][&b_start=0&b_size=20]: top-level remarks with their replies
and official answers (published ones; prepared ones for the staff), paginated. Hidden remarks only for
moderators. GET @remarks/<id>: one remark."""

from ezabrze.ngo import _
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations.restapi.serializers import remark_json
from ezabrze.ngo.consultations.restapi.services.base import TraversingService


MAX_SIZE = 100


def _int(value, default):
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return default


class RemarksGet(TraversingService):
    def reply(self):
        items = remarks_api.visible(self.context)
        replies = remarks_api.replies(items)
        if self.params:
            try:
                remark = remarks_api.get(self.context, self.params[0], remarks_api.can_moderate(self.context))
            except remarks_api.RemarkError as error:
                return self.error(error.status, error.message)
            return remark_json(self.context, remark, self.request, replies.get(remark.id, ()))
        unit = self.request.form.get("unit")
        if isinstance(unit, str) and unit:
            unit = "" if unit == "ogolne" else unit
            if unit and self.context.unit(unit) is None:
                return self.error(404, _("There is no such fragment of the draft."))
        else:
            unit = None
        tops = remarks_api.top_level(items, unit)
        start = _int(self.request.form.get("b_start"), 0)
        size = min(_int(self.request.form.get("b_size"), 20) or 20, MAX_SIZE)
        page = tops[start : start + size]
        base = f"{self.context.absolute_url()}/@remarks"
        result = {
            "@id": base,
            "items_total": len(tops),
            "items": [remark_json(self.context, r, self.request, replies.get(r.id, ())) for r in page],
        }
        if start + size < len(tops):
            result["batching"] = {"next": f"{base}?b_start={start + size}&b_size={size}"}
        return result
