"""The catalogue folders and links created by ezabrze.policy.structure; who may add services and units."""

from ezabrze.policy import structure
from ezabrze.policy.catalogue.interfaces import IServiceCatalogue
from ezabrze.policy.catalogue.interfaces import IUnitDirectory
from ezabrze.policy.testing import catalogue as ct
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes

import pytest
import transaction


def test_catalogue_folder(portal):
    folder = portal["dla-mieszkancow"]["uslugi"]
    assert folder.portal_type == "Folder"
    assert folder.title == "Katalog e-usług"
    assert api.content.get_state(folder) == "published"
    assert folder.getLayout() == "katalog-uslug"
    assert IServiceCatalogue.providedBy(folder)
    constraints = ISelectableConstrainTypes(folder)
    assert constraints.getConstrainTypesMode() == ENABLED
    with ct.as_site_owner():
        assert constraints.getLocallyAllowedTypes() == ["Service"]


def test_units_folder(portal):
    folder = portal["dla-mieszkancow"]["jednostki"]
    assert folder.title == "Urząd i jednostki organizacyjne"
    assert api.content.get_state(folder) == "published"
    assert IUnitDirectory.providedBy(folder)
    with ct.as_site_owner():
        assert ISelectableConstrainTypes(folder).getLocallyAllowedTypes() == ["OrganizationalUnit"]


@pytest.mark.parametrize(
    "section,audience", [("dla-biznesu", "businesses"), ("organizacje-pozarzadowe", "ngos")]
)
def test_audience_links(portal, section, audience):
    link = portal[section]["e-uslugi"]
    assert link.portal_type == "Link"
    assert link.remoteUrl == f"${{portal_url}}/dla-mieszkancow/uslugi?audience={audience}"
    assert api.content.get_state(link) == "published"


def test_structure_is_idempotent(portal):
    before = sorted(portal["dla-mieszkancow"].objectIds())
    with ct.as_site_owner():
        structure.create_structure(portal)
    assert sorted(portal["dla-mieszkancow"].objectIds()) == before
    assert portal["dla-mieszkancow"]["uslugi"].getLayout() == "katalog-uslug"


def test_structure_restores_the_catalogue(portal):
    with ct.as_site_owner():
        api.content.delete(portal["dla-mieszkancow"]["uslugi"])
        structure.create_structure(portal)
    folder = portal["dla-mieszkancow"]["uslugi"]
    assert IServiceCatalogue.providedBy(folder) and folder.getLayout() == "katalog-uslug"


def test_catalogue_folders_are_found_by_marker(portal):
    brains = api.content.find(object_provides=IServiceCatalogue.__identifier__)
    assert [b.getPath() for b in brains] == ["/".join(portal["dla-mieszkancow"]["uslugi"].getPhysicalPath())]


# Who may add


def _can_add(portal, roles, type_name, where):
    container = portal.unrestrictedTraverse(where)
    with api.env.adopt_roles(roles):
        return portal.portal_types[type_name].isConstructionAllowed(container) and any(
            t.getId() == type_name for t in container.allowedContentTypes()
        )


@pytest.mark.parametrize(
    "roles,allowed",
    [(["Anonymous"], False), (["Member"], False), (["Reader"], False), (["Contributor"], True), (["Editor"], True),
     (["Site Administrator"], True), (["Manager"], True)],
)
def test_who_may_add_services(portal, roles, allowed):
    assert _can_add(portal, roles, "Service", "dla-mieszkancow/uslugi") is allowed
    assert _can_add(portal, roles, "OrganizationalUnit", "dla-mieszkancow/jednostki") is allowed


@pytest.mark.parametrize("roles", [["Contributor"], ["Editor"]])
def test_editors_may_not_add_services_elsewhere(portal, roles):
    assert _can_add(portal, roles, "Service", "aktualnosci") is False


@pytest.fixture
def users(functional_portal):
    for name, role in (("wspolpracownik", "Contributor"), ("redaktor", "Editor"), ("mieszkanka", None)):
        api.user.create(email=f"{name}@um.zabrze.pl", username=name, password=f"{name}-Haslo-1")
        if role:
            api.user.grant_roles(username=name, roles=[role])
    unit = ct.make_unit(functional_portal, "wso", "Wydział Spraw Obywatelskich")
    transaction.commit()
    return unit.UID()


def post_service(session, unit_uid):
    return session.post("/dla-mieszkancow/uslugi", json={
        "@type": "Service", "title": "Nowa usługa", "audience": ["residents"], "category": "meldunek",
        "fee_free": True, "responsible_unit": unit_uid,
    })


def test_rest_anonymous_may_not_add(anon_request, users):
    assert post_service(anon_request, users).status_code == 401


def test_rest_resident_may_not_add(request_factory, users):
    response = post_service(request_factory(basic_auth=("mieszkanka", "mieszkanka-Haslo-1")), users)
    assert response.status_code in (401, 403)


@pytest.mark.parametrize("name", ["wspolpracownik", "redaktor"])
def test_rest_contributor_and_editor_may_add(request_factory, users, name):
    response = post_service(request_factory(basic_auth=(name, f"{name}-Haslo-1")), users)
    assert response.status_code == 201, response.text
    assert response.json()["review_state"] == "private"


@pytest.mark.parametrize("type_name,folder", [("Service", "uslugi"), ("OrganizationalUnit", "jednostki")])
def test_anonymous_add_form_is_refused(request_factory, users, type_name, folder):
    site = request_factory(api=False)
    site.headers["Accept"] = "text/html"
    response = site.get(f"/dla-mieszkancow/{folder}/++add++{type_name}", allow_redirects=False)
    assert response.status_code in (302, 401, 403)
    assert "require_login" in response.headers.get("Location", "require_login")


def test_contributor_gets_the_add_form(request_factory, users):
    site = request_factory(api=False, basic_auth=("wspolpracownik", "wspolpracownik-Haslo-1"))
    site.headers["Accept"] = "text/html"
    response = site.get("/dla-mieszkancow/uslugi/++add++Service")
    assert response.status_code == 200
    assert 'name="form.widgets.postal_code"' not in response.text
    assert 'name="form.widgets.fee_amount"' in response.text
    assert "Kwota opłaty (zł)" in response.text and "Jednostka odpowiedzialna" in response.text
