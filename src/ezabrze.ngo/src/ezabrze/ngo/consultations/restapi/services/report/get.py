"""GET <consultation>/@consultation-report: the report (published answers, hidden remarks left out, the adopted
text and its difference per unit, totals, meetings and written opinions). Public once the report is
published; before that only for those who manage the consultation."""

from ezabrze.ngo import _
from ezabrze.ngo.consultations import MANAGE_PERMISSION
from ezabrze.ngo.consultations import outcome
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.restapi.serializers import consultation_summary
from ezabrze.ngo.consultations.restapi.serializers import remark_json
from ezabrze.ngo.consultations.restapi.services.base import BaseService
from ezabrze.ngo.consultations.vocabularies import VERDICTS
from plone import api
from zope.i18n import translate


class ReportGet(BaseService):
    def reply(self):
        if state.stored_state(self.context) != "report_published" and not api.user.has_permission(
            MANAGE_PERMISSION, obj=self.context
        ):
            return self.error(
                401 if api.user.is_anonymous() else 403, _("The report of this consultation is not published yet.")
            )
        data = outcome.report(self.context)
        titles = dict(VERDICTS)

        def rows(items):
            return [remark_json(self.context, row["remark"], self.request) for row in items]

        return {
            "consultation": consultation_summary(self.context, self.request),
            "total": data["total"],
            "by_verdict": [
                {"verdict": key, "title": translate(titles[key], context=self.request) if key in titles else None,
                 "count": count}
                for key, count in data["by_verdict"]
            ],
            "by_organization": [
                {"organization": name or translate(remarks_api.author_label(_Resident), context=self.request),
                 "count": count}
                for name, count in data["by_organization"]
            ],
            "units": [
                {
                    "id": u["unit"]["id"],
                    "label": u["unit"]["label"],
                    "consulted_text": u["unit"]["text"],
                    "adopted_text": u["adopted"],
                    "changed": u["changed"],
                    "diff": [{"kind": kind, "text": text} for kind, text in u["diff"]],
                    "remarks": rows(u["remarks"]),
                }
                for u in data["units"]
            ],
            "general_remarks": rows(data["general"]),
            "meetings": data["meetings"],
            "written_opinions": data["written_opinions"],
            "downloads": {
                "pdf": f"{self.context.absolute_url()}/@@raport.pdf",
                "xlsx": f"{self.context.absolute_url()}/@@raport.xlsx",
            },
        }


class _Resident:
    author_kind = remarks_api.RESIDENT
