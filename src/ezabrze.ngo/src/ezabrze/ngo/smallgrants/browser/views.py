"""Pages of the small grants: the section (the offers in their comment period and the decided ones; a verified
representative starts an offer) and the offer (anyone comments during the 7 days; the representative submits the
draft; the staff publish it and decide after the comment period). Every state change is a POST checked by
plone.protect's authenticator and done by ``rules.py``; a refusal shows its Polish message with its status."""

from ezabrze.ngo import _
from ezabrze.ngo.competitions import costs as costs_api
from ezabrze.ngo.competitions import MANAGE_PERMISSION
from ezabrze.ngo.competitions.offers import acts_for
from ezabrze.ngo.competitions.vocabularies import STATEMENTS
from ezabrze.ngo.organizations import representatives as reps
from ezabrze.ngo.pages import fmt
from ezabrze.ngo.pages import NGOPage
from ezabrze.ngo.pages import userid
from ezabrze.ngo.smallgrants import FOLDER_ID
from ezabrze.ngo.smallgrants import MAX_GRANT
from ezabrze.ngo.smallgrants import rules
from ezabrze.ngo.smallgrants import SMALL_GRANT_TYPE
from ezabrze.ngo.smallgrants.content import ISmallGrant
from ezabrze.policy.pdf import html_to_pdf
from ezabrze.policy.pdf import set_pdf_headers
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Unauthorized


STATE_TITLES = {
    "draft": _("Draft"),
    "submitted": _("Submitted"),
    "published": _("Published for comments"),
    "granted": _("Granted"),
    "refused": _("Refused"),
}


class Base(NGOPage):
    message = None
    state_titles = STATE_TITLES


class ListingView(Base):
    """The small grants the user may see (the catalog answers with their permissions)."""

    def __call__(self):
        if self.request.method == "POST" and "start_small_grant" in self.request.form:
            CheckAuthenticator(self.request)
            if self.context.getId() != FOLDER_ID:
                raise Unauthorized("Small grants are started in their own section.")
            orgs = {api.content.get_uuid(org): org for org in self.acting()}
            org = orgs.get(self.request.form.get("organization")) or (next(iter(orgs.values())) if orgs else None)
            if org is None:
                raise Unauthorized("Only verified representatives start offers.")
            try:
                item = rules.create(self.context, userid(), org, self.request.form.get("title", ""))
            except rules.SmallGrantError as error:
                self.refuse(error)
            else:
                return self.request.response.redirect(f"{item.absolute_url()}/edit")
        return self.index()

    def acting(self):
        uid = userid()
        return reps.acting_organizations(uid) if uid else []

    def items(self):
        result = []
        for brain in api.content.find(context=self.context, portal_type=SMALL_GRANT_TYPE, sort_on="created",
                                      sort_order="descending"):
            item = brain.getObject()
            org = rules.organization(item)
            current = rules.grant_state(item)
            result.append({"title": item.title, "url": item.absolute_url(), "state": self.state_title(current),
                           "organization": org.title if org is not None else "",
                           "requested": self.money(rules.requested(item)),
                           "comments_until": fmt(rules.comment_end(item)) if rules.commenting(item) else ""})
        return result


class SmallGrantView(Base):
    """The offer; the actions of the applicant, of anyone (comments) and of the staff."""

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            try:
                if "submit_small_grant" in form:
                    rules.submit(self.context, userid())
                    self.message = self.t(_("The offer is submitted."))
                elif "publish_small_grant" in form:
                    rules.publish(self.context)
                    self.message = self.t(_("The offer is published for comments."))
                elif "add_comment" in form:
                    rules.comment(self.context, form.get("name"), form.get("text"), userid())
                    self.message = self.t(_("Thank you: the comment is published."))
                elif "decide" in form:
                    rules.decide(self.context, form.get("result"), form.get("amount"), form.get("reason"), userid())
                    self.message = self.t(_("The decision is saved."))
                elif "moderate_comment" in form:
                    rules.moderate(self.context, form.get("comment"), form.get("action"), form.get("reason"),
                                   userid())
                    self.message = self.t(_("The moderation is saved."))
            except rules.SmallGrantError as error:
                self.refuse(error)
        return self.index()

    def state(self):
        return rules.grant_state(self.context)

    def organization(self):
        org = rules.organization(self.context)
        return org.title if org is not None else ""

    def applicant(self):
        uid = userid()
        return bool(uid) and acts_for(uid, self.context.organization_uid)

    def staff(self):
        return api.user.has_permission(MANAGE_PERMISSION, obj=self.context)

    def commenting(self):
        return rules.commenting(self.context)

    def comment_end(self):
        return fmt(rules.comment_end(self.context))

    def may_moderate(self):
        return rules.may_moderate(self.context)

    def comments(self):
        include_hidden = self.may_moderate()
        return [dict(c, date=fmt(c["date"]), hidden=bool(c.get("hidden")))
                for c in rules.comments(self.context, include_hidden=include_hidden)]

    def moderation_log(self):
        if not self.may_moderate():
            return []
        return [dict(e, date=fmt(e["date"])) for e in rules.moderation_log(self.context)]

    def requested(self):
        return self.money(rules.requested(self.context))

    def problems(self):
        return [self.t(m) for m in rules.problems(self.context)]

    def may_decide(self):
        return self.staff() and self.state() == "published" and not self.commenting()

    def decision(self):
        decision = self.context.decision
        if not decision:
            return None
        return {"granted": decision["result"] == "granted", "amount": self.money(decision["amount"]),
                "reason": decision["reason"], "date": fmt(decision["date"])}

    def texts(self):
        return [(self.t(ISmallGrant[name].title), getattr(self.context, name, None) or "")
                for name in ("contact_person", "task_description", "task_place", "expected_results")]

    def dates(self):
        start, end = self.context.task_start, self.context.task_end
        return (start.strftime("%d.%m.%Y") if start else "", end.strftime("%d.%m.%Y") if end else "")

    def costs(self):
        return [dict(row) for row in (self.context.costs or [])]

    def statements(self):
        return [self.t(title) for value, title in STATEMENTS if value in (self.context.statements or [])]


class SmallGrantPDF(SmallGrantView):
    """The offer on the simplified template as a PDF (ezabrze.policy.pdf), made from its current content for
    whoever may view it: the organisation's representatives (the draft too), the staff, and anyone once it is
    published for comments. Read-only: no form is handled here."""

    template = ViewPageTemplateFile("templates/smallgrant_pdf.pt")

    def __call__(self):
        data = html_to_pdf(self.template())
        set_pdf_headers(self.request.response, data, f"maly-grant-{self.context.getId()}.pdf")
        return data

    def site_title(self):
        return api.portal.get().Title()

    def organization_title(self):
        org = rules.organization(self.context)
        return org.title if org is not None else ""

    def summary(self):
        try:
            return costs_api.check(self.context.costs or [], max_grant=MAX_GRANT)
        except costs_api.CostError:
            return None
