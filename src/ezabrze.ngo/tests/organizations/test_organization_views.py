"""The registry's pages: registration (RODO, e-mail after commit), confirmation on POST, verification by an
editor, the CSV import page."""

from ezabrze.ngo.organizations import representatives as reps
from plone import api
from plone.protect.authenticator import createToken
from zExceptions import Forbidden

import pytest


def form(portal, **values):
    request = portal.REQUEST
    request.method = "POST"
    request.form.clear()
    request.form.update(values)
    request.form["_authenticator"] = createToken()
    return request


def test_register_confirm_verify(portal, world, login_as):
    org = world["org_b"]
    login_as("resident")
    request = form(portal, fullname="Maria Zabrzańska", function="prezeska")
    html = org.restrictedTraverse("@@zostan-przedstawicielem")()
    assert "RODO" in html and reps.representatives(org).get("resident") is None  # RODO not accepted
    request = form(portal, fullname="Maria Zabrzańska", function="prezeska", rodo="1")
    html = org.restrictedTraverse("@@zostan-przedstawicielem")()
    assert "Wysłaliśmy e-mail" in html
    rep = reps.representatives(org)["resident"]
    assert rep.state == reps.UNCONFIRMED

    login_as("anonymous")  # the link works without login, but only by POST
    request.method = "GET"
    request.form.clear()
    request.form["token"] = "zly"
    assert "Potwierdź" in org.restrictedTraverse("@@potwierdz-reprezentacje")()
    request = form(portal, token="zly")
    assert "nieprawidłowy" in org.restrictedTraverse("@@potwierdz-reprezentacje")()
    assert rep.state == reps.UNCONFIRMED

    login_as("editor")
    request = form(portal, userid="resident", action="verify")
    html = org.restrictedTraverse("@@przedstawiciele")()
    assert "Zweryfikować można tylko potwierdzone zgłoszenie." in html and rep.state == reps.UNCONFIRMED
    rep.state = reps.PENDING
    org.restrictedTraverse("@@przedstawiciele")()
    assert rep.state == reps.VERIFIED
    form(portal, userid="resident", action="suspend", reason="")
    assert "Podaj powód zawieszenia." in org.restrictedTraverse("@@przedstawiciele")()
    form(portal, userid="resident", action="suspend", reason="Koniec kadencji")
    html = org.restrictedTraverse("@@przedstawiciele")()
    assert rep.state == reps.SUSPENDED and "Koniec kadencji" in html and "Maria Zabrzańska" in html


def test_state_changes_need_the_token(portal, world, login_as):
    login_as("resident")
    request = portal.REQUEST
    request.method = "POST"
    request.form.update({"fullname": "X", "rodo": "1"})
    with pytest.raises(Forbidden):
        world["org_b"].restrictedTraverse("@@zostan-przedstawicielem")()


def test_import_page(portal, world, login_as):
    from ZPublisher.HTTPRequest import FileUpload

    import io

    class Upload:
        def __init__(self, data):
            self.file = io.BytesIO(data)
            self.filename = self.name = "rejestr.csv"
            self.headers = {}

    login_as("editor")
    data = (
        b"nazwa;forma_prawna;krs;ulica;kod_pocztowy;miejscowosc;obszary\n"
        b"Nowe Stowarzyszenie;association;0000777001;ul. Nowa 1;41-800;Zabrze;sport\n"
    )
    form(portal, file=FileUpload(Upload(data)))
    html = world["org_a"].__parent__.restrictedTraverse("@@import-organizacji")()
    assert "Nowe: 1" in html
    assert api.content.find(portal_type="Organization", Title="Nowe Stowarzyszenie")
