"""The registry: identifiers checked with python-stdnum, the public directory, representatives, CSV import."""

from ezabrze.ngo.organizations import importer
from ezabrze.ngo.organizations import representatives as reps
from ezabrze.ngo.organizations import validators
from ezabrze.ngo.organizations.content import IOrganization
from ezabrze.ngo.organizations.setup import directory
from ezabrze.ngo.testing import make_organization
from plone import api
from zope.i18n import translate
from zope.interface import Invalid

import pytest


def pl(message):
    return translate(message, target_language="pl")


@pytest.mark.parametrize(
    "check,value,ok",
    [
        (validators.nip, "5250008318", True),
        (validators.nip, "525-000-83-18", True),
        (validators.nip, "5250008319", False),
        (validators.nip, "12345", False),
        (validators.regon, "123456785", True),
        (validators.regon, "123456786", False),
        (validators.regon, "12345678512347", True),
        (validators.krs, "0000123456", True),
        (validators.krs, "123456", False),
        (validators.krs, "00001234567", False),
        (validators.postal_code, "41-800", True),
        (validators.postal_code, "41800", False),
    ],
)
def test_identifiers(check, value, ok):
    if ok:
        check(value)
    else:
        with pytest.raises(validators.Invalid) as info:
            check(value)
        assert pl(info.value.doc())  # a message for the form, translated


def test_invalid_nip_message_is_polish(portal):
    with pytest.raises(validators.Invalid) as info:
        validators.nip("1234567890")
    assert "NIP" in pl(info.value.doc()) and "prawidłowy" in pl(info.value.doc())


def test_krs_or_other_register_required():
    class Data:
        krs = None
        register_name = "Ewidencja stowarzyszeń zwykłych"
        register_number = ""

    with pytest.raises(Invalid):
        IOrganization.validateInvariants(Data())
    Data.register_number = "SZ/1/2024"
    IOrganization.validateInvariants(Data())


def test_schema_refuses_bad_nip():
    with pytest.raises(Exception):
        IOrganization["nip"].validate("5250008319")
    IOrganization["nip"].validate("5250008318")


@pytest.fixture
def orgs(portal):
    with api.env.adopt_roles(["Manager"]):
        folder = directory()
        a = make_organization(folder, "sport-a", "Klub Sportowy Alfa", krs="0000000011", areas=["sport"])
        b = make_organization(folder, "kultura-b", "Fundacja Kultury Beta", krs="0000000012", areas=["culture"])
        c = api.content.create(container=folder, type="Organization", id="pending-c", title="Stowarzyszenie Gamma",
                               legal_form="association", krs="0000000013", street="x", postal_code="41-800",
                               city="Zabrze", areas=["sport"])
    return folder, a, b, c


def test_directory_lists_verified_with_area_filter(portal, orgs, request):
    from plone.app.testing import logout

    folder, a, b, c = orgs
    logout()
    view = api.content.get_view("katalog-organizacji", folder, portal.REQUEST)
    titles = [brain.Title for brain in view.results()]
    assert "Klub Sportowy Alfa" in titles and "Fundacja Kultury Beta" in titles
    assert "Stowarzyszenie Gamma" not in titles  # pending: not public
    portal.REQUEST.form["area"] = "sport"
    assert [brain.Title for brain in view.results()] == ["Klub Sportowy Alfa"]
    portal.REQUEST.form.update({"area": "", "q": "Beta"})
    assert [brain.Title for brain in view.results()] == ["Fundacja Kultury Beta"]
    portal.REQUEST.form["q"] = "AND OR ( *"  # operators only: no results, no error
    assert list(view.results()) == []
    portal.REQUEST.form["q"] = ""
    html = view()
    assert "Klub Sportowy Alfa" in html


def test_pending_organization_not_viewable_by_anonymous(portal, orgs):
    from plone.app.testing import logout

    _folder, a, _b, c = orgs
    logout()
    assert api.user.has_permission("View", obj=a)
    assert not api.user.has_permission("View", obj=c)


def test_suspension_needs_reason_and_hides(portal, orgs):
    _folder, a, _b, _c = orgs
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(a, transition="suspend", comment="Wykreślona z KRS")
    assert api.content.get_state(a) == "suspended"


