"""Pages of the competitions: the listing, the call (with the user's own offers, the form to start an offer, the
committee's declaration), the offer form on the official template (sections I-VII, a cost table of plain inputs
that works with the keyboard and without scripts: "add a row" is a submit button), the offer, the evaluation card
and the public results with CSV/XLSX.

Every state change is a POST checked by plone.protect's authenticator and done by the feature's modules
(offers.py, committee.py, evaluation.py); a refusal shows its Polish message with the matching status and stores
nothing. The formal evaluation, correction requests and proposals are done by staff over REST (see README)."""

from datetime import date
from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo.competitions import CALL_TYPE
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import costs as costs_api
from ezabrze.ngo.competitions import EVALUATE_PERMISSION
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import exports
from ezabrze.ngo.competitions import offers as offers_api
from ezabrze.ngo.competitions import state
from ezabrze.ngo.competitions.content import IOffer
from ezabrze.ngo.competitions.vocabularies import STATEMENTS
from ezabrze.ngo.organizations import representatives as reps
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized
from zope.i18n import translate


STATE_TITLES = {
    "draft": _("Draft"),
    "announced": _("Accepting offers"),
    "formal": _("Formal evaluation"),
    "merit": _("Merit evaluation"),
    "results": _("Results published"),
    "cancelled": _("Cancelled"),
    "submitted": _("Submitted"),
}
TEXT_FIELDS = ("contact_person", "joint_applicants", "task_description", "task_place", "schedule",
               "expected_results", "resources", "experience", "other_information")
COST_COLUMNS = ("cost_type", "unit", "unit_cost", "units", "from_grant", "other", "year")
COST_COLUMN_TITLES = {
    "cost_type": _("Cost type"), "unit": _("Unit"), "unit_cost": _("Unit cost (PLN)"), "units": _("Number of units"),
    "from_grant": _("From the grant (PLN)"), "other": _("From other sources (PLN)"), "year": _("Year"),
}


def fmt(value):
    return clock.local(value).strftime("%d.%m.%Y %H:%M:%S") if value else ""


def userid():
    return None if api.user.is_anonymous() else api.user.get_current().getId()


class Base(BrowserView):
    reads_list_parameters = True  # name:list fields of its form (ezabrze.policy.security refuses lists elsewhere)
    error = None

    def t(self, message):
        if isinstance(message, list):
            return " ".join(translate(m, context=self.request) for m in message)
        return translate(message, context=self.request) if message else ""

    def fmt(self, value):
        return fmt(value)

    def money(self, value):
        return f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",") if value is not None else ""

    def state_title(self, value):
        return self.t(STATE_TITLES.get(value, value))

    def refuse(self, error):
        self.request.response.setStatus(error.status)
        self.error = self.t(error.message)


