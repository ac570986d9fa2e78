"""The top-level structure of the portal, created by the default profile (idempotent)."""

from ezabrze.policy import accessibility
from ezabrze.policy import publishing
from ezabrze.policy.content.interfaces import IServiceCatalogue
from ezabrze.policy.content.interfaces import IUnitDirectory
from ezabrze.policy.utils import ensure
from ezabrze.policy.utils import ensure_group
from ezabrze.policy.utils import publish
from ezabrze.policy.utils import rich_text
from pathlib import Path
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from zope.interface import alsoProvides

import logging


logger = logging.getLogger("ezabrze.policy")

STAFF_GROUP = "pracownicy"

SECTIONS = (
    {
        "id": "dla-mieszkancow",
        "title": "Dla mieszkańców",
        "description": "Sprawy urzędowe, e-usługi i informacje dla mieszkańców Zabrza.",
    },
    {
        "id": "dla-biznesu",
        "title": "Dla biznesu",
        "description": "E-usługi, podatki, zezwolenia i wsparcie dla przedsiębiorców.",
    },
    {
        "id": "organizacje-pozarzadowe",
        "title": "Organizacje pozarządowe",
        "description": "Konsultacje społeczne, otwarte konkursy ofert i współpraca miasta z NGO.",
    },
    {
        "id": "rady-dzielnic",
        "title": "Rady Dzielnic",
        "description": "Ogłoszenia, posiedzenia i uchwały rad dzielnic Zabrza.",
    },
    {
        "id": "strategia-e-zabrze",
        "title": "Strategia e-Zabrze",
        "description": (
            "e-Zabrze — strategia budowy Społeczeństwa Informacyjnego miasta Zabrze do roku 2020+."
        ),
    },
    {
        "id": "aktualnosci",
        "title": "Aktualności",
        "description": "Wiadomości z Urzędu Miejskiego i jednostek organizacyjnych miasta.",
    },
    {
        "id": "intranet",
        "title": "Intranet",
        "description": "Serwis wewnętrzny dla pracowników urzędu i jednostek organizacyjnych.",
        "private": True,
    },
)

# The texts of the strategy pages are HTML files in pages/ named after the page id (o-strategii.html and one
# per goal).
PAGES = Path(__file__).parent / "pages"


def page_text(page_id):
    """The HTML of the page `page_id` (pages/<page_id>.html) as rich text."""
    return rich_text((PAGES / f"{page_id}.html").read_text(encoding="utf-8"))


GOALS = (
    ("infrastruktura", "Infrastruktura", "Zabrzańska Szerokopasmowa Sieć Światłowodowa i sieć bezprzewodowa WiMax."),
    ("e-administracja", "e-Administracja", "Elektroniczny obieg dokumentów i e-usługi urzędu oraz jednostek."),
    ("e-gospodarka", "e-Gospodarka", "E-usługi i informacja dla przedsiębiorców."),
    (
        "e-spoleczenstwo",
        "e-Społeczeństwo",
        "Konsultacje społeczne, konkursy ofert dla NGO i kompetencje cyfrowe mieszkańców.",
    ),
    ("e-bezpieczenstwo", "e-Bezpieczeństwo", "Monitoring miejski i bezpieczeństwo systemów informatycznych miasta."),
)


# The catalogue of e-services (issue 3): its folders live in "Dla mieszkańców"; the other audiences get a link
# to the catalogue filtered for them.
CATALOGUE_FOLDERS = (
    {
        "id": "uslugi",
        "title": "Katalog e-usług",
        "description": "Karty usług: co załatwisz w urzędzie i jednostkach miasta, jakie dokumenty są potrzebne, "
        "ile to kosztuje i gdzie to zrobić — także przez internet.",
        "type": "Service",
        "add_permission": "ezabrze.policy: Add Service",
        "marker": IServiceCatalogue,
        "layout": "katalog-uslug",
    },
    {
        "id": "jednostki",
        "title": "Urząd i jednostki organizacyjne",
        "description": "Wydziały Urzędu Miejskiego i miejskie jednostki organizacyjne: adresy, godziny otwarcia, "
        "kontakt i skrytki ePUAP.",
        "type": "OrganizationalUnit",
        "add_permission": "ezabrze.policy: Add OrganizationalUnit",
        "marker": IUnitDirectory,
        "layout": None,
    },
)

