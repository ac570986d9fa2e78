from ezabrze.policy import _
from ezabrze.policy.catalogue import validators
from ezabrze.policy.catalogue.content import SkinNameOfTheSite
from ezabrze.policy.catalogue.content.unit import UNIT_WIDGET
from ezabrze.policy.catalogue.content.unit import UNITS_VOCABULARY
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from ezabrze.policy.security.limits import FIELD_TEXT_MAX
from ezabrze.policy.security.limits import URL_MAX
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer
from zope.interface import invariant


class IService(model.Schema):
    """A card of the catalogue of services (karta usługi): how to get something done at the city."""

    audience = schema.List(
        title=_("For whom"),
        description=_("Who the service is for."),
        value_type=schema.Choice(vocabulary="ezabrze.policy.Audiences"),
        min_length=1,
        required=True,
        default=["residents"],
    )
    directives.widget("audience", CheckBoxFieldWidget)

    category = schema.Choice(
        title=_("Life event category"),
        vocabulary="ezabrze.policy.LifeEventCategories",
        required=True,
    )

    eligibility = schema.Text(
        title=_("Who may apply"),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )
    required_documents = schema.Text(
        title=_("Required documents"),
        description=_("One document per line."),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )

    model.fieldset(
        "fees",
        label=_("Fees and deadline"),
        fields=["fee_free", "fee_amount", "fee_payment", "handling_deadline"],
    )
    fee_free = schema.Bool(
        title=_("Free of charge"),
        required=False,
        default=False,
    )
    fee_amount = schema.Decimal(
        title=_("Fee amount (PLN)"),
        description=_("Required unless the service is free of charge."),
        required=False,
        constraint=validators.not_negative,
    )
    fee_payment = schema.Text(
        title=_("How to pay"),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )
    handling_deadline = schema.TextLine(
        title=_("Handling deadline"),
        description=_("e.g. up to 30 days (do 30 dni)."),
        required=False,
        max_length=FIELD_LINE_MAX,
    )

    model.fieldset(
        "handling",
        label=_("How to get it done"),
        fields=["submission_channels", "online_url", "responsible_unit", "location_unit", "legal_basis"],
    )
    submission_channels = schema.List(
        title=_("How to submit"),
        value_type=schema.Choice(vocabulary="ezabrze.policy.SubmissionChannels"),
        required=False,
        default=[],
    )
    directives.widget("submission_channels", CheckBoxFieldWidget)
    online_url = schema.URI(
        title=_("Online service address"),
        description=_("Link to the e-service on SEKAP or ePUAP; required when the service is available online."),
        required=False,
        constraint=validators.online_url,
        max_length=URL_MAX,
    )
    responsible_unit = RelationChoice(
        title=_("Responsible unit"),
        vocabulary=UNITS_VOCABULARY,
        required=True,
    )
    directives.widget("responsible_unit", ContentBrowserFieldWidget, **UNIT_WIDGET)
    location_unit = RelationChoice(
        title=_("Where to go"),
        description=_("The unit where the matter is handled in person, if different from the responsible unit."),
        vocabulary=UNITS_VOCABULARY,
        required=False,
    )
    directives.widget("location_unit", ContentBrowserFieldWidget, **UNIT_WIDGET)
    legal_basis = schema.Text(
        title=_("Legal basis"),
        description=_("One legal act per line."),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )

    model.fieldset(
        "maintenance",
        label=_("Related services and review"),
        fields=["related_services", "last_review", "suspended", "suspension_reason"],
    )
    related_services = RelationList(
        title=_("Related services"),
        value_type=RelationChoice(
            title=_("Related service"),
            vocabulary="ezabrze.policy.Services",
        ),
        required=False,
        default=[],
    )
    directives.widget(
        "related_services",
        ContentBrowserFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Service"], "recentlyUsed": True},
    )
    last_review = schema.Date(
        title=_("Last content review"),
        description=_("The date an official last checked that this card is up to date."),
        required=False,
    )
    suspended = schema.Bool(
        title=_("Suspended"),
        description=_("The service is temporarily not available."),
        required=False,
        default=False,
    )
    suspension_reason = schema.Text(
        title=_("Suspension reason"),
        description=_("Required when the service is suspended; shown to visitors."),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )

    @invariant
    def fee_required_unless_free(data):
        validators.fee_invariant(data)

    @invariant
    def online_url_required_when_online(data):
        validators.online_invariant(data)

    @invariant
    def reason_required_when_suspended(data):
        validators.suspension_invariant(data)


@implementer(IService)
class Service(Container, SkinNameOfTheSite):
    """Folderish: holds the downloadable forms (File items, PDF/DOCX/ODT only)."""

    def online_available(self):
        """True when the service can really be handled online now."""
        return bool(
            "online" in (self.submission_channels or ())
            and self.online_url
            and not self.suspended
        )
