"""Pages of the competitions: the listing, the call (with the user's own offers, the form to start an offer, the
committee's declaration), the offer form on the official template (sections I-VII, a cost table of plain inputs
that works with the keyboard and without scripts: "add a row" is a submit button), the offer, the evaluation card
and the public results with CSV/XLSX.

Every state change is a POST checked by plone.protect's authenticator and done by the feature's modules
(offers.py, committee.py, evaluation.py); a refusal shows its Polish message with the matching status and stores
nothing. Staff pages (Evaluate offers): the formal evaluation of the call (a list) and of each offer (the
checklist and the correction request), the ranking with the committee's proposals; the committee page (members,
declarations, exclusions; the managers of the competition appoint members). The same rules answer REST."""

from datetime import date
from datetime import datetime
from decimal import Decimal
from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo.competitions import CALL_TYPE
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import costs as costs_api
from ezabrze.ngo.competitions import EVALUATE_PERMISSION
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import exports
from ezabrze.ngo.competitions import MANAGE_PERMISSION
from ezabrze.ngo.competitions import offers as offers_api
from ezabrze.ngo.competitions import state
from ezabrze.ngo.competitions.content import IOffer
from ezabrze.ngo.competitions.vocabularies import OFFER_KIND_TITLES
from ezabrze.ngo.competitions.vocabularies import STATEMENTS
from ezabrze.ngo.organizations import representatives as reps
from ezabrze.ngo.pages import fmt
from ezabrze.ngo.pages import NGOPage
from ezabrze.ngo.pages import userid
from ezabrze.policy.pdf import html_to_pdf
from ezabrze.policy.pdf import set_pdf_headers
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import NotFound
from zExceptions import Unauthorized


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


class Base(NGOPage):
    reads_list_parameters = True  # name:list fields of its form (ezabrze.policy.security refuses lists elsewhere)
    state_titles = STATE_TITLES


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

    def is_staff(self):
        return api.user.has_permission(EVALUATE_PERMISSION, obj=self.context)


class OfferFormView(Base):
    """The offer on the official template, edited by its organization's verified representatives while a draft
    and while the call accepts offers; "Złóż ofertę" saves and submits."""

    def __call__(self):
        uid = userid()
        if not uid or not offers_api.acts_for(uid, self.context.organization_uid):
            raise Unauthorized("Only the applicant's verified representatives edit the offer.")
        self.rows = [dict(row) for row in (self.context.costs or [])]
        if self.request.method == "POST" and "submit_correction" in self.request.form:
            CheckAuthenticator(self.request)
            correction = self.correction()
            fields = self.parse()
            if correction is not None:
                fields = {name: value for name, value in fields.items() if name in correction["names"]}
            try:
                offers_api.correct(self.context, uid, fields)
            except offers_api.OfferError as error:
                self.refuse(error)
                self.pending = fields
                self.rows = fields.get("costs", self.rows)
            else:
                return self.request.response.redirect(self.context.absolute_url())
            return self.index()
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

    def correction(self):
        """The open correction request of a submitted offer: its items (names and titles), deadline and note."""
        correction = getattr(self.context, "correction", None)
        if offers_api.offer_state(self.context) != "submitted" or not correction or correction.get("done"):
            return None
        if clock.now() >= clock.aware(correction["deadline"]):
            return None
        return {"names": list(correction["items"]), "deadline": fmt(correction["deadline"]),
                "titles": ", ".join(self.t(IOffer[name].title) for name in correction["items"] if name in IOffer),
                "note": correction.get("note", "")}

    def editable(self, name):
        """A draft: every field; during a correction: only the named items; otherwise nothing."""
        if offers_api.offer_state(self.context) == "draft":
            return True
        correction = self.correction()
        return correction is not None and name in correction["names"]

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

    def may_correct(self):
        """An open correction request and a representative of the applicant."""
        uid = userid()
        correction = getattr(self.context, "correction", None)
        return (bool(uid) and offers_api.acts_for(uid, self.context.organization_uid) and bool(correction)
                and not correction.get("done") and clock.now() < clock.aware(correction["deadline"]))

    def summary(self):
        try:
            return offers_api.cost_summary(self.context)
        except costs_api.CostError as error:
            return {"problems": [self.t(m) for m in error.args[0]]}

    def checksum_valid(self):
        return offers_api.verify(self.context)

    def statements(self):
        return [self.t(title) for value, title in STATEMENTS if value in (self.context.statements or [])]

    def is_staff(self):
        return (self.state() == "submitted"
                and api.user.has_permission(EVALUATE_PERMISSION, obj=self.context.aq_parent))

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


