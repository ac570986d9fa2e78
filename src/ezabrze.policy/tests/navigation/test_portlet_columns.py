"""The portlet columns kept for anonymous visitors (navigation/portlets.py, utils.anonymous_fragment): a new
portlet shows at once, what an editor sees never reaches anonymous visitors, logged-in users get a fresh
rendering (functional, real HTTP), and Plone's own renderers of @@manage-portlets and the dashboard keep their
place."""

from ezabrze.policy.interfaces import IBrowserLayer
from ezabrze.policy.navigation.portlets import ColumnPortletManagerRenderer as KeptColumnRenderer
from ezabrze.policy.testing import catalogue as ct
from ezabrze.policy.testing.pages import html_page
from ezabrze.policy.testing.pages import html_session as session
from ezabrze.policy.testing.pages import texts
from plone import api
from plone.app.portlets.browser.editmanager import ContextualEditPortletManagerRenderer
from plone.app.portlets.browser.editmanager import DashboardEditPortletManagerRenderer
from plone.app.portlets.manager import ColumnPortletManagerRenderer
from plone.app.portlets.manager import DashboardPortletManagerRenderer
from plone.app.portlets.portlets import search
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from plone.portlets.interfaces import IPortletManagerRenderer
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.interface import alsoProvides

import pytest
import transaction


EDITOR = ("redaktor-kolumny", "Redaktor-haslo-3")
CARD = "/dla-mieszkancow/uslugi/dowod"
NAVIGATION = "//*[@id='portal-column-one']//*[contains(@class, 'portletNavigationTree')]//a"


@pytest.fixture
def content(functional_portal, fresh_fragments):
    portal = functional_portal
    ct.make_user(EDITOR, ["Editor", "Reviewer"])
    office = ct.make_unit(portal, "wso", "Wydział Spraw Obywatelskich")
    ct.make_service(portal, "dowod", "Wydanie dowodu osobistego", office)
    with ct.as_site_owner():  # private: in the navigation of editors only
        api.content.create(container=portal["dla-mieszkancow"], type="Folder", id="robocze",
                           title="Robocze materiały")
    transaction.commit()
    return portal


def page(client, path=CARD):
    return html_page(client, path)


def navigation_titles(client):
    return texts(page(client), NAVIGATION)


def add_left_portlet(portal, name, assignment):
    """``assignment`` added to the left column of the service catalogue, committed by the site owner."""

    def add():
        folder = portal["dla-mieszkancow"]["uslugi"]
        manager = getUtility(IPortletManager, name="plone.leftcolumn")
        getMultiAdapter((folder, manager), IPortletAssignmentMapping)[name] = assignment

    ct.commit_as_owner(add)


def test_the_column_is_kept_and_a_new_portlet_shows_at_once(request_factory, content, monkeypatch):
    made = []
    stock_render = ColumnPortletManagerRenderer.render

    def counted_render(self):
        made.append(self.manager.__name__)
        return stock_render(self)

    monkeypatch.setattr(ColumnPortletManagerRenderer, "render", counted_render)
    anonymous = session(request_factory)
    assert "Wydanie dowodu osobistego" in navigation_titles(anonymous)
    left = made.count("plone.leftcolumn")
    assert left == 1
    assert "Wydanie dowodu osobistego" in navigation_titles(anonymous)
    assert made.count("plone.leftcolumn") == 1  # kept
    assert made.count("plone.footerportlets") == 1  # the footer portlets too

    add_left_portlet(content, "szukaj", search.Assignment())
    tree = page(anonymous)
    assert tree.xpath("//*[@id='portal-column-one']//*[contains(@class, 'portletSearch')]")
    assert made.count("plone.leftcolumn") == 2
    page(session(request_factory, EDITOR))
    page(session(request_factory, EDITOR))
    assert made.count("plone.leftcolumn") == 4  # logged in: made for every rendering


def test_the_column_never_shows_anonymous_what_an_editor_sees(request_factory, content):
    editor = session(request_factory, EDITOR)
    anonymous = session(request_factory)
    for _ in range(2):  # the editor first: what the editor sees is never kept for anonymous
        assert "Robocze materiały" in navigation_titles(editor)
        assert "Robocze materiały" not in navigation_titles(anonymous)


def test_a_column_with_a_portlet_that_reads_the_visitor_is_not_kept(request_factory, content):
    """The login portlet fills in the login name from the visitor's cookie: a column showing it is rendered for
    every request (only the stock portlet types of KEPT_PORTLET_MODULES are kept)."""
    from plone.app.portlets.portlets import login

    add_left_portlet(content, "logowanie", login.Assignment())

    def login_names(client):
        return page(client).xpath("//*[@id='portal-column-one']//input[@name='__ac_name']/@value")

    remembered = session(request_factory)
    remembered.cookies.set("__ac_name", "jan.kowalski")
    assert login_names(remembered) == ["jan.kowalski"]
    assert login_names(session(request_factory)) == [""]
    assert login_names(remembered) == ["jan.kowalski"]


@pytest.mark.parametrize(
    "context_path, view_name, manager_name, expected",
    [
        ("dla-mieszkancow/uslugi", "manage-portlets", "plone.leftcolumn", ContextualEditPortletManagerRenderer),
        ("dla-mieszkancow/uslugi", "manage-portlets", "plone.footerportlets", ContextualEditPortletManagerRenderer),
        ("", "manage-dashboard", "plone.dashboard1", DashboardEditPortletManagerRenderer),
        ("", "dashboard", "plone.dashboard1", DashboardPortletManagerRenderer),
        ("dla-mieszkancow/uslugi", "katalog-uslug", "plone.leftcolumn", KeptColumnRenderer),
        ("dla-mieszkancow/uslugi", "katalog-uslug", "plone.footerportlets", KeptColumnRenderer),
    ],
)
def test_plones_edit_and_dashboard_renderers_keep_their_place(portal, context_path, view_name,
                                                              manager_name, expected):
    """The kept column renderer is registered for this package's layer; Plone's renderers of @@manage-portlets
    and of the dashboard are registered for it as well, so that they still win where they did."""
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    context = portal.unrestrictedTraverse(context_path) if context_path else portal
    view = getMultiAdapter((context, request), name=view_name)
    manager = getUtility(IPortletManager, name=manager_name)
    renderer = getMultiAdapter((context, request, view, manager), IPortletManagerRenderer)
    assert type(renderer) is expected
