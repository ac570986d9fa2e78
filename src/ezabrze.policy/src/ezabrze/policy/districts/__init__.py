"""District councils (Rady Dzielnic, issue 4): the councils' folders, their editors' groups and local roles.

``create_councils(portal)`` is called by ezabrze.policy.structure (default profile), idempotently:

- /rady-dzielnic gets the marker ``ICouncilsSection`` and the city-wide notice board as its view;
- one ``DistrictCouncil`` folder per district, published (one_state_workflow);
- one group per council, "Redaktorzy Rady Dzielnicy X" (id ``rada-dzielnicy-<id>``), with the local role
  ``CouncilEditor`` on its own council only. That role may add notices (and their attachments) there, edit them
  and take them through the editorial workflow (publish, retract, archive, send back); the role exists nowhere
  else, so a council editor cannot touch another council or anything else on the site.
"""

from ezabrze.policy.content.notice import IDistrictCouncil
from ezabrze.policy.utils import ensure_group
from plone import api
from plone.dexterity.utils import createContentInContainer
from zope.interface import alsoProvides
from zope.interface import Interface

import logging


logger = logging.getLogger("ezabrze.policy")

SECTION_ID = "rady-dzielnic"
COUNCIL_EDITOR_ROLE = "CouncilEditor"
GROUP_PREFIX = "rada-dzielnicy-"

# (id, district name, seat of the council)
DISTRICTS = (
    ("biskupice", "Biskupice", "ul. Bytomska 1, 41-800 Zabrze (Szkoła Podstawowa nr 36)"),
    ("centrum-poludnie", "Centrum Południe", "ul. Powstańców Śląskich 5-7, 41-800 Zabrze"),
    ("centrum-polnoc", "Centrum Północ", "ul. Wolności 286, 41-800 Zabrze"),
    ("grzybowice", "Grzybowice", "ul. Zamojskiego 1, 41-808 Zabrze"),
    ("helenka", "Helenka", "ul. Bolesława Chrobrego 1, 41-806 Zabrze"),
    ("konczyce", "Kończyce", "ul. Gen. de Gaulle'a 100, 41-800 Zabrze"),
    ("maciejow", "Maciejów", "ul. Wyzwolenia 39, 41-800 Zabrze"),
    ("makoszowy", "Makoszowy", "ul. Makoszowska 74, 41-800 Zabrze"),
    ("mikulczyce", "Mikulczyce", "ul. Tarnopolska 60, 41-806 Zabrze"),
    ("pawlow", "Pawłów", "ul. Pawłowska 35, 41-800 Zabrze"),
    ("rokitnica", "Rokitnica", "ul. Weteranów 35, 41-808 Zabrze"),
    ("zaborze", "Zaborze", "ul. Ks. Józefa Dworskiego 1, 41-800 Zabrze"),
)

# Granted to the council's editors on their council's folder (acquired by the notices and attachments in it).
COUNCIL_PERMISSIONS = (
    "Add portal content",
    "ezabrze.policy: Add Notice",
    "plone.app.contenttypes: Add File",
    "plone.app.contenttypes: Add Image",
    "Request review",
    "Review portal content",
    "Delete objects",
    "List folder contents",
)


class ICouncilsSection(Interface):
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


def create_councils(portal):
    section = portal.get(SECTION_ID)
    if section is None:
        return
    if not ICouncilsSection.providedBy(section):
        alsoProvides(section, ICouncilsSection)
        section.reindexObject(idxs=["object_provides"])
    section.setLayout("notice-board")
    for position, (id_, district, seat) in enumerate(DISTRICTS):
        council = section.get(id_)
        if council is None:
            council = createContentInContainer(
                section,
                "DistrictCouncil",
                id=id_,
                title=council_title(district),
                description=f"Ogłoszenia, posiedzenia i uchwały Rady Dzielnicy {district}.",
                district=district,
                seat=seat,
                checkConstraints=False,
            )
            logger.info("Created %s", "/".join(council.getPhysicalPath()))
        section.moveObjectToPosition(id_, position)
        _ensure_editors(council, id_, district)


def _ensure_editors(council, id_, district):
    gid = group_id(id_)
    ensure_group(
        gid,
        title=f"Redaktorzy Rady Dzielnicy {district}",
        description=f"Dodają, redagują i publikują ogłoszenia Rady Dzielnicy {district}.",
    )
    roles = set(council.get_local_roles_for_userid(gid))
    if COUNCIL_EDITOR_ROLE not in roles:
        council.manage_setLocalRoles(gid, sorted(roles | {COUNCIL_EDITOR_ROLE}))
    for permission in COUNCIL_PERMISSIONS:
        current = {r["name"] for r in council.rolesOfPermission(permission) if r["selected"]}
        acquire = bool(council.acquiredRolesAreUsedBy(permission))
        if COUNCIL_EDITOR_ROLE not in current or not acquire:
            council.manage_permission(permission, roles=sorted(current | {COUNCIL_EDITOR_ROLE}), acquire=True)
    council.reindexObjectSecurity()


def council_of(obj):
    """The DistrictCouncil that contains ``obj`` (or is it), else None."""
    for item in obj.aq_chain:
        if IDistrictCouncil.providedBy(item):
            return item
    return None
