from ezabrze.policy import _
from ezabrze.policy.catalogue import validators
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from plone.autoform import directives
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema
from zope.interface import Interface


class IServiceCatalogue(Interface):
    """Marker of the folder that is the public catalogue of e-services (/dla-mieszkancow/uslugi)."""


class IUnitDirectory(Interface):
    """Marker of the folder of the city's organisational units (/dla-mieszkancow/jednostki)."""


DEFAULT_LIFE_EVENT_CATEGORIES = [
    "meldunek|Meldunek i sprawy obywatelskie",
    "dowody-osobiste|Dowody osobiste",
    "podatki-i-oplaty|Podatki i opłaty lokalne",
    "dzialalnosc-gospodarcza|Działalność gospodarcza",
    "budownictwo|Budownictwo i architektura",
    "srodowisko-i-odpady|Środowisko i odpady",
    "komunikacja-i-transport|Komunikacja i transport",
    "rodzina-i-dzieci|Rodzina i dzieci",
    "edukacja|Edukacja",
    "pomoc-spoleczna|Pomoc społeczna",
    "kultura-i-sport|Kultura i sport",
    "organizacje-pozarzadowe|Organizacje pozarządowe",
    "nieruchomosci|Nieruchomości i mieszkania",
    "zdrowie|Zdrowie",
    "bezpieczenstwo|Bezpieczeństwo i porządek publiczny",
]


class ICatalogueSettings(model.Schema):
    """Registry records of the service catalogue (prefix ``ezabrze.policy``)."""

    life_event_categories = schema.List(
        title=_("Life event categories"),
        description=_(
            "One category per line as slug|Label, e.g. meldunek|Meldunek i sprawy obywatelskie. "
            "The slug is stored in the services; do not change the slug of a category in use."
        ),
        value_type=schema.TextLine(max_length=FIELD_LINE_MAX),
        constraint=validators.category_entries,
        default=list(DEFAULT_LIFE_EVENT_CATEGORIES),
        required=False,
    )
    directives.widget("life_event_categories", TextLinesFieldWidget)

    service_form_max_size_mb = schema.Int(
        title=_("Maximum size of a downloadable form (MB)"),
        description=_("PDF, DOCX and ODT forms attached to a service may not be larger than this."),
        default=10,
        min=1,
        required=True,
    )
