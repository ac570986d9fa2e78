"""1003 -> 1004: the small grant offer carries the BIP metadata (art. 19a ust. 3: the offer is published in BIP):
the behavior ezabrze.policy.bip is added to the type SmallGrant, keeping its other behaviors. Offers published
before keep their publication in the workflow history, which the metryczka reads when it has no record."""

from ezabrze.ngo.smallgrants import SMALL_GRANT_TYPE
from ezabrze.policy.bip.behavior import BEHAVIOR
from plone import api

import logging


logger = logging.getLogger("ezabrze.ngo.upgrades")


def small_grant_bip(context):
    fti = api.portal.get_tool("portal_types").get(SMALL_GRANT_TYPE)
    if fti is None:
        return
    behaviors = list(fti.behaviors)
    if BEHAVIOR not in behaviors:
        fti.manage_changeProperties(behaviors=(*behaviors, BEHAVIOR))
        logger.info("%s: behavior %s added", SMALL_GRANT_TYPE, BEHAVIOR)
