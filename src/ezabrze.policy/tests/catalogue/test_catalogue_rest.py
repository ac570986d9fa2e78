"""plone.restapi: full serialization of services and units, no leak of private related content,
back-relations of units (functional, real HTTP)."""

from ezabrze.policy.testing import catalogue as ct

import pytest
import transaction


EDITOR = ("redaktor", "Redaktor-haslo-1")


@pytest.fixture
def content(functional_portal):
    portal = functional_portal
    ct.make_user(EDITOR, ["Editor"])
    office = ct.make_unit(portal, "wydzial-spraw-obywatelskich", "Wydział Spraw Obywatelskich",
                          street="ul. Powstańców Śląskich 5-7", latitude=50.3, longitude=18.78,
                          hours_monday="7:30–17:00")
    bom = ct.make_unit(portal, "biuro-obslugi", "Biuro Obsługi Mieszkańców", unit_kind="office", parent=office)
    secret = ct.make_unit(portal, "jednostka-w-budowie", "Tajna Jednostka W Budowie", publish=False, parent=office)
    draft = ct.make_service(portal, "karta-robocza", "Robocza Karta Usługi", office, publish=False)
    meldunek = ct.make_service(
        portal, "zameldowanie", "Zameldowanie na pobyt stały", office, location=bom,
        audience=["residents"], category="meldunek", eligibility="Każdy mieszkaniec",
        fee_free=False, fee_amount="17.00", submission_channels=["in_person", "online"],
        online_url="https://sekap.pl/zameldowanie",
    )
    ct.make_service(portal, "dowod", "Wydanie dowodu osobistego", office, location=secret,
                    related=[meldunek, draft], category="dowody-osobiste")
    ct.make_service(portal, "cudza", "Usługa jednostki w budowie", secret, category="edukacja")
    transaction.commit()
    return portal


def get(session, path, **params):
    response = session.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_service_is_fully_serialized(anon_request, content):
    data = get(anon_request, "/dla-mieszkancow/uslugi/zameldowanie")
    assert data["@type"] == "Service"
    assert data["audience"] == [{"token": "residents", "title": "Mieszkańcy"}]
    assert data["category"]["token"] == "meldunek"
    assert data["category"]["title"] == "Meldunek i sprawy obywatelskie"
    assert data["fee_amount"] == "17.00"
    assert data["fee_free"] is False
    assert [c["token"] for c in data["submission_channels"]] == ["in_person", "online"]
    assert data["online_url"] == "https://sekap.pl/zameldowanie"
    assert data["eligibility"] == "Każdy mieszkaniec"
    assert data["last_review"]
    assert data["responsible_unit"]["title"] == "Wydział Spraw Obywatelskich"
    assert data["responsible_unit"]["@id"].endswith("/jednostki/wydzial-spraw-obywatelskich")
    assert data["location_unit"]["title"] == "Biuro Obsługi Mieszkańców"
    assert data["is_folderish"] is True


def test_unit_is_fully_serialized(anon_request, content):
    data = get(anon_request, "/dla-mieszkancow/jednostki/wydzial-spraw-obywatelskich")
    assert data["@type"] == "OrganizationalUnit"
    assert data["unit_kind"]["token"] == "department"
    assert data["unit_kind"]["title"] == "Wydział urzędu"
    assert data["postal_code"] == "41-800"
    assert data["street"] == "ul. Powstańców Śląskich 5-7"
    assert data["latitude"] == 50.3 and data["longitude"] == 18.78
    assert data["hours_monday"] == "7:30–17:00"


def test_private_related_service_is_not_leaked(anon_request, content):
    data = get(anon_request, "/dla-mieszkancow/uslugi/dowod")
    titles = [item["title"] for item in data["related_services"]]
    assert titles == ["Zameldowanie na pobyt stały"]
    assert "Robocza Karta Usługi" not in anon_request.get("/dla-mieszkancow/uslugi/dowod").text


def test_private_location_unit_is_not_leaked(anon_request, content):
    data = get(anon_request, "/dla-mieszkancow/uslugi/dowod")
    assert data["location_unit"] is None
    assert data["responsible_unit"]["title"] == "Wydział Spraw Obywatelskich"
    assert "Tajna Jednostka" not in anon_request.get("/dla-mieszkancow/uslugi/dowod").text


def test_private_responsible_unit_is_not_leaked(anon_request, content):
    data = get(anon_request, "/dla-mieszkancow/uslugi/cudza")
    assert data["responsible_unit"] is None
    assert "Tajna Jednostka" not in anon_request.get("/dla-mieszkancow/uslugi/cudza").text


