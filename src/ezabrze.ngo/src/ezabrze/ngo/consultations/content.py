"""The Consultation type. Its remarks are not content: see ``remarks.py`` (a BTree on the consultation)."""

from datetime import timedelta
from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo.consultations import MIN_DAYS
from ezabrze.ngo.consultations import units as units_parser
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from ezabrze.policy.security.limits import FIELD_TEXT_MAX
from ezabrze.policy.security.limits import RICH_TEXT_MAX
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.schema.email import Email
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class IConsultation(model.Schema):
    """A consultation of a draft act with organisations (and residents)."""

    draft = RichText(
        title=_("Consulted draft"),
        description=_(
            "Write each provision in its own paragraph starting with its number: \"§ 1.\" for a paragraph, "
            "\"1.\" for a section (ustęp), \"1)\" for a point (punkt), \"a)\" for a letter. Each becomes a unit "
            "with its own remarks and permanent link. The units are frozen when the consultation is scheduled."
        ),
        required=True,
        max_length=RICH_TEXT_MAX,
    )
    participation = schema.Choice(
        title=_("Who may take part"),
        vocabulary="ezabrze.ngo.Participation",
        default="ngo",
        required=True,
    )
    start = schema.Datetime(title=_("Start of the consultation"), required=True)
    end = schema.Datetime(
        title=_("End of the consultation"),
        description=_("Remarks are accepted until this second (server time)."),
        required=True,
    )
    short_period_reason = schema.Text(
        title=_("Reason for a period shorter than 7 days"),
        description=_("Required (and it confirms the short period) when the consultation lasts less than 7 days."),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )
    consultation_forms = schema.List(
        title=_("Forms of consultation"),
        value_type=schema.Choice(vocabulary="ezabrze.ngo.ConsultationForms"),
        default=["online"],
        required=True,
        min_length=1,
    )
    directives.widget("consultation_forms", CheckBoxFieldWidget)
    meeting_date = schema.Datetime(title=_("Date of the open meeting"), required=False)
    meeting_place = schema.TextLine(title=_("Place of the open meeting"), required=False, max_length=FIELD_LINE_MAX)
    written_opinions_address = schema.Text(
        title=_("Where to send written opinions"),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )
    areas = schema.List(
        title=_("Areas of public-benefit activity concerned"),
        value_type=schema.Choice(vocabulary="ezabrze.ngo.Areas"),
        required=False,
        default=[],
    )
    responsible_unit = schema.Choice(
        title=_("Responsible unit"),
        description=_("Its staff (group unit-<id>) answer the remarks."),
        vocabulary="ezabrze.ngo.Units",
        required=False,
    )
    contact_person = schema.TextLine(title=_("Contact person"), required=True, max_length=FIELD_LINE_MAX)
    contact_email = Email(title=_("Contact e-mail"), required=True, max_length=FIELD_LINE_MAX)
    contact_phone = schema.TextLine(title=_("Contact phone"), required=False, max_length=FIELD_LINE_MAX)

    model.fieldset(
        "report",
        label=_("Report"),
        fields=["report_meetings", "report_written_opinions"],
    )
    report_meetings = schema.Text(
        title=_("Meetings held"),
        description=_("One per line: date, place, number of participants, conclusions."),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )
    report_written_opinions = schema.Text(
        title=_("Written opinions received"),
        description=_("One per line: sender, date, summary."),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )

    @invariant
    def period(data):
        start, end = getattr(data, "start", None), getattr(data, "end", None)
        if start is None or end is None:
            return
        start, end = clock.aware(start), clock.aware(end)
        if end <= start:
            raise Invalid(_("The end must be later than the start."))
        if end - start < timedelta(days=MIN_DAYS) and not (getattr(data, "short_period_reason", None) or "").strip():
            raise Invalid(
                _("The consultation lasts less than 7 days: confirm it by giving the reason for the short period.")
            )

    @invariant
    def meeting(data):
        forms = getattr(data, "consultation_forms", None) or []
        if "meeting" in forms and not (getattr(data, "meeting_date", None) and getattr(data, "meeting_place", None)):
            raise Invalid(_("An open meeting needs its date and place."))


@implementer(IConsultation)
class Consultation(Container):
    """Units, remarks and the adopted text live in attributes (see units.py, remarks.py, outcome.py)."""

    units = ()
    adopted = None

    def parse_units(self):
        """Parse the draft into units; only while a draft (afterwards the consulted text is frozen)."""
        html = self.draft.raw if self.draft is not None else ""
        self.units = tuple(units_parser.parse(html))

    def unit(self, unit_id):
        for unit in self.units:
            if unit["id"] == unit_id:
                return unit
        return None
