from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import ezabrze.theme


class Layer(PloneSandboxLayer):
    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=ezabrze.theme)

    def setUpPloneSite(self, portal):
        from plone import api

        # Like the portal (ezabrze.policy): Polish is the language of the UI.
        api.portal.set_registry_record("plone.available_languages", ["pl", "en"])
        api.portal.set_registry_record("plone.default_language", "pl")
        applyProfile(portal, "ezabrze.theme:default")


FIXTURE = Layer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="ezabrze.theme:Integration",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="ezabrze.theme:Functional",
)
