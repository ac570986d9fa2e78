"""Demo notices of the district councils and the intranet demo."""

from ezabrze.policy.councils import content as districts
from ezabrze.policy.demo import councils as demo_councils
from ezabrze.policy.demo import intranet as demo_intranet
from plone import api
from plone.app.testing import logout

import pytest


@pytest.fixture
def demo(portal):
    with api.env.adopt_roles(["Manager"]):
        demo_councils.create(portal)
        demo_intranet.create(portal)
    return portal


def test_every_council_has_current_and_expired_notices(demo):
    logout()
    request = demo.REQUEST
    for council in districts.councils(demo):
        request.form.clear()
        board = api.content.get_view("notice-board", council, request)
        archive = api.content.get_view("notice-archive", council, request)
        current = {item["category"] for item in board.items()}
        assert current == {"meeting", "announcement", "resolution", "event"}, council.getId()
        assert [item["category"] for item in archive.items()] == ["meeting"], council.getId()


def test_meetings_have_dates_places_and_polish_text(demo):
    for council in districts.councils(demo):
        meeting = council["posiedzenie-rady"]
        assert meeting.is_meeting() and meeting.meeting_start and meeting.meeting_place
        assert "Porządek obrad" in meeting.text.raw
        assert api.content.get_state(meeting) == "published"


def test_demo_is_idempotent(demo):
    before = {c.getId(): list(c.objectIds()) for c in districts.councils(demo)}
    with api.env.adopt_roles(["Manager"]):
        demo_councils.create(demo)
        demo_intranet.create(demo)
    assert {c.getId(): list(c.objectIds()) for c in districts.councils(demo)} == before


def test_demo_is_hooked_into_the_demo_profile():
    from ezabrze.policy import demo

    import inspect

    source = inspect.getsource(demo._create_all)
    assert "councils.create(portal)" in source and "intranet.create(portal)" in source


def test_intranet_demo_is_staff_only(demo):
    directory = demo["intranet"]["pracownicy"]
    assert len(directory.objectIds()) >= 6
    logout()
    assert not api.content.find(portal_type="StaffMember")
    assert not api.content.find(SearchableText="ePUAP szkolenie")
