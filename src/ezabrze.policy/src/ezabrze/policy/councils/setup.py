"""Set-up of the district councils: the councils' folders, their editors' groups and local roles.

``create_councils(portal)`` is called by ezabrze.policy.structure (default profile), idempotently:

- /rady-dzielnic gets the marker ``ICouncilsSection`` and the city-wide notice board as its view;
- one ``DistrictCouncil`` folder per district, published (one_state_workflow);
- one group per council, "Redaktorzy Rady Dzielnicy X" (id ``rada-dzielnicy-<id>``), with the local role
  ``CouncilEditor`` on its own council only. That role may add notices (and their attachments) there, edit them
  and take them through the editorial workflow (publish, retract, archive, send back); the role exists nowhere
  else, so a council editor cannot touch another council or anything else on the site.
"""

from ezabrze.policy.councils import COUNCIL_EDITOR_ROLE
from ezabrze.policy.councils import COUNCIL_PERMISSIONS
from ezabrze.policy.councils import DISTRICTS
from ezabrze.policy.councils import SECTION_ID
from ezabrze.policy.councils.content import council_title
from ezabrze.policy.councils.content import group_id
from ezabrze.policy.councils.content import ICouncilsSection
from ezabrze.policy.utils import ensure_group
from plone.dexterity.utils import createContentInContainer
from zope.interface import alsoProvides

import logging


logger = logging.getLogger("ezabrze.policy")


def create_councils(portal):
    section = portal.get(SECTION_ID)
    if section is None:
        return
    if not ICouncilsSection.providedBy(section):
        alsoProvides(section, ICouncilsSection)
        section.reindexObject(idxs=["object_provides"])
    section.setLayout("tablica-ogloszen")
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
