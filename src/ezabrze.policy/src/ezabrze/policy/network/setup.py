"""Set-up of the network registry: the folder /strategia-e-zabrze/siec, published, with the local role
``NetworkStaff`` for the group of the city's staff (they see the staff-only nodes and fields, report faults)."""

from ezabrze.policy.network import REGISTRY_ID
from ezabrze.policy.network import STAFF_ROLE
from ezabrze.policy.strategy import SECTION_ID
from plone.dexterity.utils import createContentInContainer

import logging


logger = logging.getLogger("ezabrze.policy")

STAFF_GROUP = "pracownicy"


def create_registry(portal):
    section = portal.get(SECTION_ID)
    if section is None:
        return None
    registry = section.get(REGISTRY_ID)
    if registry is None:
        registry = createContentInContainer(
            section,
            "NetworkRegistry",
            id=REGISTRY_ID,
            title="Sieć miejska",
            description=(
                "Zabrzańska Szerokopasmowa Sieć Światłowodowa i sieć WiMax: infokioski, kamery monitoringu, "
                "hotspoty i punkty dostępowe na mapie miasta."
            ),
            checkConstraints=False,
        )
        logger.info("Created %s", "/".join(registry.getPhysicalPath()))
    roles = set(registry.get_local_roles_for_userid(STAFF_GROUP))
    if STAFF_ROLE not in roles:
        registry.manage_setLocalRoles(STAFF_GROUP, sorted(roles | {STAFF_ROLE}))
        registry.reindexObjectSecurity()
    return registry
