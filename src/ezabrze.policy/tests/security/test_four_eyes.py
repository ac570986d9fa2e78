"""Four eyes from the real history: an author who rewrites ``creators`` still cannot publish their own item,
and the BIP metadata names who really entered it."""

from ezabrze.policy.bip import behavior as bip
from ezabrze.policy.editorial.workflow import may_publish
from ezabrze.policy.security import authorship
from ezabrze.policy.testing.personas import create_personas
from plone import api
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


@pytest.fixture
def author_reviewer(portal):
    """"reviewer" holds Reviewer and may also write news (the four-eyes rule matters for such people)."""
    create_personas()
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="reviewer", obj=portal["aktualnosci"], roles=["Contributor", "Editor"])
    return "reviewer"


def _own_pending_news(portal, username):
    with api.env.adopt_user(username=username):
        item = api.content.create(container=portal["aktualnosci"], type="News Item", id="moja", title="Moja")
        api.content.transition(item, transition="submit", comment="Proszę o publikację.")
    return item


def test_rewritten_creators_do_not_lift_four_eyes(portal, author_reviewer):
    item = _own_pending_news(portal, author_reviewer)
    with api.env.adopt_user(username=author_reviewer):
        item.setCreators(("admin",))  # what PATCH {"creators": ["admin"]} does
        notify(ObjectModifiedEvent(item))
        assert item.listCreators() == ("admin",)
        assert not may_publish(item)
        with pytest.raises(Exception):
            api.content.transition(item, transition="publish")
    assert api.content.get_state(item) == "pending"
    assert authorship.creator(item) == author_reviewer


def test_another_reviewer_may_publish(portal, author_reviewer):
    item = _own_pending_news(portal, "editor")
    with api.env.adopt_user(username=author_reviewer):
        assert may_publish(item)


def test_an_editor_of_the_item_counts_as_its_author(portal, author_reviewer):
    with api.env.adopt_user(username="editor"):
        item = api.content.create(container=portal["aktualnosci"], type="News Item", id="karta", title="Karta")
    with api.env.adopt_user(username=author_reviewer):
        item.title = "Karta usługi poprawiona"
        notify(ObjectModifiedEvent(item))  # saves a version by the reviewer
    assert author_reviewer in authorship.editors(item)
    with api.env.adopt_user(username=author_reviewer):
        assert not may_publish(item)


def test_bip_entered_by_comes_from_the_history(portal, author_reviewer, http_request):
    item = _own_pending_news(portal, "editor")
    item.setCreators(("admin",))
    data = bip.metadata(item, http_request)
    assert data["entered_by"]["fullname"] == "Ewa Redaktorka"


def test_bip_shows_names_never_login_ids_to_visitors(portal, author_reviewer, http_request):
    from plone.app.testing import logout

    item = _own_pending_news(portal, "editor")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(item, transition="publish")
    with api.env.adopt_user(username="editor"):
        assert bip.metadata(item, http_request)["entered_by"]["id"] == "editor"  # editors keep the ids
    logout()
    data = bip.metadata(item, http_request)
    assert data["entered_by"] == {"fullname": "Ewa Redaktorka"}
    text = repr(data)
    assert "'id'" not in text
    assert "'editor'" not in text
