"""Views of the cases: thank-you box, RODO clause, public status page, staff listing and exports,
the case view with its transitions, the control panel."""

from AccessControl import Unauthorized
from collective.easyform.api import get_actions
from datetime import date
from ezabrze.policy import _
from ezabrze.policy.cases import api as cases_api
from ezabrze.policy.cases import categories
from ezabrze.policy.cases import rodo
from ezabrze.policy.cases import signs
from ezabrze.policy.cases.action import REQUEST_KEY
from ezabrze.policy.cases.content import FINAL_STATES
from ezabrze.policy.cases.interfaces import ICaseSettings
from ezabrze.policy.cases.interfaces import ICreateCase
from ezabrze.policy.exports import neutralize_row
from ezabrze.policy.network import geo
from ezabrze.policy.utils import paginate
from io import BytesIO
from io import StringIO
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.i18n import translate

import csv


# --------------------------------------------------------------------------- on the forms


def case_action(form):
    """The first "Utwórz sprawę" action of an easyform, or None."""
    try:
        actions = get_actions(form)
    except Exception:
        return None
    for name in actions:
        field = actions[name]
        if ICreateCase.providedBy(field):
            return field
    return None


class ThankYouViewlet(ViewletBase):
    """Sign and tracking code, once, on the thank-you page of the request that created the case."""

    index = ViewPageTemplateFile("templates/thank_you.pt")

    def update(self):
        super().update()
        self.info = self.request.get(REQUEST_KEY)
        self.status_url = api.portal.get().absolute_url() + "/@@status-sprawy"

    def render(self):
        return self.index() if self.info else ""

    def due(self):
        due = self.info.get("due_date")
        return due.strftime("%d.%m.%Y") if due else ""


class RodoViewlet(ViewletBase):
    """The information clause (RODO art. 13) on every easyform form."""

    index = ViewPageTemplateFile("templates/rodo.pt")

    def items(self):
        action = case_action(self.context)
        default = ICreateCase["purpose"].default
        purpose = getattr(action, "purpose", None) or default
        basis = getattr(action, "legal_basis", None) or "public_task"
        detail = getattr(action, "legal_basis_detail", None) or ""
        return [
            {"heading": translate(h, context=self.request), "text": translate(t, context=self.request)}
            for h, t in rodo.clause_items(purpose, basis, detail)
        ]


class LocationPickerViewlet(ViewletBase):
    """A map of Zabrze to pick the point of a form that asks for latitude and longitude (the problem form).

    Drawn on the server from the outline and districts of network/data/zabrze.geojson (the network map's data
    and projection), so it works without the internet. ``static/location-picker.js`` moves it next to the
    latitude field and fills both fields from a click, a touch, or the keyboard (arrow keys move the marker,
    Enter sets the point). The address field stays the alternative for keyboard and screen-reader users; the
    server checks that the point lies inside the city (cases.api.validate_submission).
    """

    index = ViewPageTemplateFile("templates/location_picker.pt")
    FIELDS = ("latitude", "longitude")

    def available(self):
        from collective.easyform.api import get_schema

        try:
            names = set(get_schema(self.context).names())
        except Exception:
            return False
        return set(self.FIELDS) <= names

    def render(self):
        return self.index() if self.available() else ""

    def map(self):
        projection = geo.Projection()
        return {
            "width": projection.width,
            "height": projection.height,
            "west": projection.west,
            "north": projection.north,
            "scale_x": projection.scale_x,
            "factor": projection.factor,
            "margin": projection.margin,
            "outline": projection.path(geo.outline()),
            "districts": [
                {"name": feature["properties"]["name"], "path": projection.path(feature["geometry"]["coordinates"][0])}
                for feature in geo.districts()
            ],
        }

    def script_url(self):
        return f"{api.portal.get().absolute_url()}/++plone++ezabrze.location/location-picker.js"


# --------------------------------------------------------------------------- the public status page


