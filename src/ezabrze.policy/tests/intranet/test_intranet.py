"""Intranet isolation: staff only, through every channel; the staff directory."""

from ezabrze.policy import intranet
from ezabrze.policy.testing.councils import create_notice
from ezabrze.policy.testing.councils import rich
from ezabrze.policy.testing.personas import create_personas
from ezabrze.policy.testing.personas import PASSWORD
from plone import api
from plone.app.testing import logout
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent

import feedparser
import gzip
import icalendar
import pytest
import transaction


SECRET = "Poufny regulamin premiowania"


def _intranet_content(portal):
    create_personas()
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(container=portal["intranet"], type="Folder", id="dokumenty",
                                    title="Dokumenty wewnętrzne")
        doc = api.content.create(container=folder, type="Document", id="regulamin", title=SECRET,
                                 text=rich("<p>Tylko dla pracowników.</p>"))
        news = api.content.create(container=portal["intranet"], type="News Item", id="wiesci",
                                  title="Wieści z kadr: " + SECRET)
        api.content.create(container=folder, type="File", id="premie.pdf", title="Premie " + SECRET)
        public = api.content.create(container=portal["aktualnosci"], type="Document", id="jawny",
                                    title="Jawny dokument")
        public.relatedItems = [RelationValue(getUtility(IIntIds).getId(doc))]
        notify(ObjectModifiedEvent(public))
        api.content.transition(public, to_state="published")
    return {"folder": folder, "doc": doc, "news": news, "public": public}


def test_intranet_uses_the_placeful_staff_workflow(portal):
    content = _intranet_content(portal)
    wftool = api.portal.get_tool("portal_workflow")
    assert wftool.getChainFor(content["doc"]) == ("ezabrze_intranet_workflow",)
    assert wftool.getChainFor(content["folder"]) == ("ezabrze_intranet_workflow",)
    assert api.content.get_state(content["doc"]) == "internal"
    assert api.content.get_state(portal["intranet"]) == "private"
    # no state of the intranet workflow is visible to anonymous users or members
    workflow = wftool["ezabrze_intranet_workflow"]
    for state in workflow.states.objectValues():
        roles = state.permission_roles["View"]
        assert "Anonymous" not in roles and "Authenticated" not in roles and "Member" not in roles


@pytest.mark.parametrize("username,visible", [("staff", True), ("resident", False), ("council_a", False),
                                               (None, False)])
def test_who_sees_intranet_content(portal, username, visible):
    content = _intranet_content(portal)

    def check():
        for obj in (content["doc"], content["news"], content["folder"]["premie.pdf"]):
            assert bool(api.user.has_permission("View", obj=obj)) == visible, obj
        assert bool(api.content.find(SearchableText="regulamin premiowania")) == visible

    if username is None:
        logout()
        check()
    else:
        with api.env.adopt_user(username=username):
            check()


def test_staff_do_not_see_private_intranet_drafts(portal):
    content = _intranet_content(portal)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(content["doc"], transition="hide")
    with api.env.adopt_user(username="staff"):
        assert not api.user.has_permission("View", obj=content["doc"])


def test_published_page_moved_into_the_intranet_is_no_longer_public(portal):
    create_personas()
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(container=portal["aktualnosci"], type="Document", id="przenies", title="Do intranetu")
        api.content.transition(page, to_state="published")
        moved = api.content.move(source=page, target=portal["intranet"])
    assert api.content.get_state(moved) == "internal"
    logout()
    assert not api.user.has_permission("View", obj=moved)
    assert not api.content.find(portal_type="Document", id="przenies")
    with api.env.adopt_roles(["Manager"]):
        back = api.content.move(source=moved, target=portal["aktualnosci"])
    assert api.content.get_state(back) == "private"  # out again: a draft, not public by a stale status


def test_boards_and_feeds_never_show_intranet_content(portal):
    _intranet_content(portal)
    create_notice(portal["rady-dzielnic"]["zaborze"], "jawne", "Jawne ogłoszenie", state="published")
    logout()
    section = portal["rady-dzielnic"]
    request = portal.REQUEST
    for name in ("notice-board", "notice-archive", "notices.rss", "meetings.ics"):
        body = api.content.get_view(name, section, request)()
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        assert SECRET not in text and "/intranet" not in text, name