# ------------------------------------------------------------------ staff and committee pages

def checklist_titles():
    return dict(evaluation.FORMAL_ITEMS)


class FormalListView(Base):
    """Staff (Evaluate offers): the submitted offers of the call with their formal result and correction state."""

    def call_state(self):
        return state.call_state(self.context)

    def offers(self):
        result_titles = {evaluation.CORRECT: _("Formally correct"), evaluation.REJECTED: _("Formally rejected")}
        rows = []
        for offer in committee.submitted_offers(self.context):
            formal = evaluation.formal(offer) or {}
            correction = getattr(offer, "correction", None) or {}
            org = offers_api.organization(offer)
            rows.append({
                "title": offer.title, "url": offer.absolute_url(), "applicant": org.title if org is not None else "",
                "submitted": fmt(offer.submitted),
                "result": self.t(result_titles.get(formal.get("result"), _("Not evaluated yet"))),
                "correction": (fmt(correction.get("deadline")) if correction and not correction.get("done")
                               else ""),
                "checksum_valid": offers_api.verify(offer),
            })
        return rows


class FormalView(Base):
    """Staff (Evaluate offers) on a submitted offer: the formal checklist with the result, and the correction
    request (the named items, a deadline, a note)."""

    message = None

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and "save_formal" in form:
            CheckAuthenticator(self.request)
            checklist = {}
            for key, _title in evaluation.FORMAL_ITEMS:
                if form.get(f"item_{key}") in ("yes", "no"):
                    checklist[key] = form[f"item_{key}"] == "yes"
            try:
                evaluation.set_formal(self.context, checklist, form.get("result"), form.get("reason", ""), userid())
            except evaluation.EvaluationError as error:
                self.refuse(error)
            else:
                self.message = self.t(_("The formal evaluation is saved."))
        elif self.request.method == "POST" and "request_correction" in form:
            CheckAuthenticator(self.request)
            items = form.get("items", [])
            items = [items] if isinstance(items, str) else list(items)
            try:
                deadline = clock.utc(datetime.fromisoformat(form.get("deadline") or ""))
            except ValueError:
                self.refuse(offers_api.OfferError(400, _("Give the correction deadline (date and time).")))
                return self.index()
            try:
                offers_api.request_correction(self.context, items, deadline, (form.get("note") or "").strip())
            except offers_api.OfferError as error:
                self.refuse(error)
            else:
                self.message = self.t(_("The correction request is saved."))
        return self.index()

    def call_state(self):
        return state.call_state(self.context.aq_parent)

    def offer_state(self):
        return offers_api.offer_state(self.context)

    def organization(self):
        org = offers_api.organization(self.context)
        return org.title if org is not None else ""

    def posted(self):
        return self.request.method == "POST"

    def items(self):
        saved = (evaluation.formal(self.context) or {}).get("checklist", {})
        form = self.request.form
        rows = []
        for key, title in evaluation.FORMAL_ITEMS:
            if self.posted() and "save_formal" in form:
                answer = form.get(f"item_{key}", "")
            else:
                answer = {True: "yes", False: "no"}.get(saved.get(key), "")
            rows.append({"key": key, "title": self.t(title), "answer": answer})
        return rows

    def formal(self):
        saved = evaluation.formal(self.context) or {}
        form = self.request.form
        if self.posted() and "save_formal" in form:
            return {"result": form.get("result", ""), "reason": form.get("reason", "")}
        return {"result": saved.get("result", ""), "reason": saved.get("reason", "")}

    def correction(self):
        correction = getattr(self.context, "correction", None)
        if not correction:
            return None
        titles = dict(self.correctable())
        return {"items": [titles.get(item, item) for item in correction["items"]],
                "deadline": fmt(correction["deadline"]), "note": correction.get("note", ""),
                "done": fmt(correction.get("done"))}

    def correctable(self):
        return [(name, self.t(IOffer[name].title)) for name in offers_api.CORRECTABLE]

    def chosen_items(self):
        items = self.request.form.get("items", []) if "request_correction" in self.request.form else []
        return [items] if isinstance(items, str) else list(items)

    def checksum_valid(self):
        return offers_api.verify(self.context)


