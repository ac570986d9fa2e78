"""Pages of a consultation: the draft by units, the remark form, the paginated remarks with their threads,
reports, moderation and answers, the moderation log, the adopted text, the report and the exports.

Every state change is a POST checked by plone.protect's authenticator and done by ``remarks.py``; a refused
action shows its Polish message (and the matching HTTP status) and stores nothing."""

from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo import limits
from ezabrze.ngo.consultations import CONSULTATION_TYPE
from ezabrze.ngo.consultations import diff
from ezabrze.ngo.consultations import EXPORT_PERMISSION
from ezabrze.ngo.consultations import exports
from ezabrze.ngo.consultations import mail as consultation_mail
from ezabrze.ngo.consultations import MANAGE_PERMISSION
from ezabrze.ngo.consultations import notifications
from ezabrze.ngo.consultations import outcome
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.vocabularies import FORMS
from ezabrze.ngo.consultations.vocabularies import PARTICIPATION
from ezabrze.ngo.consultations.vocabularies import REPORT_REASONS
from ezabrze.ngo.consultations.vocabularies import STATES
from ezabrze.ngo.consultations.vocabularies import VERDICTS
from ezabrze.policy.pdf import html_to_pdf
from ezabrze.policy.pdf import set_pdf_headers
from ezabrze.policy.utils import paginate
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
from zExceptions import Unauthorized
from zope.i18n import translate

import json


PAGE_SIZE = 20
STATE_TITLES = dict(STATES)
VERDICT_TITLES = dict(VERDICTS)


def fmt(value):
    return clock.local(value).strftime("%d.%m.%Y %H:%M:%S") if value else ""


class Base(BrowserView):
    def t(self, msg):
        return translate(msg, context=self.request) if msg else ""

    def state(self):
        return state.effective_state(self.context)

    def state_title(self):
        return self.t(STATE_TITLES[self.state()])

    def days_left(self):
        return state.days_left(self.context.end)

    def fmt(self, value):
        return fmt(value)

    def can_moderate(self):
        return remarks_api.can_moderate(self.context)

    def can_answer(self):
        return remarks_api.can_answer(self.context)

    def can_manage(self):
        return api.user.has_permission(MANAGE_PERMISSION, obj=self.context)

    def can_export(self):
        return api.user.has_permission(EXPORT_PERMISSION, obj=self.context)

    def may_participate(self):
        return remarks_api.may_participate(self.context)

    def accepts_remarks(self):
        return self.state() == "open" and "online" in (self.context.consultation_forms or ())

    def author(self, remark):
        return self.t(remarks_api.author_label(remark))

    def post(self):
        if self.request.method != "POST":
            return False
        CheckAuthenticator(self.request)
        return True

    def refuse(self, error):
        self.request.response.setStatus(error.status)
        return self.t(error.message)

    def message(self, text):
        api.portal.show_message(self.t(text), request=self.request)


class ConsultationView(Base):
    def info(self):
        c = self.context
        return {
            "participation": self.t(dict(PARTICIPATION).get(c.participation)),
            "forms": [self.t(dict(FORMS)[f]) for f in c.consultation_forms or () if f in dict(FORMS)],
            "start": fmt(c.start),
            "end": fmt(c.end),
            "meeting": f"{fmt(c.meeting_date)}, {c.meeting_place}" if c.meeting_date and c.meeting_place else "",
            "unit": self.unit_title(),
        }

    def unit_title(self):
        if not self.context.responsible_unit:
            return ""
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(portal_type="OrganizationalUnit", id=self.context.responsible_unit)
        return brains[0].Title if brains else self.context.responsible_unit

    def units(self):
        counts = {}
        for remark in remarks_api.public(self.context):
            if not remark.parent_id:
                counts[remark.unit_id] = counts.get(remark.unit_id, 0) + 1
        self._general = counts.get("", 0)
        return [dict(unit, count=counts.get(unit["id"], 0)) for unit in self.context.units]

    def general_count(self):
        return getattr(self, "_general", 0)