def test_staff_directory_groups_by_unit(portal, http_request):
    directory = portal["intranet"][intranet.DIRECTORY_ID]
    with api.env.adopt_roles(["Manager"]):
        for id_, name, unit in (("jk", "Jan Kowalski", "Wydział Organizacyjny"),
                                ("an", "Anna Nowak", "Wydział Komunikacji"),
                                ("pw", "Piotr Wiśniewski", "Wydział Organizacyjny"),
                                ("bz", "Beata Zielińska", "")):
            api.content.create(container=directory, type="StaffMember", id=id_, title=name, unit_name=unit,
                               position="Inspektor", phone="+48 32 373 33 00")
    create_personas()
    with api.env.adopt_user(username="staff"):
        view = api.content.get_view("staff-directory", directory, http_request)
        groups = [(g["unit"], [m["name"] for m in g["members"]]) for g in view.groups()]
        html = view()
    assert groups == [
        ("Wydział Komunikacji", ["Anna Nowak"]),
        ("Wydział Organizacyjny", ["Jan Kowalski", "Piotr Wiśniewski"]),
        ("", ["Beata Zielińska"]),
    ]
    assert "<caption" in html and 'scope="col"' in html
    logout()
    assert not api.user.has_permission("View", obj=directory)
    assert not api.user.has_permission("View", obj=directory["jk"])


def test_staff_member_addable_only_in_the_directory(portal):
    with api.env.adopt_roles(["Manager"]):
        with pytest.raises((ValueError, api.exc.InvalidParameterError)):
            api.content.create(container=portal["intranet"], type="StaffMember", id="x", title="X")


# --------------------------------------------------------------------------- HTTP and REST


@pytest.fixture
def committed(functional_portal):
    content = _intranet_content(functional_portal)
    api.portal.set_registry_record("plone.enable_sitemap", True)
    transaction.commit()
    return content


def test_rest_search_navigation_breadcrumbs(anon_request, committed):
    response = anon_request.get("/@search", params={"SearchableText": "regulamin"})
    assert response.status_code == 200 and response.json()["items_total"] == 0
    response = anon_request.get("/@search", params={"path": "/plone/intranet"})
    assert response.json()["items_total"] == 0
    navigation = anon_request.get("/@navigation").text
    assert "/intranet" not in navigation
    assert anon_request.get("/intranet/dokumenty/regulamin/@breadcrumbs").status_code == 401
    assert anon_request.get("/intranet/dokumenty/regulamin").status_code == 401
    assert anon_request.get("/intranet/dokumenty/premie.pdf").status_code == 401


def test_rest_relations_do_not_leak(anon_request, committed):
    response = anon_request.get("/aktualnosci/jawny")
    assert response.status_code == 200
    assert response.json()["relatedItems"] == []
    assert SECRET not in response.text and "/intranet" not in response.text
    response = anon_request.get("/@relations", params={"source": committed["public"].UID()})
    assert SECRET not in response.text


def test_rest_staff_see_the_intranet(request_factory, committed):
    session = request_factory(basic_auth=("staff", PASSWORD))
    response = session.get("/@search", params={"SearchableText": "regulamin"})
    assert response.json()["items_total"] >= 1
    assert session.get("/aktualnosci/jawny").json()["relatedItems"][0]["title"] == SECRET


def test_sitemap_and_html_search(request_factory, committed):
    anon = request_factory(api=False)
    anon.headers["Accept"] = "text/html"
    response = anon.get("/sitemap.xml.gz")
    assert response.status_code == 200
    sitemap = gzip.decompress(response.content).decode("utf-8")
    if "<sitemapindex" in sitemap:  # Plone 6.2 serves an index of pages
        response = anon.get("/sitemap.xml.gz", params={"page": 1})
        sitemap = gzip.decompress(response.content).decode("utf-8")
    assert "/aktualnosci/jawny" in sitemap and "/intranet" not in sitemap
    search = anon.get("/@@search", params={"SearchableText": "regulamin"})
    assert SECRET not in search.text
    page = anon.get("/aktualnosci/jawny")
    assert SECRET not in page.text


def test_http_feeds(request_factory, committed):
    anon = request_factory(api=False)
    anon.headers["Accept"] = "text/html"
    rss = anon.get("/rady-dzielnic/notices.rss")
    assert rss.status_code == 200 and not feedparser.parse(rss.content).bozo
    assert SECRET not in rss.text
    ics = anon.get("/rady-dzielnic/meetings.ics")
    assert ics.status_code == 200
    icalendar.Calendar.from_ical(ics.content)
    assert SECRET not in ics.text
