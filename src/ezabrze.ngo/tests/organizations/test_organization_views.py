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


def test_propose_an_organization(portal, world, login_as):
    from zExceptions import Unauthorized

    directory = world["org_a"].__parent__
    login_as("anonymous")
    with pytest.raises(Unauthorized):
        directory.restrictedTraverse("@@zglos-organizacje")()
    login_as("resident")
    form(portal, title="Nowe Koło", legal_form="ordinary_association", nip="5250008319", postal_code="41800",
         areas=["sport"], fullname="Ewa Nowa", rodo="1", protected_1="")
    html = directory.restrictedTraverse("@@zglos-organizacje")()
    for text in ("NIP", "Kod pocztowy", "Uzupełnij: Ulica i numer.", "rejestru"):
        assert text in html
    assert not api.content.find(portal_type="Organization", Title="Nowe Koło")
    form(portal, title="Nowe Koło", legal_form="ordinary_association", register_name="Ewidencja",
         register_number="SZ/9/2026", street="ul. Nowa 1", postal_code="41-800", city="Zabrze",
         areas=["sport", "culture"], fullname="Ewa Nowa", function="przewodnicząca", rodo="1",
         protected_1="")
    html = directory.restrictedTraverse("@@zglos-organizacje")()
    assert "Wysłaliśmy e-mail" in html
    with api.env.adopt_roles(["Manager"]):
        org = api.content.find(portal_type="Organization", Title="Nowe Koło")[0].getObject()
    assert api.content.get_state(org) == "pending" and org.areas == ["sport", "culture"]
    assert reps.representatives(org)["resident"].state == reps.UNCONFIRMED
    login_as("anonymous")
    assert not api.user.has_permission("View", obj=org)  # not public before an editor verifies it