def test_editor_sees_private_relations(request_factory, content):
    editor = request_factory(basic_auth=EDITOR)
    data = get(editor, "/dla-mieszkancow/uslugi/dowod")
    assert sorted(item["title"] for item in data["related_services"]) == [
        "Robocza Karta Usługi",
        "Zameldowanie na pobyt stały",
    ]
    assert data["location_unit"]["title"] == "Tajna Jednostka W Budowie"


def test_unit_back_relations_for_anonymous(anon_request, content):
    data = get(anon_request, "/dla-mieszkancow/jednostki/wydzial-spraw-obywatelskich")
    assert [s["title"] for s in data["services"]] == ["Wydanie dowodu osobistego", "Zameldowanie na pobyt stały"]
    assert [u["title"] for u in data["sub_units"]] == ["Biuro Obsługi Mieszkańców"]
    assert "Tajna Jednostka" not in anon_request.get("/dla-mieszkancow/jednostki/wydzial-spraw-obywatelskich").text


def test_unit_back_relations_for_editor(request_factory, content):
    editor = request_factory(basic_auth=EDITOR)
    data = get(editor, "/dla-mieszkancow/jednostki/wydzial-spraw-obywatelskich")
    assert [s["title"] for s in data["services"]] == [
        "Robocza Karta Usługi",
        "Wydanie dowodu osobistego",
        "Zameldowanie na pobyt stały",
    ]
    assert sorted(u["title"] for u in data["sub_units"]) == ["Biuro Obsługi Mieszkańców", "Tajna Jednostka W Budowie"]


def test_location_unit_back_relation(anon_request, content):
    data = get(anon_request, "/dla-mieszkancow/jednostki/biuro-obslugi")
    assert [s["title"] for s in data["services"]] == ["Zameldowanie na pobyt stały"]
    assert data["parent_unit"]["title"] == "Wydział Spraw Obywatelskich"
    assert data["sub_units"] == []


def test_summary_carries_listing_fields(anon_request, content):
    data = get(anon_request, "/@search", portal_type="Service", sort_on="sortable_title")
    items = {item["title"]: item for item in data["items"]}
    item = items["Zameldowanie na pobyt stały"]
    assert item["audience"] == ["residents"]
    assert item["category"] == "meldunek"
    assert item["category_title"] == "Meldunek i sprawy obywatelskie"
    assert item["online_available"] is True
    assert item["suspended"] is False
    assert item["responsible_unit_title"] == "Wydział Spraw Obywatelskich"
    assert item["responsible_unit"]["@id"].endswith("/wydzial-spraw-obywatelskich")


def test_summary_does_not_leak_private_unit_title(anon_request, content):
    data = get(anon_request, "/@search", portal_type="Service", metadata_fields="_all")
    item = next(i for i in data["items"] if i["title"] == "Usługa jednostki w budowie")
    assert item["responsible_unit_title"] is None
    assert item["responsible_unit"] is None
    assert "Tajna Jednostka" not in anon_request.get(
        "/@search", params={"portal_type": "Service", "metadata_fields": "_all"}
    ).text


def test_folder_listing_of_catalogue_does_not_leak(anon_request, content):
    response = anon_request.get("/dla-mieszkancow/uslugi")
    assert response.status_code == 200
    assert "Tajna Jednostka" not in response.text
    assert "Robocza Karta" not in response.text


def test_unit_summary_has_kind(anon_request, content):
    data = get(anon_request, "/@search", portal_type="OrganizationalUnit", sort_on="sortable_title")
    assert {i["title"]: i["unit_kind"] for i in data["items"]} == {
        "Biuro Obsługi Mieszkańców": "office",
        "Wydział Spraw Obywatelskich": "department",
    }


@pytest.mark.parametrize("type_name", ["Service", "OrganizationalUnit"])
def test_types_schema(manager_request, type_name):
    response = manager_request.get(f"/@types/{type_name}")
    assert response.status_code == 200, response.text
    properties = response.json()["properties"]
    assert "text" in properties and "title" in properties
    if type_name == "Service":
        assert properties["fee_amount"]["title"] == "Kwota opłaty (zł)"
        assert "responsible_unit" in response.json()["required"]
    else:
        assert properties["postal_code"]["title"] == "Kod pocztowy"


def test_edit_forms_render(request_factory, content):
    site = request_factory(api=False, role="Manager")
    site.headers["Accept"] = "text/html"
    unit_uid = content["dla-mieszkancow"]["jednostki"]["wydzial-spraw-obywatelskich"].UID()
    for path in ("/dla-mieszkancow/uslugi/zameldowanie/edit", "/dla-mieszkancow/jednostki/biuro-obslugi/edit"):
        response = site.get(path)
        assert response.status_code == 200, path
        assert unit_uid in response.text and "Spraw Obywatelskich" in response.text  # the selected unit
