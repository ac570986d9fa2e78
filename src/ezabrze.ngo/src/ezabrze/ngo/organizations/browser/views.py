"""Views of the registry: the public directory, an organization's page, the representative's registration and
e-mail confirmation, the editors' verification of representatives and the CSV import."""

from ezabrze.ngo import _
from ezabrze.ngo import limits
from ezabrze.ngo.mail import send_after_commit
from ezabrze.ngo.organizations import importer
from ezabrze.ngo.organizations import ORGANIZATION_TYPE
from ezabrze.ngo.organizations import representatives as reps
from ezabrze.ngo.organizations.vocabularies import AREAS
from ezabrze.ngo.organizations.vocabularies import LEGAL_FORMS
from ezabrze.policy.utils import counted
from ezabrze.policy.utils import paginate
from plone import api
from plone.protect import CheckAuthenticator
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import alsoProvides


PAGE_SIZE = 20
# the labels of the proposal form (listed here so that the msgids are extracted and translated)
LABELS = {
    "KRS number": _("KRS number"),
    "Other register": _("Other register"),
    "Number in the other register": _("Number in the other register"),
    "NIP": _("NIP"),
    "REGON": _("REGON"),
    "Street and number": _("Street and number"),
    "Postal code": _("Postal code"),
    "City": _("City"),
    "E-mail of the organisation": _("E-mail of the organisation"),
    "Website": _("Website"),
    "Short description": _("Short description"),
}
AREA_TITLES = dict(AREAS)
LEGAL_FORM_TITLES = dict(LEGAL_FORMS)


def _t(request, msg):
    return translate(msg, context=request)


def _post(request):
    if request.method != "POST":
        return False
    CheckAuthenticator(request)
    return True


class DirectoryView(BrowserView):
    """The public directory: verified organizations, searchable, filtered by area."""

    def found_text(self, number):
        return counted(
            number, "${count} organisation found", "${count} organisations found", self.request, domain="ezabrze.ngo"
        )

    def areas(self):
        return [{"id": value, "title": _t(self.request, title)} for value, title in AREAS]

    def selected_area(self):
        area = self.request.form.get("area", "")
        return area if area in AREA_TITLES else ""

    def text(self):
        value = self.request.form.get("q", "")
        return value.strip()[:100] if isinstance(value, str) else ""

    def results(self):
        query = {
            "portal_type": ORGANIZATION_TYPE,
            "review_state": "verified",
            "sort_on": "sortable_title",
        }
        if self.selected_area():
            query["ngo_area"] = self.selected_area()
        if self.text():
            query["SearchableText"] = " ".join(f"{word}*" for word in self.text().split() if word.isalnum())
        try:
            brains = api.content.find(context=api.portal.get(), **query)
        except Exception:  # a query the text index refuses (e.g. only operators): no results, no 500
            brains = []
        return paginate(brains, self.request, PAGE_SIZE)

    def area_titles(self, brain):
        return ", ".join(_t(self.request, AREA_TITLES[a]) for a in (brain.ngo_area or ()) if a in AREA_TITLES)

    def anonymous(self):
        return api.user.is_anonymous()

    def can_import(self):
        return api.user.has_permission("ezabrze.ngo: Manage organizations", obj=self.context)


class OrganizationView(BrowserView):
    def legal_form(self):
        title = LEGAL_FORM_TITLES.get(self.context.legal_form)
        return _t(self.request, title) if title else ""

    def areas(self):
        return [_t(self.request, AREA_TITLES[a]) for a in self.context.areas or () if a in AREA_TITLES]

    def can_manage(self):
        return api.user.has_permission("ezabrze.ngo: Manage organizations", obj=self.context)

    def can_follow(self):
        if api.user.is_anonymous():
            return False
        return self.can_manage() or self.context in reps.acting_organizations(api.user.get_current().getId())

    def can_register(self):
        return not api.user.is_anonymous()

    def my_state(self):
        if api.user.is_anonymous():
            return None
        rep = reps.representatives(self.context).get(api.user.get_current().getId())
        return _t(self.request, reps.STATES[rep.state]) if rep is not None else None


class RegisterView(BrowserView):
    """A logged-in person asks to represent the organization (RODO clause, e-mail confirmation)."""

    error = None
    done = False

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to register as a representative.")
        if _post(self.request):
            form = self.request.form
            user = api.user.get_current()
            try:
                token = reps.request(
                    self.context,
                    user.getId(),
                    form.get("fullname", ""),
                    form.get("function", ""),
                    bool(form.get("rodo")),
                )
            except reps.RepresentationError as error:
                self.error = error.args[0]
            else:
                rep = reps.representatives(self.context)[user.getId()]
                reps_mail = reps.confirmation_mail(self.context, rep, token)
                send_after_commit(reps_mail)
                self.done = True
        return self.index()

    def fullname(self):
        return api.user.get_current().getProperty("fullname", "") or ""