class CommitteeView(Base):
    """The committee of the call: members with their declaration and exclusions; managers of the competition
    appoint members (staff or nominated by an organisation)."""

    message = None

    def __call__(self):
        uid = userid()
        if not (self.may_appoint() or api.user.has_permission(EVALUATE_PERMISSION, obj=self.context)
                or (uid and uid in committee.members(self.context))):
            raise Unauthorized("Only the staff and the members see the committee.")
        if self.request.method == "POST" and "add_member" in self.request.form:
            CheckAuthenticator(self.request)
            if not self.may_appoint():
                raise Unauthorized("Only the managers of the competition appoint the committee.")
            form = self.request.form
            kind = form.get("kind") or committee.STAFF
            try:
                committee.add_member(self.context, (form.get("userid") or "").strip(), kind,
                                     form.get("organization") if kind == committee.NGO else None)
            except committee.CommitteeError as error:
                self.refuse(error)
            else:
                self.message = self.t(_("The member is appointed."))
        return self.index()

    def may_appoint(self):
        return api.user.has_permission(MANAGE_PERMISSION, obj=self.context)

    def organizations(self):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(portal_type="Organization", review_state=reps.VERIFIED)
        return sorted(((brain.UID, brain.Title) for brain in brains), key=lambda pair: pair[1])

    def members(self):
        names = dict(self.organizations())
        applicants = committee.applicants(self.context)
        declarations = committee.declarations(self.context)
        rows = []
        for member_id, member in committee.members(self.context).items():
            user = api.user.get(userid=member_id)
            declaration = declarations.get(member_id)
            rows.append({
                "name": (user.getProperty("fullname") or member_id) if user is not None else member_id,
                "userid": member_id,
                "kind": self.t(_("Staff") if member["kind"] == committee.STAFF else _("Nominated by an organisation")),
                "organization": names.get(member["organization_uid"], "") if member["organization_uid"] else "",
                "declared": fmt(declaration["date"]) if declaration else "",
                "excluded_call": committee.excluded_from_call(self.context, member_id),
                "conflicts": [applicants.get(uid, uid) for uid in (declaration or {}).get("conflicts", ())],
            })
        return sorted(rows, key=lambda row: row["name"])


class RankingView(Base):
    """Staff (Evaluate offers): averages and the ranking of the formally correct offers (the documented tie
    rule), and the committee's grant proposals (each 0..requested, the total within the funds)."""

    message = None

    def __call__(self):
        if self.request.method == "POST" and "save_proposals" in self.request.form:
            CheckAuthenticator(self.request)
            ids = {offer.getId() for offer in evaluation.eligible_offers(self.context)}
            amounts = {offer_id: (self.request.form.get(f"amount_{offer_id}") or "").strip() for offer_id in ids}
            empty = [offer_id for offer_id, value in amounts.items() if not value]
            if empty:
                self.refuse(evaluation.EvaluationError(
                    400, _("Give a proposed grant (or 0) for every formally correct offer.")))
            else:
                try:
                    evaluation.propose(self.context, amounts)
                except evaluation.EvaluationError as error:
                    self.refuse(error)
                else:
                    self.message = self.t(_("The proposals are saved."))
        return self.index()

    def call_state(self):
        return state.call_state(self.context)

    def criteria(self):
        return self.context.criteria_list()

    def rows(self):
        form = self.request.form
        result = []
        for position, offer, avg in evaluation.ranking(self.context):
            org = offers_api.organization(offer)
            proposal = evaluation.proposal(offer)
            result.append({
                "id": offer.getId(), "position": position, "title": offer.title, "url": offer.absolute_url(),
                "applicant": org.title if org is not None else "", "total": avg["total"],
                "criteria": [avg["criteria"][c["id"]] for c in self.criteria()], "cards": avg["cards"],
                "requested": offers_api.requested(offer),
                "amount": form.get(f"amount_{offer.getId()}",
                                   "" if proposal is None else f"{proposal:.2f}".replace(".", ",")),
            })
        return result

    def total(self):
        return sum((evaluation.proposal(offer) or Decimal("0.00")
                    for offer in evaluation.eligible_offers(self.context)), Decimal("0.00"))

    def may_propose(self):
        return state.call_state(self.context) == "merit"