class RemarkFormView(Base):
    """Zgłoś uwagę: to a unit (?unit=<id>), to the whole draft, or a reply (?parent=<id>)."""

    error = None

    def __call__(self):
        if self.post():
            form = self.request.form
            spam = limits.honeypot_refused(self.request)
            if spam:
                self.request.response.setStatus(403)
                self.error = self.t(spam)
                return self.index()
            try:
                limits.reserve("remarks", self.request)
            except limits.Limited as error:
                self.error = limits.answer_429(self.request, error)
                return self.index()
            try:
                remark = remarks_api.add(self.context, form)
            except remarks_api.RemarkError as error:
                self.error = self.refuse(error)
            else:
                self.message(_("Thank you, your remark has been published."))
                url = f"{self.context.absolute_url()}/@@uwagi?unit={remark.unit_id}#uwaga-{remark.id}"
                self.request.response.redirect(url)
                return ""
        elif self.state() == "open":
            try:
                remarks_api.participant(self.context)
            except remarks_api.RemarkError as error:
                if error.status == 401:
                    raise Unauthorized("Log in to take part.") from None
                self.error = self.t(error.message)
        return self.index()

    def field(self, name):
        value = self.request.form.get(name, "")
        return value if isinstance(value, str) else ""

    def unit(self):
        return self.context.unit(self.field("unit_id") or self.field("unit"))

    def parent(self):
        parent_id = self.field("parent_id") or self.field("parent")
        if not parent_id:
            return None
        try:
            return remarks_api.get(self.context, parent_id)
        except remarks_api.RemarkError:
            return None

    def organizations(self):
        if api.user.is_anonymous():
            return []
        from ezabrze.ngo.organizations.representatives import acting_organizations

        return [
            {"uid": api.content.get_uuid(o), "title": o.title}
            for o in acting_organizations(api.user.get_current().getId())
        ]

    def units(self):
        return self.context.units


class RemarksView(Base):
    """The remarks, 20 top-level ones per page (optionally of one unit), each with its replies and answer."""

    def unit_filter(self):
        value = self.request.form.get("unit")
        if not isinstance(value, str) or value == "":
            return None
        if value == "ogolne":
            return ""
        if self.context.unit(value) is None:
            raise NotFound("No such unit")
        return value

    def unit(self):
        unit_id = self.unit_filter()
        return self.context.unit(unit_id) if unit_id else None

    def batch(self):
        items = remarks_api.visible(self.context)
        self._replies = remarks_api.replies(items)
        return paginate(remarks_api.top_level(items, self.unit_filter()), self.request, PAGE_SIZE)

    def replies(self, remark):
        return getattr(self, "_replies", {}).get(remark.id, [])

    def unit_label(self, remark):
        unit = self.context.unit(remark.unit_id) if remark.unit_id else None
        if unit is None:
            return self.t(_("General remark"))
        return unit["label"] or unit["text"][:60]

    def diff(self, remark):
        if not remark.proposed_wording and not remark.current_wording:
            return []
        return diff.segments(remark.current_wording, remark.proposed_wording)

    def answer(self, remark):
        answer = remarks_api.show_answer(self.context, remark)
        if answer is None:
            return None
        return {
            "verdict": answer["verdict"],
            "title": self.t(VERDICT_TITLES[answer["verdict"]]),
            "reasoning": answer["reasoning"],
            "published": answer.get("published"),
        }

    def reasons(self):
        return [{"id": k, "title": self.t(v)} for k, v in REPORT_REASONS]

    def verdicts(self):
        return [{"id": k, "title": self.t(v)} for k, v in VERDICTS]

    def prepared_count(self):
        return len([r for r in remarks_api.remarks_tree(self.context).values() if r.answer and not r.answer_published])


