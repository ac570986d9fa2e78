"""Catalog indexes and metadata of the catalogue, and filtered @search as anonymous."""

from datetime import date
from ezabrze.policy.testing import catalogue as ct
from plone import api

import pytest
import transaction


INDEXES = {
    "catalogue_audience": "KeywordIndex",
    "catalogue_category": "FieldIndex",
    "catalogue_responsible_unit_uid": "FieldIndex",
    "catalogue_location_unit_uid": "FieldIndex",
    "catalogue_parent_unit_uid": "FieldIndex",
    "catalogue_online_available": "BooleanIndex",
    "catalogue_last_review": "DateIndex",
    "catalogue_unit_kind": "FieldIndex",
}
COLUMNS = ("catalogue_audience", "catalogue_category", "catalogue_online_available", "catalogue_suspended", "catalogue_responsible_unit_title", "catalogue_responsible_unit_uid",
           "catalogue_last_review", "catalogue_unit_kind")


@pytest.mark.parametrize("name,meta_type", INDEXES.items())
def test_index(portal, name, meta_type):
    assert portal.portal_catalog._catalog.getIndex(name).meta_type == meta_type


@pytest.mark.parametrize("name", COLUMNS)
def test_metadata_column(portal, name):
    assert name in portal.portal_catalog.schema()


@pytest.fixture
def services(portal):
    wso = ct.make_unit(portal, "wso", "Wydział Spraw Obywatelskich")
    wgk = ct.make_unit(portal, "wgk", "Wydział Gospodarki Komunalnej", unit_kind="utility", parent=wso)
    ct.make_service(portal, "online", "Usługa online", wso, audience=["residents", "businesses"],
                    category="podatki-i-oplaty", submission_channels=["online"], online_url="https://sekap.pl/x",
                    last_review=date(2025, 3, 1))
    ct.make_service(portal, "zawieszona", "Usługa zawieszona", wgk, location=wso, submission_channels=["online"],
                    online_url="https://sekap.pl/y", suspended=True, suspension_reason="Awaria")
    ct.make_service(portal, "osobiscie", "Usługa w urzędzie", wgk, audience=["ngos"], last_review=None)
    return {"wso": wso, "wgk": wgk}


def find(**query):
    query.setdefault("portal_type", ["Service", "OrganizationalUnit"])
    return sorted(b.getId for b in api.content.find(**query))


def test_audience(services):
    assert find(catalogue_audience="businesses") == ["online"]
    assert find(catalogue_audience="residents") == ["online", "zawieszona"]
    assert find(catalogue_audience=["ngos", "businesses"]) == ["online", "osobiscie"]


def test_category(services):
    assert find(catalogue_category="podatki-i-oplaty") == ["online"]
    assert find(catalogue_category="meldunek") == ["osobiscie", "zawieszona"]


def test_units(services):
    assert find(catalogue_responsible_unit_uid=services["wgk"].UID()) == ["osobiscie", "zawieszona"]
    assert find(catalogue_location_unit_uid=services["wso"].UID()) == ["zawieszona"]
    assert find(catalogue_parent_unit_uid=services["wso"].UID()) == ["wgk"]
    assert find(catalogue_unit_kind="utility") == ["wgk"]


def test_online_available_needs_channel_url_and_no_suspension(services):
    assert find(catalogue_online_available=True) == ["online"]
    assert find(portal_type="Service", catalogue_online_available=False) == ["osobiscie", "zawieszona"]


def test_last_review(services):
    from DateTime import DateTime

    assert find(catalogue_last_review={"query": DateTime("2025-06-01"), "range": "max"}) == ["online"]
    [brain] = api.content.find(UID=api.content.get(path="/dla-mieszkancow/uslugi/online").UID())
    assert brain.catalogue_last_review.strftime("%Y-%m-%d") == "2025-03-01"


def test_metadata(services):
    [brain] = api.content.find(portal_type="Service", getId="zawieszona")
    assert brain.catalogue_audience == ["residents"]
    assert brain.catalogue_category == "meldunek"
    assert brain.catalogue_online_available is False
    assert brain.catalogue_suspended is True
    assert brain.catalogue_responsible_unit_title == "Wydział Gospodarki Komunalnej"
    assert brain.catalogue_responsible_unit_uid == services["wgk"].UID()


