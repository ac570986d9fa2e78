"""Plone's breadcrumbs, next/previous and feed-link viewlets kept for anonymous visitors
(navigation/viewlets.py, utils.anonymous_fragment): a change shows at once, what an editor sees never reaches
anonymous visitors, logged-in users always get a fresh rendering (functional, real HTTP)."""

from ezabrze.policy.testing import catalogue as ct
from ezabrze.policy.testing.pages import html_page
from ezabrze.policy.testing.pages import html_session
from ezabrze.policy.testing.pages import texts
from plone import api
from plone.app.layout.viewlets.common import PathBarViewlet

import pytest
import transaction


EDITOR = ("redaktor-nawigacja", "Redaktor-haslo-2")
STEP = "/przewodnik/krok-1"


@pytest.fixture
def guide(functional_portal, fresh_fragments):
    """A published folder with next/previous navigation and three pages, the middle one private."""
    portal = functional_portal
    ct.make_user(EDITOR, ["Editor", "Reviewer"])
    with ct.as_site_owner():
        folder = api.content.create(container=portal, type="Folder", id="przewodnik", title="Przewodnik mieszkańca")
        folder.nextPreviousEnabled = True
        api.content.transition(folder, to_state="published")
        for number, publish in ((1, True), (2, False), (3, True)):
            page = api.content.create(container=folder, type="Document", id=f"krok-{number}", title=f"Krok {number}")
            if publish:
                api.content.transition(page, to_state="published")
    transaction.commit()
    return folder


@pytest.fixture
def anonymous(request_factory):
    return html_session(request_factory)


@pytest.fixture
def editor(request_factory):
    return html_session(request_factory, EDITOR)


def page(session, path=STEP):
    return html_page(session, path)


def breadcrumbs(session):
    return texts(page(session), "//*[@id='portal-breadcrumbs']//li")


def next_link(session):
    tree = page(session)
    below = [a.get("href").rsplit("/", 1)[-1] for a in tree.xpath("//*[@id='section-next-prev']//a[contains(@class, 'next')]")]
    head = [link.get("href").rsplit("/", 1)[-1] for link in tree.xpath("//head/link[@rel='next']")]
    return below, head


def test_the_breadcrumbs_are_kept_and_follow_a_renamed_folder_at_once(anonymous, editor, guide, monkeypatch):
    made = []
    stock_update = PathBarViewlet.update

    def counted_update(self):
        made.append(self.context.getId())
        stock_update(self)

    monkeypatch.setattr(PathBarViewlet, "update", counted_update)
    assert "Przewodnik mieszkańca" in breadcrumbs(anonymous)
    assert "Przewodnik mieszkańca" in breadcrumbs(anonymous)
    assert made == ["krok-1"]  # made once, then kept

    def rename():
        guide.title = "Przewodnik dla mieszkańców"  # not reindexed: only the commit tells

    ct.commit_as_owner(rename)
    assert "Przewodnik dla mieszkańców" in breadcrumbs(anonymous)
    assert made == ["krok-1", "krok-1"]
    breadcrumbs(editor)
    breadcrumbs(editor)
    assert made == ["krok-1"] * 4  # logged in: made for every rendering


def test_next_previous_never_shows_anonymous_what_an_editor_sees(anonymous, editor, guide):
    assert next_link(editor) == (["krok-2"], ["krok-2"])  # the editor first: the private page is next for them
    assert next_link(anonymous) == (["krok-3"], ["krok-3"])
    assert next_link(editor) == (["krok-2"], ["krok-2"])  # never served what was kept for anonymous
    assert next_link(anonymous) == (["krok-3"], ["krok-3"])


def test_next_previous_follows_a_published_page_at_once(anonymous, guide):
    assert next_link(anonymous) == (["krok-3"], ["krok-3"])
    ct.commit_as_owner(lambda: api.content.transition(guide["krok-2"], to_state="published"))
    assert next_link(anonymous) == (["krok-2"], ["krok-2"])


def test_the_feed_links_follow_the_syndication_settings_at_once(anonymous, guide):
    from Products.CMFPlone.interfaces.syndication import IFeedSettings

    def feeds(path="/przewodnik"):
        tree = page(anonymous, path)
        return tree.xpath("//head/link[@type='application/rss+xml' or @type='application/atom+xml']/@href")

    assert feeds() == []
    assert feeds() == []  # kept

    def enable():
        settings = IFeedSettings(guide)
        settings.enabled = True
        settings.feed_types = ("RSS",)

    ct.commit_as_owner(enable)
    assert [href.rsplit("/", 1)[-1] for href in feeds()] == ["RSS"]