class ActionView(Base):
    """POST handlers: report, moderate, answer, publish answers. They redirect back to the remarks."""

    def __call__(self):
        if not self.post():
            self.request.response.redirect(f"{self.context.absolute_url()}/@@uwagi")
            return ""
        form = self.request.form
        remark_id = form.get("remark_id", "")
        try:
            self.act(form, remark_id)
        except remarks_api.RemarkError as error:
            self.request.response.setStatus(error.status)
            self.error = self.t(error.message)
            return self.index()
        back = form.get("unit")
        unit = f"?unit={back}" if isinstance(back, str) and back else ""
        self.request.response.redirect(f"{self.context.absolute_url()}/@@uwagi{unit}")
        return ""


class ReportRemarkView(ActionView):
    def act(self, form, remark_id):
        remarks_api.report(self.context, remark_id, form.get("reason"))
        self.message(_("Thank you, the moderators will look at the remark."))


class ModerateView(ActionView):
    def act(self, form, remark_id):
        remarks_api.moderate(self.context, remark_id, form.get("action"), form.get("reason"))
        self.message(_("Saved."))


class AnswerView(ActionView):
    def act(self, form, remark_id):
        remarks_api.prepare_answer(self.context, remark_id, form.get("verdict"), form.get("reasoning"))
        self.message(_("The answer is prepared; publish the answers to show them."))


class PublishAnswersView(ActionView):
    def act(self, form, remark_id):
        published = remarks_api.publish_answers(self.context)
        consultation_mail.notify_answers(self.context, published)
        self.message(_("Answers published: ${count}.", mapping={"count": len(published)}))


class ModerationLogView(Base):
    def entries(self):
        return [dict(entry, date=fmt(entry["date"])) for entry in remarks_api.log_entries(self.context)]


class AdoptedTextView(Base):
    """The editor enters the adopted wording of each unit after closing."""

    error = None

    def __call__(self):
        if self.post():
            values = {
                key[len("unit-"):]: value
                for key, value in self.request.form.items()
                if key.startswith("unit-") and isinstance(value, str)
            }
            try:
                outcome.set_adopted(self.context, values)
            except remarks_api.RemarkError as error:
                self.error = self.refuse(error)
            else:
                self.message(_("The adopted text is saved."))
                self.request.response.redirect(f"{self.context.absolute_url()}/@@raport")
                return ""
        return self.index()

    def units(self):
        return [dict(unit, adopted=outcome.adopted_text(self.context, unit)) for unit in self.context.units]


class ReportView(Base):
    report_template = ViewPageTemplateFile("templates/report.pt")

    def check_access(self):
        if not self.can_manage() and not self.published():
            raise Unauthorized("The report is not published yet.")

    def published(self):
        return state.stored_state(self.context) == "report_published"

    def __call__(self):
        self.check_access()
        return self.index()

    @property
    def report_macros(self):
        return self.report_template.macros

    def report(self):
        return outcome.report(self.context)

    def answer(self, row):
        answer = row["answer"]
        if not answer:
            return None
        return {"verdict": answer["verdict"], "title": self.t(VERDICT_TITLES[answer["verdict"]]),
                "reasoning": answer["reasoning"]}

    def verdict_title(self, key):
        return self.t(VERDICT_TITLES[key]) if key in VERDICT_TITLES else self.t(_("No answer"))


class ReportPDF(ReportView):
    """The report as a PDF: the HTML page's content (the same macro, so the same remarks and answers: public
    remarks, published answers only) laid out for A4 by ``ezabrze.policy.pdf``."""

    pdf_template = ViewPageTemplateFile("templates/report_pdf.pt")

    def language(self):
        return self.request.get("LANGUAGE") or api.portal.get_default_language() or "pl"

    def site_title(self):
        return api.portal.get().Title()

    def __call__(self):
        self.check_access()
        data = html_to_pdf(self.pdf_template())
        set_pdf_headers(self.request.response, data, f"raport-{self.context.getId()}.pdf", public=self.published())
        return data


