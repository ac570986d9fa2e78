"""The site creation used by `make start` (scripts/create_site.py)."""

from Acquisition import aq_base
from ezabrze.policy.site import ensure_site
from plone import api
from zope.component.hooks import getSite
from zope.component.hooks import setSite

import pytest


@pytest.fixture
def new_site(app, portal):
    previous = getSite()
    site, created = ensure_site(app, "zabrze-test", demo=True)
    setSite(site)
    yield site, created
    setSite(previous)


def test_creates_a_polish_site_with_the_policy(new_site):
    site, created = new_site
    assert created is True
    assert site.title == "Miasto Zabrze"
    assert api.portal.get_registry_record("plone.default_language") == "pl"
    installer = api.content.get_view("installer", site, site.REQUEST)
    assert installer.is_product_installed("ezabrze.policy")
    assert installer.is_product_installed("plone.app.layout")
    assert "dla-mieszkancow" in site.objectIds()


def test_demo_content_is_published(new_site):
    site, _ = new_site
    news = site["aktualnosci"]
    assert len(news.objectIds()) >= 3
    for item in news.objectValues():
        assert api.content.get_state(item) == "published"


def test_second_run_keeps_the_existing_site(app, new_site):
    site, _ = new_site
    with api.env.adopt_roles(["Manager"]):
        api.content.create(site["aktualnosci"], "News Item", id="dodane-recznie", title="Dodane ręcznie")
    again, created = ensure_site(app, "zabrze-test", demo=True)
    assert created is False
    assert aq_base(again) is aq_base(site)
    assert "dodane-recznie" in again["aktualnosci"]


def test_demo_profile_is_idempotent(new_site):
    site, _ = new_site
    count = len(site["aktualnosci"].objectIds())
    api.portal.get_tool("portal_setup").runAllImportStepsFromProfile("profile-ezabrze.policy:demo")
    assert len(site["aktualnosci"].objectIds()) == count