class StatusView(BrowserView):
    """/@@status-sprawy: sign + tracking code, no login. Same answer for an unknown sign and a wrong code."""

    index = ViewPageTemplateFile("templates/status.pt")

    def __call__(self):
        self.result = None
        self.error = None
        self.sign = (self.request.form.get("sign") or "").strip()
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            code = (self.request.form.get("code") or "").strip()
            try:
                case = cases_api.lookup(self.sign, code, self.request)
            except cases_api.Throttled:
                self.request.response.setStatus(429)
                self.error = _(
                    "status_throttled",
                    default="Too many wrong attempts. Please wait ${minutes} minutes and try again.",
                    mapping={"minutes": cases_api.setting("window_minutes", 10)},
                )
            else:
                if case is None:
                    self.request.response.setStatus(404)
                    self.error = _(
                        "status_not_found",
                        default="No case matches this sign and tracking code. Check both and try again.",
                    )
                else:
                    self.result = cases_api.status_info(case, self.request)
        return self.index()


# --------------------------------------------------------------------------- staff


def _is_overdue(brain, today):
    due = brain.case_due
    return bool(due) and brain.review_state not in FINAL_STATES and due < today


STATES = tuple(cases_api.STATE_TITLES)
PAGE_SIZE = 50


def _normal_sign(text):
    """What staff typed in the sign filter, without spaces and in upper case ("" when empty)."""
    return "".join((text or "").split()).upper()


def sign_refused(text):
    """True for filter text that is neither a whole case sign nor only a number."""
    text = _normal_sign(text)
    return bool(text) and not text.isdigit() and signs.parse_sign(text) is None


def staff_filters(request):
    """The filters of the staff list (also of its exports) from the request: unit, state, sign."""
    form = request.form
    state = form.get("state") or None
    return {
        "unit": form.get("unit") or None,
        "state": state if state in STATES else None,
        "sign": (form.get("sign") or "").strip(),
    }


def staff_cases(context, request, unit=None, state=None, sign=""):
    """The cases the current user may see, overdue first, then by due date.

    ``sign`` is a whole sign (found through the ``case_sign`` index) or only a number ("123" or "000123",
    any year: matched against the signs of the cases the other filters found)."""
    if api.user.is_anonymous():
        raise Unauthorized("Log in to see the cases of your unit.")
    today = date.today()
    if sign_refused(sign):
        return [], today
    query = {"portal_type": "Case", "sort_on": "case_due"}
    if unit:
        query["case_unit"] = unit
    if state:
        query["review_state"] = state
    sign = _normal_sign(sign)
    if sign and not sign.isdigit():
        query["case_sign"] = sign
    brains = api.portal.get_tool("portal_catalog")(**query)
    if sign.isdigit():
        suffix = "/" + sign.zfill(6)
        rows = [b for b in brains if (b.case_sign or "").endswith(suffix)]
    else:
        rows = list(brains)
    rows.sort(key=lambda b: (not _is_overdue(b, today), b.case_due or date.max, b.case_sign or ""))
    return rows, today


COLUMNS = (
    ("sign", _("Case sign")),
    ("form", _("Form")),
    ("category", _("Category")),
    ("state", _("State")),
    ("unit", _("Responsible unit")),
    ("submitted", _("Submitted")),
    ("due", _("Due date")),
    ("overdue", _("Overdue")),
)


class StaffCasesView(BrowserView):
    """/@@sprawy-jednostki: the cases of the units the user works in (and all cases for administrators)."""

    index = ViewPageTemplateFile("templates/staff.pt")

    def __call__(self):
        self.filters = staff_filters(self.request)
        self.unit = self.filters["unit"]
        self.brains, self.today = staff_cases(self.context, self.request, **self.filters)
        self.batch = paginate(self.brains, self.request, PAGE_SIZE)
        return self.index()

    def units(self):
        return [{"id": u, "title": cases_api.unit_title(u)} for u in cases_api.units_of_user()]

    def states(self):
        return [
            {"id": state, "title": translate(cases_api.state_title(state), context=self.request)}
            for state in STATES
        ]

    def sign_refused(self):
        return sign_refused(self.filters["sign"])

    def export_query(self):
        query = {key: value for key, value in self.filters.items() if value}
        return ("?" + urlencode(query)) if query else ""

    def rows(self):
        return rows(self.batch, self.today, self.request)

    def columns(self):
        return [translate(title, context=self.request) for name, title in COLUMNS]


