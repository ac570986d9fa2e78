"""Set-up of the e-services catalogue (default profile): its folders in /dla-mieszkancow and the links to it."""

from ezabrze.policy.catalogue.interfaces import IServiceCatalogue
from ezabrze.policy.catalogue.interfaces import IUnitDirectory
from ezabrze.policy.utils import ensure
from ezabrze.policy.utils import publish
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from zope.interface import alsoProvides


# The catalogue of e-services : its folders live in "Dla mieszkańców"; the other audiences get a link
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
