from ezabrze.theme.interfaces import IBrowserLayer
from ezabrze.theme.testing import FUNCTIONAL_TESTING
from ezabrze.theme.testing import INTEGRATION_TESTING
from plone.app.layout.interfaces import IPloneAppLayoutLayer
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from pytest_plone import fixtures_factory
from zope.interface import alsoProvides

import lxml.html
import pytest
import requests


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture
def layer_request(http_request):
    """The integration request with the browser layers that traversal would have applied."""
    alsoProvides(http_request, IBrowserLayer, IPloneAppLayoutLayer)
    return http_request


class Browser:
    """Plain HTTP against the functional layer's WSGI server; pages parsed with lxml."""

    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Accept"] = "text/html"

    def url(self, path=""):
        if path.startswith("http"):
            return path
        return f"{self.base_url}/{path.lstrip('/')}" if path else self.base_url

    def login(self, username=SITE_OWNER_NAME, password=SITE_OWNER_PASSWORD):
        self.session.auth = (username, password)
        return self

    def get(self, path="", **kwargs):
        return self.session.get(self.url(path), timeout=60, **kwargs)

    def post(self, path="", **kwargs):
        return self.session.post(self.url(path), timeout=60, **kwargs)

    def page(self, path=""):
        response = self.get(path)
        assert response.status_code == 200, (response.status_code, response.url)
        return lxml.html.fromstring(response.content)


@pytest.fixture
def browser(functional_portal):
    browser = Browser(functional_portal.absolute_url())
    yield browser
    browser.session.close()


@pytest.fixture
def manager(portal):
    """The integration test user is a Manager (to create and publish content)."""
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


@pytest.fixture
def functional_manager(functional_portal):
    """The functional test user is a Manager (to create and publish content)."""
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    return functional_portal
