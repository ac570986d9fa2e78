"""1000 -> 1001: representatives edit their organization; limits of the remark and proposal forms.

- The role OrganizationRepresentative (computed for the verified representatives of a verified organization)
  and "Modify portal content" for it in the organization workflow's state verified; the permissions of the
  existing organizations are recomputed.
- Settings of the limits of the remark and proposal forms (registry ``ezabrze.ngo.consultations``).
"""

from plone import api

import logging


logger = logging.getLogger("ezabrze.ngo.upgrades")

PROFILE = "profile-ezabrze.ngo:default"
ORGANIZATION_WORKFLOW = "ezabrze_ngo_organization_workflow"


def representatives_edit(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("rolemap", "workflow"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    wf_tool = api.portal.get_tool("portal_workflow")
    workflow = wf_tool.getWorkflowById(ORGANIZATION_WORKFLOW)
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Organization"):
        org = brain._unrestrictedGetObject()
        if workflow.updateRoleMappingsFor(org):
            org.reindexObjectSecurity()
            count += 1
    logger.info("Organizations: representatives may edit the public fields (%d organizations updated)", count)


def form_limits(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    logger.info("Limits of the remark and proposal forms added to the consultation settings")
