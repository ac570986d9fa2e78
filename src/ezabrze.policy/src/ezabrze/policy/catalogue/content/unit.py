from ezabrze.policy import _
from ezabrze.policy.catalogue import validators
from ezabrze.policy.catalogue.content import SkinNameOfTheSite
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema.email import Email
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer


WEEKDAYS = (
    ("monday", _("Monday")),
    ("tuesday", _("Tuesday")),
    ("wednesday", _("Wednesday")),
    ("thursday", _("Thursday")),
    ("friday", _("Friday")),
    ("saturday", _("Saturday")),
    ("sunday", _("Sunday")),
)


UNITS_VOCABULARY = "ezabrze.policy.OrganizationalUnits"
# The content browser searches the whole catalogue (like plone.relateditems) and offers only units; the field's
# own vocabulary validates the choice on the server, in the forms and in plone.restapi.
UNIT_WIDGET = {
    "vocabulary": "plone.app.vocabularies.Catalog",
    "pattern_options": {"selectableTypes": ["OrganizationalUnit"], "recentlyUsed": True},
}


class IOrganizationalUnit(model.Schema):
    """A department of the City Hall or a municipal organisational unit (school, library, ...)."""

    unit_kind = schema.Choice(
        title=_("Kind of unit"),
        vocabulary="ezabrze.policy.UnitKinds",
        required=True,
        default="department",
    )

    parent_unit = RelationChoice(
        title=_("Parent unit"),
        description=_("The unit this one belongs to, e.g. the department that supervises it."),
        vocabulary=UNITS_VOCABULARY,
        required=False,
    )
    directives.widget("parent_unit", ContentBrowserFieldWidget, **UNIT_WIDGET)

    head_name = schema.TextLine(
        title=_("Head of the unit"),
        description=_("First name and surname, e.g. Anna Kowalska."),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    head_function = schema.TextLine(
        title=_("Function of the head"),
        description=_("e.g. Head of Department (Naczelnik Wydziału)."),
        required=False,
        max_length=FIELD_LINE_MAX,
    )

    model.fieldset(
        "contact",
        label=_("Address and contact"),
        fields=["street", "postal_code", "city", "phone", "email", "epuap_box", "latitude", "longitude"],
    )
    street = schema.TextLine(
        title=_("Street and number"),
        description=_("e.g. ul. Powstańców Śląskich 5-7"),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    postal_code = schema.TextLine(
        title=_("Postal code"),
        description=_("Format NN-NNN, e.g. 41-800."),
        required=False,
        constraint=validators.postal_code,
        max_length=FIELD_LINE_MAX,
    )
    city = schema.TextLine(
        title=_("City"),
        required=False,
        default="Zabrze",
        max_length=FIELD_LINE_MAX,
    )
    phone = schema.TextLine(
        title=_("Phone"),
        description=_("e.g. +48 32 373 33 00"),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    email = Email(
        title=_("E-mail"),
        required=False,
        constraint=validators.email,
        max_length=FIELD_LINE_MAX,
    )
    epuap_box = schema.TextLine(
        title=_("ePUAP / SEKAP inbox"),
        description=_("Address of the electronic inbox, e.g. /UMZabrze/SkrytkaESP."),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    latitude = schema.Float(
        title=_("Latitude"),
        description=_("Decimal degrees, -90 to 90; Zabrze lies at about 50.30."),
        required=False,
        constraint=validators.latitude,
    )
    longitude = schema.Float(
        title=_("Longitude"),
        description=_("Decimal degrees, -180 to 180; Zabrze lies at about 18.78."),
        required=False,
        constraint=validators.longitude,
    )

    model.fieldset(
        "hours",
        label=_("Opening hours"),
        description=_("e.g. 7:30–15:30; leave empty when the unit is closed that day."),
        fields=[f"hours_{day}" for day, label in WEEKDAYS],
    )
    hours_monday = schema.TextLine(title=_("Monday"), required=False, max_length=FIELD_LINE_MAX)
    hours_tuesday = schema.TextLine(title=_("Tuesday"), required=False, max_length=FIELD_LINE_MAX)
    hours_wednesday = schema.TextLine(title=_("Wednesday"), required=False, max_length=FIELD_LINE_MAX)
    hours_thursday = schema.TextLine(title=_("Thursday"), required=False, max_length=FIELD_LINE_MAX)
    hours_friday = schema.TextLine(title=_("Friday"), required=False, max_length=FIELD_LINE_MAX)
    hours_saturday = schema.TextLine(title=_("Saturday"), required=False, max_length=FIELD_LINE_MAX)
    hours_sunday = schema.TextLine(title=_("Sunday"), required=False, max_length=FIELD_LINE_MAX)


@implementer(IOrganizationalUnit)
class OrganizationalUnit(Item, SkinNameOfTheSite):
    """Not folderish: sub-units point to their parent through ``parent_unit``."""