def _download(request, body, content_type, filename):
    request.response.setHeader("Content-Type", content_type)
    request.response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
    request.response.setHeader("X-Content-Type-Options", "nosniff")
    return body


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class RemarksCSV(Base):
    def __call__(self):
        return _download(self.request, exports.remarks_csv(self.context, self.request).encode("utf-8"),
                         "text/csv; charset=utf-8", "uwagi.csv")


class RemarksXLSX(Base):
    def __call__(self):
        return _download(self.request, exports.remarks_xlsx(self.context, self.request), XLSX, "uwagi.xlsx")


class RemarksJSON(Base):
    def __call__(self):
        body = json.dumps(exports.remark_rows(self.context, self.request), ensure_ascii=False, indent=1)
        return _download(self.request, body.encode("utf-8"), "application/json; charset=utf-8", "uwagi.json")


class ReportXLSX(Base):
    def __call__(self):
        if not self.can_manage() and state.stored_state(self.context) != "report_published":
            raise Unauthorized("The report is not published yet.")
        return _download(self.request, exports.report_xlsx(self.context, self.request), XLSX, "raport.xlsx")


class ListingView(BrowserView):
    """The consultations folder: every consultation the user may see, with its state and days left."""

    def items(self):
        result = []
        now = clock.now()
        for brain in api.content.find(context=self.context, portal_type=CONSULTATION_TYPE, sort_on="consultation_start",
                                      sort_order="descending"):
            current = state.state_at(brain.review_state, brain.consultation_start, brain.consultation_end, now)
            result.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "description": brain.Description,
                    "state": current,
                    "state_title": translate(STATE_TITLES.get(current, current), context=self.request),
                    "days_left": state.days_left(brain.consultation_end, now) if current == "open" else None,
                    "start": fmt(brain.consultation_start),
                    "end": fmt(brain.consultation_end),
                }
            )
        return result


class FollowView(BrowserView):
    """An organization's verified representative (or an editor) chooses the areas it follows and how it is told."""
    reads_list_parameters = True  # name:list fields of its form (ezabrze.policy.security refuses lists elsewhere)

    message = None

    def allowed(self):
        if api.user.is_anonymous():
            return False
        if api.user.has_permission("ezabrze.ngo: Manage organizations", obj=self.context):
            return True
        from ezabrze.ngo.organizations.representatives import acting_organizations

        return self.context in acting_organizations(api.user.get_current().getId())

    def __call__(self):
        if not self.allowed():
            raise Unauthorized("Only the organisation's verified representatives choose its notifications.")
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            from ezabrze.ngo.organizations.vocabularies import AREA_IDS

            areas = self.request.form.get("areas", [])
            areas = [a for a in (areas if isinstance(areas, list) else [areas]) if a in AREA_IDS]
            mode = self.request.form.get("mode")
            if mode not in (notifications.IMMEDIATE, notifications.DIGEST):
                mode = notifications.IMMEDIATE
            if areas:
                notifications.subscribe(self.context, areas, mode)
            else:
                sub = notifications.subscription_of(self.context)
                if sub is not None:
                    notifications.unsubscribe(sub.token)
            self.message = _("Saved.")
        return self.index()

    def current(self):
        sub = notifications.subscription_of(self.context)
        return {"areas": sub.areas if sub else tuple(self.context.areas or ()),
                "mode": sub.mode if sub else notifications.IMMEDIATE, "active": sub is not None}

    def areas(self):
        from ezabrze.ngo.organizations.vocabularies import AREAS

        return [{"id": k, "title": translate(v, context=self.request)} for k, v in AREAS]


class UnsubscribeView(BrowserView):
    """The link at the end of every e-mail: a button (POST) that works without login."""

    done = None

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            if form.get("token"):
                self.done = notifications.unsubscribe(form.get("token"))
            else:
                self.done = notifications.opt_out_author(form.get("u"), form.get("sig"))
            if not self.done:
                self.request.response.setStatus(400)
        return self.index()

    def value(self, name):
        value = self.request.form.get(name, "")
        return value if isinstance(value, str) else ""