class ConfirmView(BrowserView):
    """The link of the confirmation e-mail: a page with a button (the state changes only on POST)."""

    confirmed = None

    def __call__(self):
        if _post(self.request):
            alsoProvides(self.request, IDisableCSRFProtection)  # checked above; the writes are on purpose
            rep = reps.confirm(self.context, self.request.form.get("token", ""))
            self.confirmed = rep is not None
            if not self.confirmed:
                self.request.response.setStatus(400)
        return self.index()

    def token(self):
        value = self.request.form.get("token", "")
        return value if isinstance(value, str) else ""


class RepresentativesView(BrowserView):
    """Editors verify and suspend the representatives of an organization (with a reason)."""

    error = None
    message = None

    def __call__(self):
        if _post(self.request):
            form = self.request.form
            state = {"verify": reps.VERIFIED, "suspend": reps.SUSPENDED}.get(form.get("action"))
            try:
                if state is None:
                    raise reps.RepresentationError(_("Unknown state."))
                reps.set_state(self.context, form.get("userid", ""), state, form.get("reason", ""))
            except reps.RepresentationError as error:
                self.error = error.args[0]
                self.request.response.setStatus(400)
            else:
                self.message = _("Saved.")
        return self.index()

    def items(self):
        result = []
        for rep in sorted(reps.representatives(self.context).values(), key=lambda r: r.requested):
            result.append(
                {
                    "userid": rep.userid,
                    "fullname": rep.fullname,
                    "email": rep.email,
                    "function": rep.function,
                    "state": rep.state,
                    "state_title": _t(self.request, reps.STATES[rep.state]),
                    "requested": rep.requested.strftime("%Y-%m-%d %H:%M"),
                    "history": [
                        {
                            "date": h["date"].strftime("%Y-%m-%d %H:%M"),
                            "state": _t(self.request, reps.STATES[h["state"]]),
                            "actor": h["actor"],
                            "reason": h["reason"],
                        }
                        for h in rep.history
                    ],
                }
            )
        return result


class ImportView(BrowserView):
    """Editors upload the city's register as CSV; a refused row stops the whole import."""

    report = None

    def __call__(self):
        if _post(self.request):
            upload = self.request.form.get("file")
            data = upload.read() if hasattr(upload, "read") else b""
            self.report = importer.run(self.context, data)
            if not self.report.ok:
                self.request.response.setStatus(400)
        return self.index()

    def refused(self):
        return [
            {"line": line, "errors": [_t(self.request, e) for e in errors]} for line, errors in self.report.refused
        ]


class ProposeView(BrowserView):
    """A logged-in person proposes an organization that is not in the registry yet and registers as its
    representative: the organization is created pending (not public) and an editor verifies both."""
    reads_list_parameters = True  # name:list fields of its form (ezabrze.policy.security refuses lists elsewhere)

    errors = ()
    done = False
    FIELDS = ("title", "legal_form", "krs", "register_name", "register_number", "nip", "regon", "street",
              "postal_code", "city", "email", "website", "description")

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to propose an organisation.")
        if _post(self.request):
            spam = limits.honeypot_refused(self.request)
            if spam:
                self.errors = [_t(self.request, spam)]
                self.request.response.setStatus(403)
                return self.index()
            try:
                limits.reserve("proposals", self.request)
            except limits.Limited as error:
                self.errors = [limits.answer_429(self.request, error)]
                return self.index()
            self.propose()
        return self.index()

    def value(self, name, default=""):
        value = self.request.form.get(name, default)
        return value.strip() if isinstance(value, str) else default

    def selected_areas(self):
        areas = self.request.form.get("areas", [])
        return [a for a in (areas if isinstance(areas, list) else [areas]) if a in AREA_TITLES]

    def areas(self):
        return [{"id": value, "title": _t(self.request, title)} for value, title in AREAS]

    def legal_forms(self):
        return [{"id": value, "title": _t(self.request, title)} for value, title in LEGAL_FORMS]

    def label(self, msgid):
        return _t(self.request, LABELS[msgid])

    def propose(self):
        from ezabrze.ngo.organizations.importer import validate_values

        raw = {name: self.value(name) for name in self.FIELDS}
        raw["areas"] = "|".join(self.selected_areas())
        values, errors = validate_values(raw, required=True)
        if not self.request.form.get("rodo"):
            errors.append(_("Accept the information on the processing of personal data (RODO)."))
        if not self.value("fullname"):
            errors.append(_("Give your first name and surname."))
        if errors:
            self.errors = [_t(self.request, e) for e in errors]
            self.request.response.setStatus(400)
            return
        userid = api.user.get_current().getId()
        with api.env.adopt_roles(["Manager"]):
            org = api.content.create(container=self.context, type=ORGANIZATION_TYPE, **values)
            try:
                token = reps.request(org, userid, self.value("fullname"), self.value("function"), True)
            except reps.RepresentationError as error:
                api.content.delete(org)
                self.errors = [_t(self.request, error.args[0])]
                self.request.response.setStatus(400)
                return
        send_after_commit(reps.confirmation_mail(org, reps.representatives(org)[userid], token))
        self.done = True
