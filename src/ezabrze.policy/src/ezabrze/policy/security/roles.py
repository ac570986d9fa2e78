"""The portal's own roles (profiles/default/rolemap.xml) in acl_users' role manager, with titles.

rolemap.xml makes CouncilEditor, CaseHandler and NetworkStaff roles of the site, but not of the PAS role
manager (acl_users/portal_role_manager) that Plone's Users and Groups pages use to list and assign roles.
PlonePAS adds a missing role lazily, without a title, the first time a page lists the roles: the users or
groups overview then writes to the database on a GET, which plone.protect answers with its "confirm this
action" page instead of the overview. Registering the roles at install (and by upgrade 1009) avoids both.
The pages show the role ids translated in the plone domain (pl/LC_MESSAGES/plone.po).
"""

from plone import api


ROLES = {
    "CouncilEditor": ("District council editor", "Edits the pages of one district council (local role)."),
    "CaseHandler": ("Case handler", "Handles the cases routed to one unit (local role of the unit's group)."),
    "NetworkStaff": ("City network staff", "Sees the staff-only nodes of the city network registry (local role)."),
}


def register_roles(portal=None):
    """Add the roles to portal_role_manager, or give them their title and description (idempotent)."""
    portal = portal or api.portal.get()
    manager = portal.acl_users.portal_role_manager
    for role_id, (title, description) in ROLES.items():
        if role_id in manager._roles:  # not listRoleIds(): it would add the missing roles without a title
            manager.updateRole(role_id, title, description)
        else:
            manager.addRole(role_id, title, description)
