"""Set-up of the network registry: the folder /strategia-e-zabrze/siec, published, with the local role
``NetworkStaff`` for the group of the city's staff (they see the staff-only nodes and fields, report faults)."""

from datetime import date
from ezabrze.policy.network import REGISTRY_ID
from ezabrze.policy.network import STAFF_ROLE
from ezabrze.policy.strategy import FIRST_STRATEGY_ID
from ezabrze.policy.strategy import SECTION_ID
from pathlib import Path
from plone import api
from plone.dexterity.utils import createContentInContainer
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import json
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


# ------------------------------------------------------------------ demo data

DEMO_DATA = Path(__file__).parent / "demo_data.json"


def _project(portal, project_id):
    """The first strategy's project that built a node (the fibre and WiMax projects of the 2009 programme)."""
    strategy = portal.get(SECTION_ID, {}).get(FIRST_STRATEGY_ID)
    project = strategy.get(project_id) if strategy is not None else None
    if project is None:
        return None
    return RelationValue(getUtility(IIntIds).getId(project))


def _unit(portal, unit_id):
    """The demo unit (units.json of the demo loader) that owns a node: the network's operator (Miejski Zarząd
    Dróg i Infrastruktury Informatycznej), the city guard for the cameras, a connected unit for its own site."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="OrganizationalUnit", id=unit_id)
    if not brains:
        return None
    return RelationValue(getUtility(IIntIds).getId(brains[0]._unrestrictedGetObject()))


def load_demo(portal):
    """The registry as the city reported it (demo_data.json, each node with its owning demo unit): 17 kiosks, 16 + 8 cameras, 5 hotspots, 42 more
    WiMax access points, 178 connected sites (216 fibre connections in all), fibre segments of 100 km.
    Kiosks, cameras, hotspots and access points are public; sites and segments stay staff-only. Idempotent."""
    registry = create_registry(portal)
    if registry is None:
        return 0
    data = json.loads(DEMO_DATA.read_text(encoding="utf-8"))
    count = 0
    for item in data["nodes"]:
        if item["id"] in registry.objectIds():
            continue
        node = createContentInContainer(
            registry,
            "NetworkNode",
            checkConstraints=False,
            id=item["id"],
            title=item["title"],
            node_type=item["node_type"],
            address=item["address"],
            latitude=item["latitude"],
            longitude=item["longitude"],
            district=item["district"],
            medium=item["medium"],
            node_status=item["node_status"],
            status_date=date(2018, 10, 25),
            technical_details=item["technical_details"],
            internal_notes=item["internal_notes"],
            project=_project(portal, item["project"]),
            owner_unit=_unit(portal, item["owner_unit"]),
        )
        if node.may_be_public():
            api.content.transition(node, transition="make_public")
        count += 1
    for item in data["segments"]:
        if item["id"] in registry.objectIds():
            continue
        createContentInContainer(
            registry,
            "FibreSegment",
            checkConstraints=False,
            **{key: value for key, value in item.items() if key != "project"},
            project=_project(portal, item["project"]),
        )
        count += 1
    if count:
        logger.info("Created %d demo items of the network registry", count)
    return count
