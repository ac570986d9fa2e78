"""The staff directory (Katalog pracowników) synchronised from the real directory: added, updated, moved, archived
(never deleted), restored; a second run changes nothing; the button (CSRF, Manage portal only); an outage changes
nothing."""

from ezabrze.policy.demo import intranet as demo_intranet
from ezabrze.policy.directory import sync
from ezabrze.policy.directory.breaker import BREAKER
from ezabrze.policy.testing.directory import directory_server
from ezabrze.policy.testing.directory import ldap_modify
from ezabrze.policy.testing.directory import make_units
from ezabrze.policy.testing.directory import SUFFIX
from ezabrze.policy.testing.personas import create_personas
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.protect.authenticator import createToken
from zExceptions import Forbidden

import pytest


SYNC_PERMISSION = "ezabrze.policy: Synchronize staff directory"


@pytest.fixture
def staff_directory(portal, directory, fresh_tree):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    make_units(portal)
    demo_intranet.create(portal)  # six people typed in before the directory (one left, one moved since)
    folder = sync.staff_directory(portal)
    assert len(folder.objectIds()) == 6
    return folder


def members(folder):
    return {item: folder[item] for item in folder.objectIds()}


def test_first_sync(staff_directory):
    report = sync.synchronize()
    people = members(staff_directory)
    active = {k: v for k, v in people.items() if not v.archived}
    assert len(active) == 32  # everyone in the staff tree of demo.ldif
    # entries typed in before were found by e-mail and kept their ids
    assert people["anna-kowalska"].username == "anna.kowalska"
    assert people["anna-kowalska"].unit.to_object.getId() == "wydzial-organizacyjny"
    # the person who moved; Marta's unit was typed in as a free text ("Biuro Rady Miasta") that is not the
    # directory's unit either
    assert [m["username"] for m in report["moved"]] == ["jan.nowak", "marta.lewandowska"]
    assert people["jan-nowak"].unit.to_object.getId() == "wydzial-komunikacji"
    assert people["jan-nowak"].phone == "+48 32 373 34 22"
    # the person who left: archived, not deleted
    assert [m["id"] for m in report["archived"]] == ["tomasz-wojcik"]
    assert people["tomasz-wojcik"].archived and people["tomasz-wojcik"].archived_on
    assert len(report["added"]) == 27
    new = people["iwona-stepien"]
    assert (new.title, new.position, new.unit.to_object.getId(), new.room, new.email) == (
        "Iwona Stępień", "Pracownik socjalny", "mops", "11", "iwona.stepien@um.zabrze.pl")
    assert sync.reports(staff_directory)[0] == report


def test_second_sync_changes_nothing(staff_directory):
    sync.synchronize()
    report = sync.synchronize()
    assert report["added"] == report["updated"] == report["moved"] == report["archived"] == []
    assert report["unchanged"] == 32
    assert len(sync.reports(staff_directory)) == 2


def test_changes_in_the_directory(staff_directory):
    sync.synchronize()
    dn = f"uid=iwona.stepien,ou=mops,ou=jednostki,ou=struktura,{SUFFIX}"
    ldap_modify(f"dn: {dn}\nchangetype: modify\nreplace: telephoneNumber\ntelephoneNumber: +48 32 370 37 99\n")
    ldap_modify(f"dn: {dn}\nchangetype: delete\n")  # and Iwona leaves
    left_dn = f"uid=karolina.baran,ou=biblioteka,ou=jednostki,ou=struktura,{SUFFIX}"
    ldap_modify(f"dn: {left_dn}\nchangetype: modify\nreplace: roomNumber\nroomNumber: 22\n")
    report = sync.synchronize()
    assert [m["id"] for m in report["archived"]] == ["iwona-stepien"]
    assert report["updated"] == [
        {"id": "karolina-baran", "title": "Karolina Baran", "username": "karolina.baran", "fields": ["room"]}
    ]
    assert staff_directory["iwona-stepien"].archived
    # her entry stays, with what was known of her
    assert staff_directory["iwona-stepien"].position == "Pracownik socjalny"


def test_archived_staff_listed_apart(staff_directory, http_request):
    sync.synchronize()
    view = api.content.get_view("katalog-pracownikow", staff_directory, http_request)
    names = [m["name"] for group in view.groups() for m in group["members"]]
    assert "Tomasz Wójcik" not in names and "Iwona Stępień" in names
    assert [m["name"] for m in view.archived_members()] == ["Tomasz Wójcik"]
    html = view()
    assert "Byli pracownicy (archiwum)" in html


def test_outage_changes_nothing(staff_directory):
    directory_server("stop")
    with pytest.raises(sync.DirectoryUnavailable):
        sync.synchronize()
    assert len(staff_directory.objectIds()) == 6
    assert not any(getattr(m, "archived", False) for m in members(staff_directory).values())
    assert BREAKER.is_open
    with pytest.raises(sync.DirectoryUnavailable):  # not asked again during the pause
        sync.read_staff()
    assert sync.reports(staff_directory) == []


def test_sync_button(staff_directory, http_request):
    view = api.content.get_view("synchronizuj-z-katalogiem", staff_directory, http_request)
    assert "Synchronizuj teraz" in view()
    http_request.method = "POST"
    http_request.form = {"form.submitted": "1"}
    with pytest.raises(Forbidden):  # no CSRF token
        view()
    assert sync.reports(staff_directory) == []
    http_request.form["_authenticator"] = createToken()
    html = view()
    assert "Przeniesiono do innej jednostki" in html and "Tomasz Wójcik" in html
    assert len(sync.reports(staff_directory)) == 1


@pytest.mark.parametrize("persona,allowed", [
    ("staff", False), ("editor", False), ("staff-a", False), ("resident", False), ("reviewer", False),
    ("council_a", False), ("siteadmin", True),
])
def test_who_may_synchronize(staff_directory, http_request, persona, allowed):
    create_personas([persona])
    logout()
    login(staff_directory.aq_parent.aq_parent, persona)
    assert api.user.has_permission(SYNC_PERMISSION, obj=staff_directory) is allowed
    view = api.content.get_view("katalog-pracownikow", staff_directory, http_request) if persona != "resident" else None
    if view is not None:
        assert view.can_synchronize() is allowed


def test_anonymous_may_not_synchronize(staff_directory):
    logout()
    assert not api.user.has_permission(SYNC_PERMISSION, obj=staff_directory)