def test_representative_flow(portal, orgs):
    folder, a, b, _c = orgs
    api.user.create(email="jan@example.org", username="jan", password="Haslo-123456!", roles=["Member"])
    with pytest.raises(reps.RepresentationError):
        reps.request(a, "jan", "Jan Kowalski", "prezes", rodo_accepted=False)
    token = reps.request(a, "jan", "Jan Kowalski", "prezes", rodo_accepted=True)
    rep = reps.representatives(a)["jan"]
    assert rep.state == reps.UNCONFIRMED and rep.token_hash != token  # only the hash is kept
    message = reps.confirmation_mail(a, rep, token)
    assert message["To"] == "jan@example.org" and token in message.get_content()
    assert reps.acting_organizations("jan") == []
    assert reps.confirm(a, "wrong") is None
    assert reps.confirm(a, token).state == reps.PENDING
    assert reps.confirm(a, token) is None  # one-time
    assert reps.acting_organizations("jan") == []
    with api.env.adopt_roles(["Manager"]):
        with pytest.raises(reps.RepresentationError):
            reps.set_state(a, "jan", reps.SUSPENDED, "")  # not verified yet
        reps.set_state(a, "jan", reps.VERIFIED)
        assert reps.acting_organizations("jan") == [a]
        with pytest.raises(reps.RepresentationError):
            reps.set_state(a, "jan", reps.SUSPENDED, "  ")  # a reason is required
        reps.set_state(a, "jan", reps.SUSPENDED, "Nie pełni już funkcji")
    assert reps.acting_organizations("jan") == []
    assert [h["state"] for h in rep.history] == ["unconfirmed", "pending", "verified", "suspended"]
    with api.env.adopt_roles(["Manager"]):
        reps.set_state(a, "jan", reps.VERIFIED)
        api.content.transition(a, transition="suspend", comment="Likwidacja")
    assert reps.acting_organizations("jan") == []  # a suspended organization has nobody acting for it


def test_representatives_personal_data_never_public(portal, orgs):
    from plone.app.testing import logout
    from plone.restapi.interfaces import ISerializeToJson
    from zope.component import getMultiAdapter

    _folder, a, _b, _c = orgs
    api.user.create(email="ewa.tajna@example.org", username="ewa", password="Haslo-123456!", roles=["Member"])
    reps.request(a, "ewa", "Ewa Tajna", "skarbniczka", True)
    logout()
    data = getMultiAdapter((a, portal.REQUEST), ISerializeToJson)()
    assert "Tajna" not in str(data) and "ewa.tajna" not in str(data)
    html = a.restrictedTraverse("@@view")()
    assert "Tajna" not in html and "ewa.tajna" not in html
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog(SearchableText="Tajna")


CSV_HEADER = "nazwa;forma_prawna;krs;rejestr;numer_w_rejestrze;nip;regon;ulica;kod_pocztowy;miejscowosc;email;www;obszary;opis\n"
GOOD = (
    "Stowarzyszenie Jeden;association;0000555001;;;5250008318;123456785;ul. Wolności 1;41-800;Zabrze;"
    "a@example.org;https://jeden.pl;sport|culture;Opis\n"
    "Koło Dwa;ordinary_association;;Ewidencja stowarzyszeń zwykłych;SZ/2/2024;;;ul. 3 Maja 2;41-800;Zabrze;;;seniors;\n"
)


def test_import_is_all_or_nothing_and_idempotent(portal, orgs):
    folder = orgs[0]
    bad = CSV_HEADER + GOOD + (
        "Zła Nazwa;association;123;;;5250008319;;ul. X;41800;Zabrze;nie-email;ftp://x;kosmos;\n"
        "=HYPERLINK(\"http://evil\");association;;;;;;ul. Y;41-800;Zabrze;;;sport;\n"
    )
    with api.env.adopt_roles(["Manager"]):
        report = importer.run(folder, bad.encode("utf-8"))
    assert not report.ok
    lines = dict(report.refused)
    assert set(lines) == {4, 5}
    messages = " ".join(pl(m) for m in lines[4])
    for text in ("KRS", "NIP", "Kod pocztowy", "e-mail", "http", "kosmos"):
        assert text in messages
    assert "rejestru" in " ".join(pl(m) for m in lines[5])
    catalog = api.portal.get_tool("portal_catalog")
    assert not catalog.unrestrictedSearchResults(portal_type="Organization", Title="Jeden")  # nothing imported

    with api.env.adopt_roles(["Manager"]):
        first = importer.run(folder, (CSV_HEADER + GOOD).encode("utf-8"))
        assert first.ok and len(first.created) == 2
        assert api.content.get_state(first.created[0]) == "verified"
        second = importer.run(folder, (CSV_HEADER + GOOD).encode("utf-8"))
        assert second.ok and (len(second.created), len(second.updated), len(second.unchanged)) == (0, 0, 2)
        changed = importer.run(folder, (CSV_HEADER + GOOD.replace("Opis", "Nowy opis")).encode("utf-8"))
        assert [o.description for o in changed.updated] == ["Nowy opis"]


def test_import_refuses_missing_columns_and_duplicates(portal, orgs):
    folder = orgs[0]
    with api.env.adopt_roles(["Manager"]):
        report = importer.run(folder, b"nazwa;krs\nX;0000000001\n")
        assert not report.ok and "obszary" in pl(report.refused[0][1][0])
        row = GOOD.splitlines()[0] + "\n"
        report = importer.run(folder, (CSV_HEADER + row + row).encode("utf-8"))
        assert not report.ok and report.refused[0][0] == 3
