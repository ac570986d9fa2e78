"""1002 -> 1005: the strategy portfolio and the city network registry.

New types (Strategy, StrategicGoal, StrategyProject, NetworkRegistry, NetworkNode, FibreSegment), the network
workflow, catalog indexes ``strategy_*`` / ``network_*``, permissions and the role NetworkStaff; the two
strategies with their goals and the registry folder are created, and the six static pages of
/strategia-e-zabrze are replaced by the live portfolio with redirects from their old addresses.
"""

from ezabrze.policy.network import setup as network_setup
from ezabrze.policy.strategy import setup as strategy_setup
from plone import api

import logging


logger = logging.getLogger("ezabrze.policy.upgrades")

PROFILE = "profile-ezabrze.policy:default"


def install_strategy_and_network(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("typeinfo", "rolemap", "workflow", "catalog", "repositorytool"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        strategy_setup.install(portal)
        network_setup.create_registry(portal)
    logger.info("Strategy portfolio and network registry installed; static strategy pages redirected")