CATALOGUE_LINKS = (
    ("dla-biznesu", "e-uslugi", "E-usługi dla biznesu", "Usługi z katalogu e-usług przeznaczone dla przedsiębiorców.",
     "businesses"),
    ("organizacje-pozarzadowe", "e-uslugi", "E-usługi dla organizacji pozarządowych",
     "Usługi z katalogu e-usług przeznaczone dla organizacji pozarządowych.", "ngos"),
)

# Who may add services and units inside the catalogue folders (site-wide only the administrators may).
CATALOGUE_EDITOR_ROLES = ["Contributor", "Editor", "Owner"]


def create_groups():
    ensure_group(
        STAFF_GROUP,
        title="Pracownicy",
        description="Pracownicy Urzędu Miejskiego i jednostek organizacyjnych (dostęp do intranetu).",
    )


def create_structure(portal):
    for position, section in enumerate(SECTIONS):
        folder = ensure(portal, "Folder", section["id"], section["title"], section["description"])
        if section.get("private"):
            api.group.grant_roles(groupname=STAFF_GROUP, roles=["Reader"], obj=folder)
            folder.reindexObjectSecurity()
        else:
            publish(folder)
        portal.moveObjectToPosition(section["id"], position)

    statement = ensure(
        portal,
        "Document",
        accessibility.ID,
        accessibility.TITLE,
        accessibility.DESCRIPTION,
        text=rich_text(accessibility.TEXT),
        exclude_from_nav=True,
    )
    publish(statement)

    strategy = portal["strategia-e-zabrze"]
    page = ensure(
        strategy,
        "Document",
        "o-strategii",
        "Strategia e-Zabrze",
        SECTIONS[4]["description"],
        text=page_text("o-strategii"),
        exclude_from_nav=True,
    )
    publish(page)
    strategy.setDefaultPage("o-strategii")
    for id_, title, description in GOALS:
        publish(ensure(strategy, "Document", id_, title, description, text=page_text(id_)))
    create_catalogue(portal)
    create_cases(portal)
    # Issue 4: district councils, intranet (placeful workflow, staff directory), BIP metadata behavior
    publishing.setup(portal)


def create_catalogue(portal):
    """The folders of the catalogue of e-services and the links to it from the other audiences' sections."""
    residents = portal["dla-mieszkancow"]
    for spec in CATALOGUE_FOLDERS:
        folder = ensure(residents, "Folder", spec["id"], spec["title"], spec["description"])
        if not spec["marker"].providedBy(folder):
            alsoProvides(folder, spec["marker"])
            folder.reindexObject(idxs=["object_provides"])
        constraints = ISelectableConstrainTypes(folder)
        if constraints.getConstrainTypesMode() != ENABLED or list(
            getattr(folder, "locally_allowed_types", ())
        ) != [spec["type"]]:
            constraints.setConstrainTypesMode(ENABLED)
            constraints.setLocallyAllowedTypes([spec["type"]])
            constraints.setImmediatelyAddableTypes([spec["type"]])
        folder.manage_permission(spec["add_permission"], roles=CATALOGUE_EDITOR_ROLES, acquire=True)
        # Editors keep the cards up to date; "Add portal content" lets them use the add form here.
        folder.manage_permission("Add portal content", roles=["Editor"], acquire=True)
        if spec["layout"]:
            folder.setLayout(spec["layout"])
        publish(folder)

    for section, id_, title, description, audience in CATALOGUE_LINKS:
        link = ensure(
            portal[section],
            "Link",
            id_,
            title,
            description,
            remoteUrl=f"${{portal_url}}/dla-mieszkancow/uslugi?audience={audience}",
        )
        publish(link)


def create_cases(portal):
    """Issue 5: /sprawy (cases, private) and the citizen forms in /dla-mieszkancow/formularze."""
    from ezabrze.policy.cases import setup

    setup.install(portal)