def rows(brains, today, request):
    result = []
    for brain in brains:
        result.append(
            {
                "url": brain.getURL(),
                "sign": brain.case_sign or brain.Title,
                "form": brain.case_form or "",
                "category": categories.label(brain.case_category) if brain.case_category else "",
                "state": translate(cases_api.state_title(brain.review_state), context=request),
                "unit": cases_api.unit_title(brain.case_unit) if brain.case_unit else "",
                "submitted": brain.created.strftime("%Y-%m-%d %H:%M") if brain.created else "",
                "due": brain.case_due.isoformat() if brain.case_due else "",
                "overdue": translate(_("Yes") if _is_overdue(brain, today) else _("No"), context=request),
                "is_overdue": _is_overdue(brain, today),
            }
        )
    return result


class StaffCasesCSV(StaffCasesView):
    def __call__(self):
        brains, today = staff_cases(self.context, self.request, **staff_filters(self.request))
        out = StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(self.columns())
        for row in rows(brains, today, self.request):
            writer.writerow(neutralize_row([row[name] for name, title in COLUMNS]))
        self.request.response.setHeader("Content-Type", "text/csv; charset=utf-8")
        self.request.response.setHeader("Content-Disposition", 'attachment; filename="sprawy.csv"')
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return "\ufeff" + out.getvalue()  # BOM: Excel opens UTF-8 correctly


class StaffCasesXLSX(StaffCasesView):
    def __call__(self):
        from openpyxl import Workbook
        from openpyxl.styles import Font

        brains, today = staff_cases(self.context, self.request, **staff_filters(self.request))
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Sprawy"
        sheet.append(self.columns())
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows(brains, today, self.request):
            sheet.append(neutralize_row([row[name] for name, title in COLUMNS]))
        out = BytesIO()
        workbook.save(out)
        response = self.request.response
        response.setHeader(
            "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response.setHeader("Content-Disposition", 'attachment; filename="sprawy.xlsx"')
        response.setHeader("Cache-Control", "private, no-store")
        return out.getvalue()


class CaseView(BrowserView):
    """The case for the staff: data, attachment, full log, and the transitions they may run."""

    index = ViewPageTemplateFile("templates/case.pt")

    def category(self):
        """The Polish label of the case's category (cases store the id)."""
        return categories.label(self.context.category) if self.context.category else ""

    def __call__(self):
        self.message = None
        form = self.request.form
        if self.request.method == "POST" and form.get("transition"):
            self.handle(form)
            if self.message is None:
                return ""
        return self.index()

    def handle(self, form):
        from plone.protect import CheckAuthenticator

        CheckAuthenticator(self.request)
        name = form.get("transition")
        if name not in [t["id"] for t in self.transitions()]:
            raise Unauthorized("This transition is not available.")
        try:
            cases_api.transition(
                self.context,
                name,
                comment=(form.get("comment") or "").strip(),
                public=bool(form.get("public")),
                target_unit=form.get("target_unit") or None,
            )
        except ValueError:
            self.message = _("forward_needs_unit", default="Choose the unit the case is forwarded to.")
            return
        api.portal.show_message(_("The state of the case was changed."), self.request)
        self.request.response.redirect(self.context.absolute_url())

    def transitions(self):
        workflow = api.portal.get_tool("portal_workflow")
        return [
            {"id": t["id"], "title": translate(_(t["title"]), context=self.request)}
            for t in workflow.getTransitionsFor(self.context)
        ]

    def state(self):
        return translate(cases_api.state_title(api.content.get_state(self.context)), context=self.request)

    def state_title(self, state):
        return translate(cases_api.state_title(state), context=self.request)

    def unit(self):
        return cases_api.unit_title(self.context.unit_id) if self.context.unit_id else ""

    def units(self):
        catalog = api.portal.get_tool("portal_catalog")
        return [
            {"id": b.getId, "title": b.Title}
            for b in catalog.unrestrictedSearchResults(portal_type="OrganizationalUnit", sort_on="sortable_title")
            if b.getId != self.context.unit_id
        ]

    def log(self):
        return list(reversed(self.context.case_log))


class CaseSettingsForm(RegistryEditForm):
    schema = ICaseSettings
    schema_prefix = "ezabrze.policy.cases"
    label = _("Cases")
    description = _("Retention of cases and submissions, rate limits and attachments of the citizen forms.")


class CaseSettingsView(ControlPanelFormWrapper):
    form = CaseSettingsForm
