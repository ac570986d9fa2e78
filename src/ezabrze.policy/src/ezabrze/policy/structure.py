"""The top-level structure of the portal, created by the default profile (idempotent)."""

from ezabrze.policy import accessibility
from ezabrze.policy.cases import setup as cases_setup
from ezabrze.policy.catalogue import setup as catalogue_setup
from ezabrze.policy.councils import setup as councils_setup
from ezabrze.policy.intranet import setup as intranet_setup
from ezabrze.policy.network import setup as network_setup
from ezabrze.policy.strategy import setup as strategy_setup
from ezabrze.policy.utils import ensure
from ezabrze.policy.utils import ensure_group
from ezabrze.policy.utils import publish
from ezabrze.policy.utils import rich_text
from plone import api

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

    # The features' own set-up (each idempotent). Applying the profile is an administrator's act, whoever calls
    # create_structure.
    catalogue_setup.create_catalogue(portal)
    cases_setup.install(portal)
    with api.env.adopt_roles(["Manager"]):
        councils_setup.create_councils(portal)
        intranet_setup.setup(portal)
        strategy_setup.install(portal)
        network_setup.create_registry(portal)
