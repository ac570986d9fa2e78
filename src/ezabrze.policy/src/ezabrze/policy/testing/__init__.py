from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import ezabrze.policy


class Layer(PloneSandboxLayer):
    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=ezabrze.policy)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "ezabrze.policy:default")


FIXTURE = Layer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="ezabrze.policy:Integration",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="ezabrze.policy:Functional",
)


class StrategyLayer(PloneSandboxLayer):
    """The site with the strategy portfolio's and the network registry's demo data (loaded once per session)."""

    defaultBases = (FIXTURE,)

    def setUpPloneSite(self, portal):
        from ezabrze.policy.network import setup as network_setup
        from ezabrze.policy.strategy import setup as strategy_setup
        from plone import api

        with api.env.adopt_roles(["Manager"]):
            strategy_setup.load_demo(portal)
            network_setup.load_demo(portal)


STRATEGY_FIXTURE = StrategyLayer()

STRATEGY_INTEGRATION_TESTING = IntegrationTesting(
    bases=(STRATEGY_FIXTURE,),
    name="ezabrze.policy:StrategyIntegration",
)

STRATEGY_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(STRATEGY_FIXTURE, WSGI_SERVER_FIXTURE),
    name="ezabrze.policy:StrategyFunctional",
)