class ListingView(Base):
    """The competitions folder: every call the user may see, with its state and the time left."""

    def items(self):
        now = clock.now()
        result = []
        for brain in api.content.find(context=self.context, portal_type=CALL_TYPE, sort_on="grant_deadline",
                                      sort_order="descending"):
            call = brain.getObject()
            current = state.call_state(call)
            result.append({"title": brain.Title, "url": brain.getURL(), "state": current,
                           "state_title": self.state_title(current), "deadline": fmt(call.deadline),
                           "accepting": state.accepting(call, now),
                           "days_left": -(-state.seconds_left(call, now) // 86400)})
        return result


class CallView(Base):
    """The announcement; the user's own offers and the form to start one; the committee's declaration."""

    def __call__(self):
        if self.request.method == "POST" and "start_offer" in self.request.form:
            CheckAuthenticator(self.request)
            orgs = {api.content.get_uuid(org): org for org in self.acting()}
            org = orgs.get(self.request.form.get("organization")) or (next(iter(orgs.values())) if orgs else None)
            if org is None:
                raise Unauthorized("Only verified representatives start offers.")
            try:
                offer = offers_api.create(self.context, userid(), org, self.request.form.get("title", ""))
            except offers_api.OfferError as error:
                self.refuse(error)
            else:
                return self.request.response.redirect(f"{offer.absolute_url()}/@@formularz-oferty")
        if self.request.method == "POST" and "sign_declaration" in self.request.form:
            CheckAuthenticator(self.request)
            try:
                committee.sign_declaration(self.context, userid(), self.request.form.get("conflicts", []),
                                           bool(self.request.form.get("statement")))
            except committee.CommitteeError as error:
                self.refuse(error)
            else:
                self.message = self.t(_("The declaration is signed."))
        return self.index()

    message = None

    def call_state(self):
        return state.call_state(self.context)

    def accepting(self):
        return state.accepting(self.context)

    def deadline(self):
        return fmt(self.context.deadline)

    def criteria(self):
        return self.context.criteria_list()

    def acting(self):
        uid = userid()
        return reps.acting_organizations(uid) if uid else []

    def own_offers(self):
        uid = userid()
        if not uid:
            return []
        return [{"title": o.title, "url": o.absolute_url(), "state": self.state_title(offers_api.offer_state(o)),
                 "checksum": o.checksum, "submitted": fmt(o.submitted)}
                for o in self.context.objectValues()
                if getattr(o, "portal_type", None) == "Offer" and offers_api.acts_for(uid, o.organization_uid)]

    def member(self):
        uid = userid()
        return bool(uid) and uid in committee.members(self.context)

    def declared(self):
        return userid() in committee.declarations(self.context)

    def applicants(self):
        return sorted(committee.applicants(self.context).items(), key=lambda pair: pair[1])

    def visible_offers(self):
        """Offers the committee member may open (after the declaration, without the excluded ones)."""
        uid = userid()
        return [{"title": o.title, "url": o.absolute_url()} for o in committee.submitted_offers(self.context)
                if committee.may_see(self.context, uid, o)]

    def results(self):
        return evaluation.results(self.context)


class OfferFormView(Base):
    """The offer on the official template, edited by its organization's verified representatives while a draft
    and while the call accepts offers; "Złóż ofertę" saves and submits."""

    def __call__(self):
        uid = userid()
        if not uid or not offers_api.acts_for(uid, self.context.organization_uid):
            raise Unauthorized("Only the applicant's verified representatives edit the offer.")
        self.rows = [dict(row) for row in (self.context.costs or [])]
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            fields = self.parse()
            if "add_row" in self.request.form:
                self.rows = fields["costs"] + [{}]
                self.pending = fields
                return self.index()
            try:
                offers_api.update(self.context, uid, fields)
                if "submit_offer" in self.request.form:
                    offers_api.submit(self.context, uid)
                    return self.request.response.redirect(self.context.absolute_url())
                self.message = self.t(_("The draft is saved."))
            except offers_api.OfferError as error:
                self.refuse(error)
                self.pending = fields
            self.rows = fields["costs"]
        if not self.rows:
            self.rows = [{}]
        return self.index()

    message = None
    pending = None
    rows = ()

    def parse(self):
        form = self.request.form
        fields = {name: (form.get(name) or "").strip() for name in TEXT_FIELDS}
        fields["title"] = (form.get("title") or "").strip() or self.context.title
        fields["offer_kind"] = form.get("offer_kind") if form.get("offer_kind") in ("support", "entrust") else "support"
        for name in ("task_start", "task_end"):
            try:
                fields[name] = date.fromisoformat(form.get(name) or "")
            except ValueError:
                fields[name] = None
        statements = form.get("statements", [])
        fields["statements"] = [s for s in ([statements] if isinstance(statements, str) else statements)
                                if s in dict(STATEMENTS)]
        columns = {name: form.get(f"{name}", []) for name in COST_COLUMNS}
        columns = {name: [value] if isinstance(value, str) else list(value) for name, value in columns.items()}
        count = max((len(values) for values in columns.values()), default=0)
        rows = []
        for index in range(count):
            row = {name: (columns[name][index] if index < len(columns[name]) else "").strip() for name in COST_COLUMNS}
            if any(row.values()):
                row["year"] = int(row["year"]) if row["year"].isdigit() else None
                rows.append(row)
        fields["costs"] = rows
        return fields

    def task_texts(self):
        return [(name, self.t(IOffer[name].title))
                for name in ("task_description", "task_place", "schedule", "expected_results")]

    def column_label(self, column, number):
        return f"{self.t(COST_COLUMN_TITLES[column])}, {self.t(_('row'))} {number}"

    def value(self, name):
        if self.pending is not None and name in self.pending:
            value = self.pending[name]
        else:
            value = self.context.title if name == "title" else getattr(self.context, name, None)
        if isinstance(value, date):
            return value.isoformat()
        return value or ""

    def statements(self):
        chosen = self.value("statements") or []
        return [{"value": v, "title": self.t(title), "checked": v in chosen} for v, title in STATEMENTS]

    def summary(self):
        try:
            return offers_api.cost_summary(self.context)
        except costs_api.CostError:
            return None

    def call(self):
        return self.context.aq_parent


class OfferView(Base):
    """The offer read-only: every section, the cost table, the checksum (checked again now); a committee
    member's view is logged."""

    def __call__(self):
        call = self.context.aq_parent
        committee.log_view(call, self.context, userid())
        return self.index()

    def state(self):
        return offers_api.offer_state(self.context)

    def can_edit(self):
        uid = userid()
        return (self.state() == "draft" and bool(uid) and offers_api.acts_for(uid, self.context.organization_uid)
                and state.accepting(self.context.aq_parent))

    def organization(self):
        org = offers_api.organization(self.context)
        return org.title if org is not None else ""

    def summary(self):
        try:
            return offers_api.cost_summary(self.context)
        except costs_api.CostError as error:
            return {"problems": [self.t(m) for m in error.args[0]]}

    def checksum_valid(self):
        return offers_api.verify(self.context)

    def statements(self):
        return [self.t(title) for value, title in STATEMENTS if value in (self.context.statements or [])]

    def may_score(self):
        call = self.context.aq_parent
        return state.call_state(call) == "merit" and committee.may_see(call, userid(), self.context)

    def own_scores(self):
        uid = userid()
        if uid and offers_api.acts_for(uid, self.context.organization_uid):
            return evaluation.own_scores(self.context)
        return []

    def granted(self):
        call = self.context.aq_parent
        return evaluation.proposal(self.context) if state.call_state(call) == "results" else None


class CardView(Base):
    """The evaluation card of a committee member: each criterion 0..max with a justification."""

    message = None

    def __call__(self):
        call = self.context.aq_parent
        uid = userid()
        if not committee.may_see(call, uid, self.context):
            raise Unauthorized("Only an eligible committee member scores the offer.")
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            scores = {c["id"]: {"points": self.request.form.get(f"points_{c['id']}", ""),
                                "justification": self.request.form.get(f"justification_{c['id']}", "")}
                      for c in call.criteria_list()}
            try:
                evaluation.score(self.context, uid, scores)
            except evaluation.EvaluationError as error:
                self.refuse(error)
            else:
                self.message = self.t(_("The card is saved."))
        return self.index()

    def criteria(self):
        card = evaluation.cards(self.context).get(userid())
        scores = card["scores"] if card else {}
        form = self.request.form
        return [dict(c, points=form.get(f"points_{c['id']}", scores.get(c["id"], {}).get("points", "")),
                     justification=form.get(f"justification_{c['id']}",
                                            scores.get(c["id"], {}).get("justification", "")))
                for c in self.context.aq_parent.criteria_list()]


class ResultsView(Base):
    """The public results: applicant, task title, amount granted or "not granted"."""

    def rows(self):
        return evaluation.results(self.context)

    def published(self):
        return state.call_state(self.context) == "results"

    def is_staff(self):
        return api.user.has_permission(EVALUATE_PERMISSION, obj=self.context)


def _download(request, body, content_type, filename):
    request.response.setHeader("Content-Type", content_type)
    request.response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
    request.response.setHeader("X-Content-Type-Options", "nosniff")
    return body


class ResultsCSV(BrowserView):
    def __call__(self):
        return _download(self.request, exports.results_csv(self.context).encode("utf-8"), "text/csv; charset=utf-8",
                         "wyniki.csv")


class ResultsXLSX(BrowserView):
    def __call__(self):
        return _download(self.request, exports.results_xlsx(self.context),
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "wyniki.xlsx")
