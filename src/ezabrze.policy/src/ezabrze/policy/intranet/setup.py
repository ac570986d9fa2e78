"""Set-up of the intranet (default profile): the placeful workflow policy below /intranet, the staff directory."""

from ezabrze.policy.intranet import DIRECTORY_ID
from ezabrze.policy.intranet import POLICY_ID
from ezabrze.policy.intranet.content import intranet_folder
from ezabrze.policy.intranet.workflow import reset_workflow
from ezabrze.policy.intranet.workflow import subtree
from plone import api
from plone.dexterity.utils import createContentInContainer

import logging


logger = logging.getLogger("ezabrze.policy")


def setup(portal):
    intranet = intranet_folder(portal)
    if intranet is None:
        return
    placeful = api.portal.get_tool("portal_placeful_workflow") if "portal_placeful_workflow" in portal else None
    if placeful is None:
        logger.warning("portal_placeful_workflow is missing: the intranet keeps the global workflows")
    else:
        config = placeful.getWorkflowPolicyConfig(intranet)
        if config is None:
            intranet.manage_addProduct["CMFPlacefulWorkflow"].manage_addWorkflowPolicyConfig()
            config = placeful.getWorkflowPolicyConfig(intranet)
        if config.getPolicyBelowId() != POLICY_ID:
            config.setPolicyBelow(POLICY_ID, update_security=True)
            for obj in subtree(intranet):
                reset_workflow(obj)
    directory = intranet.get(DIRECTORY_ID)
    if directory is None:
        directory = createContentInContainer(
            intranet,
            "StaffDirectory",
            id=DIRECTORY_ID,
            title="Katalog pracowników",
            description="Pracownicy urzędu i jednostek według komórek organizacyjnych.",
            checkConstraints=False,
        )
        logger.info("Created %s", "/".join(directory.getPhysicalPath()))
    if api.content.get_state(directory, default=None) == "private":
        api.content.transition(directory, transition="publish_internally")
