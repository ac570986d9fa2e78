"""Notice (ogłoszenie) of a district council and the council's folder .

A Notice is folderish: its attachments are File (and Image) items inside it, so every attachment has its own
URL, size and format, is versioned and indexed like any file, and follows the notice's workflow state
(File and Image have no workflow of their own: they acquire the notice's permissions).

Validity: ``valid_from`` and ``valid_until`` are not stored separately; they are the notice's publication
dates (``effective_date`` / ``expiration_date``), as local Europe/Warsaw days. So an expired notice drops out of
every catalog listing (Plone's ``effectiveRange``) at midnight after its last day, without anybody touching it,
and stays reachable by its URL and in the council's archive.
"""

from DateTime import DateTime
from datetime import datetime
from datetime import time
from ezabrze.policy import _
from ezabrze.policy.councils import DISTRICTS
from ezabrze.policy.councils import GROUP_PREFIX
from ezabrze.policy.councils import SECTION_ID
from ezabrze.policy.security.dates import plausible_date
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from ezabrze.policy.security.limits import RICH_TEXT_MAX
from plone import api
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.indexer import indexer
from plone.supermodel import model
from zoneinfo import ZoneInfo
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


WARSAW = ZoneInfo("Europe/Warsaw")

MEETING = "meeting"

NOTICE_CATEGORIES = (
    (MEETING, _("Council meeting")),
    ("announcement", _("Announcement")),
    ("resolution", _("Resolution")),
    ("event", _("Event")),
)


def notice_categories(context=None):
    return SimpleVocabulary(
        [SimpleTerm(value, token=value, title=title) for value, title in NOTICE_CATEGORIES]
    )


def category_title(value):
    return dict(NOTICE_CATEGORIES).get(value, value)


def local(value):
    """A datetime in Europe/Warsaw; naive values (from the forms and REST) are local time."""
    if value is None:
        return None
    if isinstance(value, DateTime):
        value = value.asdatetime()
    if value.tzinfo is None:
        return value.replace(tzinfo=WARSAW)
    return value.astimezone(WARSAW)


def _today():
    return datetime.now(WARSAW).date()


class INoticeBoard(Interface):
    """A folder that shows a notice board: the city-wide /rady-dzielnic and every council's folder."""


class IDistrictCouncil(model.Schema, INoticeBoard):
    """The folder of a district council (Rada Dzielnicy): its notices live inside."""

    district = schema.TextLine(
        title=_("District"),
        description=_("Name of the district, e.g. Biskupice."),
        required=True,
        max_length=FIELD_LINE_MAX,
    )
    seat = schema.TextLine(
        title=_("Seat of the council"),
        description=_("Address where the council meets and holds its duty hours."),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    email = schema.TextLine(
        title=_("E-mail address of the council"),
        required=False,
        max_length=FIELD_LINE_MAX,
    )


@implementer(IDistrictCouncil)
class DistrictCouncil(Container):
    """Rada Dzielnicy."""


class INotice(model.Schema):
    """Ogłoszenie rady dzielnicy. Title and summary come from the plone.basic behavior."""

    text = RichText(
        title=_("Text"),
        required=True,
        max_length=RICH_TEXT_MAX,
    )

    notice_category = schema.Choice(
        title=_("Category"),
        vocabulary="ezabrze.policy.NoticeCategories",
        required=True,
        default="announcement",
    )

    valid_from = schema.Date(
        constraint=plausible_date,  # ezabrze.policy.security.dates
        title=_("Valid from"),
        description=_("The notice appears on the notice boards on this day."),
        required=True,
        defaultFactory=_today,
    )
    valid_until = schema.Date(
        constraint=plausible_date,  # ezabrze.policy.security.dates
        title=_("Valid until"),
        description=_(
            "After this day the notice leaves the notice boards by itself and moves to the council's archive. "
            "Leave empty for a notice without an end date."
        ),
        required=False,
    )

    model.fieldset(
        "meeting",
        label=_("Meeting"),
        fields=["meeting_start", "meeting_end", "meeting_place"],
    )
    meeting_start = schema.Datetime(
        constraint=plausible_date,  # ezabrze.policy.security.dates
        title=_("Meeting date and time"),
        description=_("Required for a council meeting."),
        required=False,
    )
    meeting_end = schema.Datetime(
        constraint=plausible_date,  # ezabrze.policy.security.dates
        title=_("Meeting end"),
        required=False,
    )
    meeting_place = schema.TextLine(
        title=_("Meeting place"),
        description=_("Required for a council meeting, e.g. Szkoła Podstawowa nr 5, ul. Kalinowa 5, sala 12."),
        required=False,
        max_length=FIELD_LINE_MAX,
    )

    @invariant
    def validity_range(data):
        start = getattr(data, "valid_from", None)
        end = getattr(data, "valid_until", None)
        if start is not None and end is not None and end < start:
            raise Invalid(_("The notice cannot be valid until a day before it becomes valid."))

    @invariant
    def meeting_details(data):
        if getattr(data, "notice_category", None) != MEETING:
            return
        if not getattr(data, "meeting_start", None) or not (getattr(data, "meeting_place", None) or "").strip():
            raise Invalid(_("A council meeting needs its date and time and its place."))

    @invariant
    def meeting_range(data):
        start = getattr(data, "meeting_start", None)
        end = getattr(data, "meeting_end", None)
        if start is not None and end is not None and local(end) < local(start):
            raise Invalid(_("The meeting cannot end before it starts."))


def _to_day(value):
    if value is None:
        return None
    return local(value).date()


@implementer(INotice)
class Notice(Container):
    """Ogłoszenie: its validity is its effective range."""

    @property
    def valid_from(self):
        return _to_day(self.effective_date)

    @valid_from.setter
    def valid_from(self, value):
        if isinstance(value, datetime):
            value = local(value).date()
        self.effective_date = (
            None if value is None else DateTime(datetime.combine(value, time(0, 0), tzinfo=WARSAW))
        )

    @property
    def valid_until(self):
        return _to_day(self.expiration_date)

    @valid_until.setter
    def valid_until(self, value):
        if isinstance(value, datetime):
            value = local(value).date()
        self.expiration_date = (
            None
            if value is None
            else DateTime(datetime.combine(value, time(23, 59, 59), tzinfo=WARSAW))
        )

    def is_expired(self, now=None):
        if self.expiration_date is None:
            return False
        return self.expiration_date.isPast() if now is None else self.expiration_date < now

    def is_meeting(self):
        return self.notice_category == MEETING


@indexer(INotice)
def meeting_start_indexer(obj):
    start = local(obj.meeting_start)
    return DateTime(start) if start is not None else None


@indexer(INotice)
def notice_category_indexer(obj):
    return obj.notice_category


# ------------------------------------------------------------------ finding the councils


class ICouncilsSection(INoticeBoard):
    """Marker of /rady-dzielnic: the city-wide notice board."""


def group_id(council_id):
    return GROUP_PREFIX + council_id


def council_title(district):
    return f"Rada Dzielnicy {district}"


def councils(portal=None):
    """The council folders, in the order of DISTRICTS (those that exist)."""
    portal = portal or api.portal.get()
    section = portal.get(SECTION_ID)
    if section is None:
        return []
    return [section[id_] for id_, _name, _seat in DISTRICTS if id_ in section.objectIds()]


def council_of(obj):
    """The DistrictCouncil that contains ``obj`` (or is it), else None."""
    for item in obj.aq_chain:
        if IDistrictCouncil.providedBy(item):
            return item
    return None
