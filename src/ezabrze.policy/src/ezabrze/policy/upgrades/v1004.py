"""1003 -> 1004: security fixes (ezabrze.policy.security).

* The case workflow grants "Modify portal content" to nobody: existing cases get the new permission
  settings (the workflow definition itself is re-imported from the profile).
"""

from ezabrze.policy.cases import CASE_TYPE
from plone import api

import logging


logger = logging.getLogger("ezabrze.policy.upgrades")

CASE_WORKFLOW = "ezabrze_case_workflow"


def update_case_permissions(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile("profile-ezabrze.policy:default", "workflow", run_dependencies=False)
    workflow = api.portal.get_tool("portal_workflow")[CASE_WORKFLOW]
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=CASE_TYPE):
        case = brain._unrestrictedGetObject()
        if workflow.updateRoleMappingsFor(case):
            case.reindexObjectSecurity()
        count += 1
    logger.info("Permissions of %d cases updated (nobody edits a case)", count)
