from collective.easyform.interfaces import IAction
from ezabrze.policy import _
from ezabrze.policy.cases import categories
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from ezabrze.policy.security.limits import FIELD_TEXT_MAX
from plone.autoform import directives
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema
from zope.interface import Interface


class ICasesFolder(Interface):
    """Marker of /sprawy, the private container of all cases (one sub-folder per year)."""


class ICaseSubmittedRequest(Interface):
    """Request marker: a case was created by this request (the thank-you page shows sign and code)."""


LEGAL_BASES = ("consent", "legal_obligation", "public_task")


class ICase(model.Schema):
    """A matter raised by a resident through a form; handled by a unit of the City Hall."""

    sign = schema.TextLine(title=_("Case sign"), readonly=True, required=False, max_length=FIELD_LINE_MAX)
    form_title = schema.TextLine(title=_("Form"), required=False, max_length=FIELD_LINE_MAX)
    category = schema.TextLine(title=_("Category"), required=False, max_length=FIELD_LINE_MAX)
    topic = schema.TextLine(title=_("Subject"), required=False, max_length=FIELD_LINE_MAX)
    text = schema.Text(title=_("Description"), required=False, max_length=FIELD_TEXT_MAX)
    address = schema.TextLine(title=_("Location (address)"), required=False, max_length=FIELD_LINE_MAX)
    latitude = schema.Float(title=_("Latitude"), required=False)
    longitude = schema.Float(title=_("Longitude"), required=False)
    requester_name = schema.TextLine(title=_("Name of the requester"), required=False, max_length=FIELD_LINE_MAX)
    requester_email = schema.TextLine(title=_("E-mail of the requester"), required=False, max_length=FIELD_LINE_MAX)
    requester_phone = schema.TextLine(title=_("Phone of the requester"), required=False, max_length=FIELD_LINE_MAX)
    attachment = NamedBlobFile(title=_("Attachment"), required=False)
    unit_id = schema.ASCIILine(title=_("Responsible unit"), required=False, max_length=FIELD_LINE_MAX)
    due_date = schema.Date(title=_("Due date"), required=False)
    submission = schema.Dict(
        title=_("Submitted data"),
        key_type=schema.TextLine(max_length=FIELD_LINE_MAX),
        value_type=schema.Text(max_length=FIELD_TEXT_MAX),
        required=False,
    )
    # Everything below is set by the system only.
    directives.omitted("sign", "submission", "unit_id")


DEFAULT_PROBLEM_CATEGORIES = [
    "drogi-i-chodniki|Drogi i chodniki|miejski-zarzad-drog",
    "oswietlenie|Oświetlenie ulic|miejski-zarzad-drog",
    "sygnalizacja-i-znaki|Sygnalizacja świetlna i znaki drogowe|miejski-zarzad-drog",
    "zielen|Zieleń miejska (drzewa, trawniki, parki)|wydzial-gospodarki-komunalnej",
    "odpady|Odpady i dzikie wysypiska|wydzial-ochrony-srodowiska",
    "porzadek|Porządek i bezpieczeństwo|straz-miejska",
    "budynki-komunalne|Budynki komunalne|mzbm",
    "zwierzeta|Zwierzęta (bezdomne, ranne, dzikie)|schronisko",
    "inne|Inny problem|biuro-obslugi-mieszkancow",
]


