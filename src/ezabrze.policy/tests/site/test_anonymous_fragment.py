"""utils.anonymous_fragment: what is kept for anonymous visitors, for whom, and what makes a new entry."""

from ezabrze.policy import utils
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME
from zope.interface import alsoProvides
from zope.interface import Interface

import pytest
import transaction


class IOtherLayer(Interface):
    """A browser layer some requests have and others do not."""


@pytest.fixture
def anonymous(integration):
    portal = integration["portal"]
    request = integration["request"]
    utils.clear_anonymous_fragments()
    request.other.pop("_ezabrze_fragment_key", None)
    request["ACTUAL_URL"] = portal.absolute_url() + "/strona"
    request["LANGUAGE"] = "pl"
    request["REQUEST_METHOD"] = "GET"
    logout()
    yield portal, request
    utils.clear_anonymous_fragments()


class Renders:
    """A render function that counts its calls and returns a new value each time."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"<p>render {self.calls}</p>"


def fresh(request):
    """A new request in the same state: the per-request key is computed again."""
    request.other.pop("_ezabrze_fragment_key", None)


def test_anonymous_gets_the_kept_fragment(anonymous):
    portal, request = anonymous
    render = Renders()
    assert utils.anonymous_fragment(request, portal, "part", render) == "<p>render 1</p>"
    fresh(request)
    assert utils.anonymous_fragment(request, portal, "part", render) == "<p>render 1</p>"
    assert render.calls == 1


def test_names_are_separate_entries(anonymous):
    portal, request = anonymous
    render = Renders()
    utils.anonymous_fragment(request, portal, "one", render)
    utils.anonymous_fragment(request, portal, "two", render)
    assert render.calls == 2


def test_logged_in_users_never_get_it(anonymous):
    portal, request = anonymous
    render = Renders()
    utils.anonymous_fragment(request, portal, "part", render)
    login(portal.__parent__, SITE_OWNER_NAME)
    fresh(request)
    assert utils.anonymous_fragment(request, portal, "part", render) == "<p>render 2</p>"
    assert utils.anonymous_fragment(request, portal, "part", render) == "<p>render 3</p>"
    assert len(utils._fragments) == 1  # and what they saw was not kept


def test_post_is_never_cached(anonymous):
    portal, request = anonymous
    render = Renders()
    request["REQUEST_METHOD"] = "POST"
    utils.anonymous_fragment(request, portal, "part", render)
    utils.anonymous_fragment(request, portal, "part", render)
    assert render.calls == 2


@pytest.mark.parametrize(
    "change",
    [
        lambda request: request.set("LANGUAGE", "en"),
        lambda request: request.set("ACTUAL_URL", request["ACTUAL_URL"] + "/inna"),
        lambda request: request.set("QUERY_STRING", "audience=ngos"),
        lambda request: alsoProvides(request, IOtherLayer),
    ],
    ids=["language", "url", "query", "browser-layer"],
)
def test_what_makes_a_new_entry(anonymous, change):
    portal, request = anonymous
    render = Renders()
    utils.anonymous_fragment(request, portal, "part", render)
    change(request)
    fresh(request)
    assert utils.anonymous_fragment(request, portal, "part", render) == "<p>render 2</p>"


def test_catalog_change_makes_a_new_entry(anonymous):
    portal, request = anonymous
    render = Renders()
    utils.anonymous_fragment(request, portal, "part", render)
    portal.portal_catalog._increment_counter()
    fresh(request)
    assert utils.anonymous_fragment(request, portal, "part", render) == "<p>render 2</p>"


def test_a_new_minute_makes_a_new_entry(anonymous, monkeypatch):
    portal, request = anonymous
    render = Renders()
    now = 1_800_000_000.0
    monkeypatch.setattr(utils.time, "time", lambda: now)
    utils.anonymous_fragment(request, portal, "part", render)
    now += 60
    fresh(request)
    assert utils.anonymous_fragment(request, portal, "part", render) == "<p>render 2</p>"


def test_unsaved_changes_bypass_the_cache(anonymous):
    portal, request = anonymous
    render = Renders()
    utils.anonymous_fragment(request, portal, "part", render)
    portal.title = "Zmieniony tytuł"  # registered with the connection, not committed
    fresh(request)
    assert utils.anonymous_fragment(request, portal, "part", render) == "<p>render 2</p>"
    assert utils.anonymous_fragment(request, portal, "part", render) == "<p>render 3</p>"


def test_the_cache_is_bounded(anonymous, monkeypatch):
    portal, request = anonymous
    monkeypatch.setattr(utils, "FRAGMENT_CACHE_SIZE", 5)
    render = Renders()
    for i in range(12):
        utils.anonymous_fragment(request, portal, f"part-{i}", render)
    assert len(utils._fragments) == 5
    assert [key[0] for key in utils._fragments] == [f"part-{i}" for i in range(7, 12)]
    utils.anonymous_fragment(request, portal, "part-0", render)  # evicted first: rendered again
    assert render.calls == 13


def test_committed_change_makes_a_new_entry(functional):
    portal = functional["portal"]
    request = functional["request"]
    utils.clear_anonymous_fragments()
    request["REQUEST_METHOD"] = "GET"
    request["ACTUAL_URL"] = portal.absolute_url()
    login(portal.__parent__, SITE_OWNER_NAME)
    page = api.content.create(container=portal, type="Document", id="strona", title="Strona")
    transaction.commit()
    logout()
    render = Renders()
    fresh(request)
    utils.anonymous_fragment(request, page, "part", render)
    fresh(request)
    utils.anonymous_fragment(request, page, "part", render)
    assert render.calls == 1
    login(portal.__parent__, SITE_OWNER_NAME)
    page.description = "Zmiana poza katalogiem"  # no reindex: only the transaction tells
    transaction.commit()
    logout()
    fresh(request)
    assert utils.anonymous_fragment(request, page, "part", render) == "<p>render 2</p>"
    utils.clear_anonymous_fragments()