def test_renaming_a_unit_updates_its_services(services):
    unit = services["wgk"]
    unit.title = "Wydział Gospodarki Komunalnej i Mieszkaniowej"
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    with ct.as_site_owner():
        notify(ObjectModifiedEvent(unit))
    brains = api.content.find(portal_type="Service", catalogue_responsible_unit_uid=unit.UID())
    assert {b.catalogue_responsible_unit_title for b in brains} == {"Wydział Gospodarki Komunalnej i Mieszkaniowej"}
    assert find(SearchableText="Mieszkaniowej") == ["osobiscie", "wgk", "zawieszona"]


def test_searchable_text_covers_the_card(portal, services):
    ct.make_service(
        portal, "pelna", "Karta pełna", services["wso"], eligibility="Właściciel nieruchomości",
        required_documents="Akt notarialny", fee_payment="Gotówką w kasie", handling_deadline="do 14 dni",
        legal_basis="Ordynacja podatkowa", category="nieruchomosci",
    )
    for words in ("Właściciel", "notarialny", "kasie", "14 dni", "Ordynacja podatkowa", "Nieruchomości i mieszkania",
                  "Spraw Obywatelskich"):
        assert "pelna" in find(SearchableText=words), words


def test_private_unit_title_is_not_in_services_full_text(portal, services):
    secret = ct.make_unit(portal, "tajna", "Jednostka Zastrzeżona", publish=False)
    ct.make_service(portal, "cudza", "Usługa cudza", secret)
    with ct.as_site_owner():
        assert find(SearchableText="Zastrzeżona") == ["tajna"]


# @search as anonymous (functional)


@pytest.fixture
def published(functional_portal):
    portal = functional_portal
    wso = ct.make_unit(portal, "wso", "Wydział Spraw Obywatelskich")
    wgk = ct.make_unit(portal, "wgk", "Wydział Gospodarki Komunalnej")
    ct.make_service(portal, "dla-firm", "Koncesja dla firm", wgk, audience=["businesses"],
                    category="dzialalnosc-gospodarcza")
    ct.make_service(portal, "dla-ngo", "Dotacja dla NGO", wgk, audience=["ngos", "businesses"],
                    category="organizacje-pozarzadowe", submission_channels=["online"], online_url="https://witkac.pl")
    ct.make_service(portal, "dla-mieszkancow", "Zameldowanie", wso)
    ct.make_service(portal, "robocza", "Robocza koncesja dla firm", wgk, audience=["businesses"], publish=False)
    transaction.commit()
    return {"wso": wso.UID(), "wgk": wgk.UID()}


def search(session, **params):
    response = session.get("/@search", params=dict(portal_type="Service", sort_on="sortable_title", **params))
    assert response.status_code == 200, response.text
    return [item["title"] for item in response.json()["items"]]


def test_search_by_audience(anon_request, published):
    assert search(anon_request, catalogue_audience="businesses") == ["Dotacja dla NGO", "Koncesja dla firm"]
    assert search(anon_request, catalogue_audience="ngos") == ["Dotacja dla NGO"]
    assert search(anon_request, catalogue_audience="residents") == ["Zameldowanie"]


def test_search_by_category(anon_request, published):
    assert search(anon_request, catalogue_category="dzialalnosc-gospodarcza") == ["Koncesja dla firm"]


def test_search_by_unit(anon_request, published):
    assert search(anon_request, catalogue_responsible_unit_uid=published["wgk"]) == ["Dotacja dla NGO", "Koncesja dla firm"]
    assert search(anon_request, catalogue_responsible_unit_uid=published["wso"]) == ["Zameldowanie"]


@pytest.mark.parametrize("value", ["true", "1", "True"])
def test_search_online_available(anon_request, published, value):
    assert search(anon_request, catalogue_online_available=value) == ["Dotacja dla NGO"]


def test_search_hides_private_cards(anon_request, manager_request, published):
    assert "Robocza koncesja dla firm" not in search(anon_request, catalogue_audience="businesses")
    assert "Robocza koncesja dla firm" in search(manager_request, catalogue_audience="businesses")