class ICaseSettings(model.Schema):
    """Registry records of the cases (prefix ``ezabrze.policy.cases``); control panel "Sprawy"."""

    retention_years = schema.Int(
        title=_("Retention period (years)"),
        description=_(
            "Cases and their submissions older than this are deleted by scripts/purge_cases.py "
            "(run daily by cron)."
        ),
        default=5,
        min=1,
        max=100,
        required=True,
    )
    submissions_per_window = schema.Int(
        title=_("Submissions per client"),
        description=_(
            "How many submissions one IP address may send within the window below; 0 switches the limit off."
        ),
        default=5,
        min=0,
        required=True,
    )
    window_minutes = schema.Int(
        title=_("Rate limit window (minutes)"),
        default=10,
        min=1,
        required=True,
    )
    status_failures_allowed = schema.Int(
        title=_("Wrong status queries per client"),
        description=_(
            "How many wrong sign/code pairs one IP address may try within the window before it must wait."
        ),
        default=5,
        min=1,
        required=True,
    )
    max_attachment_mb = schema.Int(
        title=_("Maximum size of an attachment (MB)"),
        default=10,
        min=1,
        max=100,
        required=True,
    )
    problem_categories = schema.List(
        title=_("Categories of reported problems"),
        description=_(
            "One per line as id|Label|unit, e.g. oswietlenie|Oświetlenie ulic|miejski-zarzad-drog. Residents "
            "see the label; cases store the id (keep the id of a category in use) and go to the unit "
            "(its short name, see Dla mieszkańców → Urząd i jednostki)."
        ),
        value_type=schema.TextLine(max_length=FIELD_LINE_MAX),
        constraint=categories.validate_lines,
        default=list(DEFAULT_PROBLEM_CATEGORIES),
        required=False,
    )
    directives.widget("problem_categories", TextLinesFieldWidget)
    allowed_extensions = schema.List(
        title=_("Allowed attachment types"),
        description=_("File name extensions, one per line."),
        value_type=schema.ASCIILine(max_length=FIELD_LINE_MAX),
        default=["jpg", "jpeg", "png", "pdf", "docx", "odt"],
        required=True,
    )
    directives.widget("allowed_extensions", TextLinesFieldWidget)


class ICreateCase(IAction):
    """Easyform action "Utwórz sprawę": every valid submission becomes a Case (a sign, a tracking code,
    a unit, a due date) and the resident gets a confirmation e-mail."""

    target_unit = schema.ASCIILine(
        title=_("Target unit"),
        description=_(
            "Short name (id) of the unit that handles the cases of this form unless a category says "
            "otherwise, e.g. biuro-obslugi-mieszkancow (see Dla mieszkańców → Urząd i jednostki)."
        ),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    deadline_days = schema.Int(
        title=_("Deadline (days)"),
        description=_(
            "Legal deadline in calendar days, counted from the submission; e.g. 14 for a request for "
            "public information."
        ),
        default=30,
        min=1,
        max=365,
        required=True,
    )
    category_field = schema.ASCIILine(
        title=_("Category field"),
        description=_("Short name of the form field whose value selects the unit (see the mapping below)."),
        default="category",
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    category_units = schema.List(
        title=_("Category to unit mapping"),
        description=_(
            "One line per category: value of the category field|id of the unit, "
            "e.g. drogi|wydzial-drog. Categories not listed go to the target unit."
        ),
        value_type=schema.TextLine(max_length=FIELD_LINE_MAX),
        default=[],
        required=False,
    )
    directives.widget("category_units", TextLinesFieldWidget)
    email_field = schema.ASCIILine(
        title=_("E-mail field"),
        description=_("Short name of the form field with the resident's e-mail address."),
        default="email",
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    purpose = schema.TextLine(
        title=_("Purpose of processing"),
        description=_("Shown in the GDPR information clause of the form."),
        default="rozpatrzenie sprawy zgłoszonej przez formularz i udzielenie odpowiedzi",
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    legal_basis = schema.Choice(
        title=_("Legal basis of processing"),
        description=_(
            "With consent the form must have a required Yes/No field whose short name is given below."
        ),
        values=LEGAL_BASES,
        default="public_task",
        required=True,
    )
    legal_basis_detail = schema.TextLine(
        title=_("Legal provision"),
        description=_("e.g. ustawa z dnia 6 września 2001 r. o dostępie do informacji publicznej"),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    consent_field = schema.ASCIILine(
        title=_("Consent field"),
        default="consent",
        required=False,
        max_length=FIELD_LINE_MAX,
    )

