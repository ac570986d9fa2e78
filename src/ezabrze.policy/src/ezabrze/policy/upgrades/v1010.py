"""1009 -> 1010: the intranet's placeful workflow policy gets its Polish title.

Site Setup > Workflow policies (Products.CMFPlacefulWorkflow) writes a policy's stored title as it is, without
i18n: the policy profile stored it in English ("e-Zabrze intranet (staff only)"), the only English left on that
panel. The profile now stores the Polish title; this step gives it to existing sites.
"""

from ezabrze.policy.intranet import POLICY_ID
from ezabrze.policy.intranet import POLICY_TITLE
from plone import api

import logging


logger = logging.getLogger("ezabrze.policy.upgrades")


def intranet_policy_title_in_polish(context):
    policy = api.portal.get_tool("portal_placeful_workflow").getWorkflowPolicyById(POLICY_ID)
    if policy is None:
        logger.info("No workflow policy %s: nothing to retitle", POLICY_ID)
        return
    policy.setTitle(POLICY_TITLE)
    logger.info("Workflow policy %s retitled %r", POLICY_ID, POLICY_TITLE)