# ------------------------------------------------------------------ PDF documents (ezabrze.policy.pdf)

class OfferPrint(Base):
    """The offer on the official template as HTML for the PDF, with the submission time and the checksum."""

    template = ViewPageTemplateFile("templates/offer_pdf.pt")

    def site_title(self):
        return api.portal.get().Title()

    def call_title(self):
        return offers_api.call_of(self.context).title

    def day(self, value):
        return value.strftime("%d.%m.%Y") if value else ""

    def kind(self):
        return self.t(OFFER_KIND_TITLES.get(self.context.offer_kind, self.context.offer_kind))

    def organization(self):
        org = offers_api.organization(self.context)
        return org.title if org is not None else ""

    def task_texts(self):
        return [(self.t(IOffer[name].title), getattr(self.context, name, None) or "")
                for name in ("task_description", "task_place", "schedule", "expected_results")]

    def summary(self):
        try:
            return offers_api.cost_summary(self.context)
        except costs_api.CostError:
            return None

    def statements(self):
        return [self.t(title) for value, title in STATEMENTS if value in (self.context.statements or [])]

    def pdf(self):
        return html_to_pdf(self.template())


class OfferPDF(BrowserView):
    """The PDF made at submission (and again at a correction), for whoever may view the offer: its
    organisation's representatives, the staff and the committee members allowed to see it."""

    def __call__(self):
        stored = getattr(self.context, "pdf", None)
        if stored is None:
            raise NotFound("The offer has no PDF before its submission.")
        committee.log_view(self.context.aq_parent, self.context, userid())
        data = stored.data
        set_pdf_headers(self.request.response, data, stored.filename)
        return data


class ProtocolPDF(CommitteeView):
    """The protocol of the committee (staff): members, declarations and exclusions, the formal results, the
    ranking with the averages and the proposals, and every card with its justifications."""

    template = ViewPageTemplateFile("templates/protocol_pdf.pt")
    not_yet = _("not yet")

    def __call__(self):
        data = html_to_pdf(self.template())
        set_pdf_headers(self.request.response, data, f"protokol-{self.context.getId()}.pdf")
        return data

    def site_title(self):
        return api.portal.get().Title()

    def now(self):
        return fmt(clock.now())

    def formal_rows(self):
        titles = {evaluation.CORRECT: _("Formally correct"), evaluation.REJECTED: _("Formally rejected")}
        rows = []
        for offer in committee.submitted_offers(self.context):
            formal = evaluation.formal(offer) or {}
            org = offers_api.organization(offer)
            rows.append({"title": offer.title, "applicant": org.title if org is not None else "",
                         "result": self.t(titles.get(formal.get("result"), _("Not evaluated yet"))),
                         "reason": formal.get("reason", "")})
        return rows

    def rows(self):
        result = []
        for position, offer, avg in evaluation.ranking(self.context):
            org = offers_api.organization(offer)
            result.append({
                "position": position, "title": offer.title, "applicant": org.title if org is not None else "",
                "total": avg["total"], "criteria": [avg["criteria"][c["id"]] for c in self.context.criteria_list()],
                "cards": avg["cards"], "requested": offers_api.requested(offer),
                "proposal": evaluation.proposal(offer),
            })
        return result

    def total(self):
        return sum((evaluation.proposal(offer) or Decimal("0.00")
                    for offer in evaluation.eligible_offers(self.context)), Decimal("0.00"))

    def cards(self):
        names = {m["userid"]: m["name"] for m in self.members()}
        titles = {c["id"]: c["title"] for c in self.context.criteria_list()}
        result = []
        for _position, offer, _avg in evaluation.ranking(self.context):
            for member_id, card in evaluation.cards(offer).items():
                result.append({"title": offer.title, "member": names.get(member_id, member_id),
                               "scores": [{"criterion": titles.get(cid, cid), "points": entry["points"],
                                           "justification": entry["justification"]}
                                          for cid, entry in card["scores"].items()]})
        return result
