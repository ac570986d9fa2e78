"""1008 -> 1009: the portal's own roles registered in acl_users' role manager.

CouncilEditor, CaseHandler and NetworkStaff (rolemap.xml) were roles of the site but not of
acl_users/portal_role_manager: the Users and Groups overviews added them lazily, without a title, on a GET,
which plone.protect answered with its "confirm this action" page (see ezabrze.policy.security.roles).
"""

from ezabrze.policy.security.roles import register_roles

import logging


logger = logging.getLogger("ezabrze.policy.upgrades")


def own_roles_in_role_manager(context):
    register_roles()
    logger.info("Own roles registered in portal_role_manager with their titles")
