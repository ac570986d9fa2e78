"""Demo content of the service catalogue: organizational units and services (ezabrze.policy.demo)."""

from collections import Counter
from datetime import date
from datetime import timedelta
from decimal import Decimal
from ezabrze.policy.demo import services
from ezabrze.policy.demo import units
from plone import api

import pytest
import re


# The day the demo cards were last checked; "stale" means last_review more than a year before it.
REFERENCE_DAY = date(2026, 11, 25)
STALE_BEFORE = REFERENCE_DAY - timedelta(days=365)

UNIT_KINDS = {
    "department", "office", "education", "social", "culture", "sport", "city_guard", "utility", "health", "other",
}
AUDIENCES = {"residents", "businesses", "ngos"}
CHANNELS = {"in_person", "post", "online"}
CATEGORIES = {
    "meldunek", "dowody-osobiste", "podatki-i-oplaty", "dzialalnosc-gospodarcza", "budownictwo",
    "srodowisko-i-odpady", "komunikacja-i-transport", "rodzina-i-dzieci", "edukacja", "pomoc-spoleczna",
    "kultura-i-sport", "organizacje-pozarzadowe", "nieruchomosci", "zdrowie", "bezpieczenstwo",
}
# Zabrze: about 50.27–50.35 N, 18.70–18.85 E; postal codes 41-800 … 41-819.
LAT = (50.27, 50.35)
LON = (18.70, 18.85)
POSTAL_CODE = re.compile(r"^\d{2}-\d{3}$")
PHONE = re.compile(r"^\+48 32 \d{3} \d{2} \d{2}$")
EMAIL = re.compile(r"^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]{2,}$")
EPUAP_BOX = re.compile(r"^/[A-Za-z0-9_]+/SkrytkaESP$")
HOURS = re.compile(r"^\d{1,2}:\d{2}–\d{1,2}:\d{2}$")
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
LEGAL_LINE_STARTS = ("Ustawa z dnia", "Rozporządzenie", "Uchwała Rady Miasta Zabrze", "Zarządzenie", "Regulamin",
                     "Roczny program współpracy")

UNIT_BY_ID = {u["id"]: u for u in units.UNITS}
SERVICE_BY_ID = {s["id"]: s for s in services.SERVICES}


def check_each(items, check):
    """Run `check(item)` for every item; report every failing item (by id) at once."""
    failures = []
    for item in items:
        try:
            check(item)
        except AssertionError as error:
            failures.append(f"{item['id']}: {error}")
    assert not failures, "\n".join(failures)


# ====================================================================== data level (no Plone needed)


class TestUnitData:
    def test_count(self):
        assert len(units.UNITS) >= 25

    def test_ids_unique(self):
        ids = [u["id"] for u in units.UNITS]
        assert len(ids) == len(set(ids))

    def test_parents_exist(self):
        for unit in units.UNITS:
            if unit["parent"]:
                assert unit["parent"] in UNIT_BY_ID, unit["id"]
                assert unit["parent"] != unit["id"]

    def test_departments_belong_to_the_office(self):
        office = UNIT_BY_ID[units.OFFICE]
        assert office["street"] == "ul. Powstańców Śląskich 5-7" and office["postal_code"] == "41-800"
        departments = [u for u in units.UNITS if u["unit_kind"] == "department"]
        assert len(departments) >= 10
        for unit in departments:
            assert unit["parent"] == units.OFFICE, unit["id"]
            assert unit["street"] == "ul. Powstańców Śląskich 5-7", unit["id"]

    def test_expected_units(self):
        titles = {u["title"] for u in units.UNITS}
        for title in (
            "Urząd Miejski w Zabrzu",
            "Wydział Spraw Obywatelskich",
            "Wydział Komunikacji",
            "Wydział Podatków i Opłat",
            "Wydział Architektury i Budownictwa",
            "Urząd Stanu Cywilnego w Zabrzu",
            "Biuro Obsługi Mieszkańców",
            "Wydział Edukacji",
            "Wydział Polityki Społecznej",
            "Biuro ds. Organizacji Pozarządowych",
            "Miejski Ośrodek Pomocy Społecznej w Zabrzu",
            "Straż Miejska w Zabrzu",
            "Miejska Biblioteka Publiczna w Zabrzu",
            "Miejski Ośrodek Sportu i Rekreacji w Zabrzu",
            "Dom Muzyki i Tańca w Zabrzu",
            "Muzeum Górnictwa Węglowego w Zabrzu",
            "Miejski Zarząd Budynków Mieszkalnych w Zabrzu",
            "Powiatowy Urząd Pracy w Zabrzu",
            "Miejski Rzecznik Konsumentów",
        ):
            assert title in titles, title

    def test_kinds(self):
        kinds = {u["unit_kind"] for u in units.UNITS}
        assert kinds <= UNIT_KINDS
        assert len(kinds) >= 8

    def test_contact_and_location(self):
        def check(unit):
            assert POSTAL_CODE.match(unit["postal_code"])
            assert "41-800" <= unit["postal_code"] <= "41-819"
            assert unit["city"] == "Zabrze"
            assert LAT[0] <= unit["latitude"] <= LAT[1]
            assert LON[0] <= unit["longitude"] <= LON[1]
            assert PHONE.match(unit["phone"]), unit["phone"]
            assert EMAIL.match(unit["email"]), unit["email"]
            assert EPUAP_BOX.match(unit["epuap_box"]), unit["epuap_box"]
            assert unit["head_name"] and unit["head_function"]
            assert unit["description"] and unit["text"].startswith("<p>")

        check_each(units.UNITS, check)

    def test_opening_hours(self):
        def check(unit):
            values = [unit[f"hours_{day}"] for day in DAYS]
            assert any(values), "open at least one day"
            for value in values:
                assert value == "" or HOURS.match(value), value

        check_each(units.UNITS, check)

    def test_office_hours(self):
        office = UNIT_BY_ID[units.OFFICE]
        assert office["hours_monday"] == "8:00–17:00"
        assert office["hours_tuesday"] == office["hours_wednesday"] == office["hours_thursday"] == "7:30–15:30"
        assert office["hours_friday"] == "7:30–14:00"
        assert office["hours_saturday"] == office["hours_sunday"] == ""


class TestServiceData:
    def test_count(self):
        assert len(services.SERVICES) >= 60

    def test_ids_unique(self):
        ids = [s["id"] for s in services.SERVICES]
        assert len(ids) == len(set(ids))

    def test_references(self):
        for service in services.SERVICES:
            assert service["responsible"] in UNIT_BY_ID, service["id"]
            assert service["location"] is None or service["location"] in UNIT_BY_ID, service["id"]
            for other in service["related"]:
                assert other in SERVICE_BY_ID, (service["id"], other)
                assert other != service["id"]

    def test_every_audience_is_served(self):
        counts = Counter(a for s in services.SERVICES for a in s["audience"])
        assert set(counts) == AUDIENCES
        assert min(counts.values()) >= 15
        assert sum(1 for s in services.SERVICES if len(s["audience"]) > 1) >= 10

    def test_categories(self):
        categories = {s["category"] for s in services.SERVICES}
        assert categories <= CATEGORIES
        assert len(categories) >= 10

    def test_card(self):
        def check(service):
            assert service["audience"] and set(service["audience"]) <= AUDIENCES
            assert service["title"] and service["description"]
            assert service["eligibility"] and service["required_documents"]
            assert service["handling_deadline"]
            assert service["submission_channels"] and set(service["submission_channels"]) <= CHANNELS
            assert len(set(service["submission_channels"])) == len(service["submission_channels"])
            date.fromisoformat(service["last_review"])
            assert service["last_review"] <= REFERENCE_DAY.isoformat()

        check_each(services.SERVICES, check)

    def test_fee(self):
        def check(service):
            if service["fee_free"]:
                assert service["fee_amount"] is None
            else:
                assert re.match(r"^\d+\.\d{2}$", service["fee_amount"]), service["fee_amount"]
                assert Decimal(service["fee_amount"]) > 0
                assert service["fee_payment"]

        check_each(services.SERVICES, check)

    def test_known_fees(self):
        """Amounts fixed by law (opłata skarbowa and the acts on the cards)."""
        expected = {
            "zaswiadczenie-o-zameldowaniu": "17.00",
            "rejestracja-pojazdu": "180.50",
            "prawo-jazdy": "100.50",
            "karta-parkingowa": "21.00",
            "odpis-aktu-stanu-cywilnego": "22.00",
            "zawarcie-malzenstwa": "84.00",
            "zaswiadczenie-o-niezaleganiu": "21.00",
            "warunki-zabudowy": "598.00",
            "impreza-masowa": "82.00",
        }
        for id_, amount in expected.items():
            assert SERVICE_BY_ID[id_]["fee_amount"] == amount, id_
        for id_ in ("dowod-osobisty", "zameldowanie-na-pobyt-staly", "wpis-do-ceidg", "informacja-publiczna"):
            assert SERVICE_BY_ID[id_]["fee_free"], id_

    def test_online(self):
        def check(service):
            online = "online" in service["submission_channels"]
            assert bool(service["online_url"]) == online
            if online:
                assert service["online_url"].startswith("https://")
                assert " " not in service["online_url"]

        check_each(services.SERVICES, check)

    def test_legal_basis(self):
        def check(service):
            lines = service["legal_basis"].splitlines()
            assert lines
            for line in lines:
                assert line.startswith(LEGAL_LINE_STARTS), line
                if line.startswith("Ustawa z dnia"):
                    assert re.search(r"\(Dz\.U\. z \d{4} r\. poz\. \d+", line), line

        check_each(services.SERVICES, check)

    def test_information_request_is_answered_in_14_days(self):
        assert "14 dni" in SERVICE_BY_ID["informacja-publiczna"]["handling_deadline"]

    def test_stale_and_fresh(self):
        reviews = [date.fromisoformat(s["last_review"]) for s in services.SERVICES]
        stale = [d for d in reviews if d < STALE_BEFORE]
        assert len(stale) >= 1
        assert len(reviews) - len(stale) > 0.8 * len(reviews), "most cards reviewed within 12 months"

    def test_suspended(self):
        suspended = [s for s in services.SERVICES if s["suspended"]]
        assert len(suspended) >= 2
        for service in services.SERVICES:
            if service["suspended"]:
                assert len(service["suspension_reason"]) > 30
            else:
                assert not service["suspension_reason"]

    def test_polish_text(self):
        text = " ".join(
            str(v) for item in units.UNITS + services.SERVICES for v in item.values() if isinstance(v, str)
        )
        assert "lorem" not in text.lower()
        assert set("ąćęłńóśźż") <= set(text)


# ====================================================================== integration (demo profile applied)


def _apply_demo(portal):
    with api.env.adopt_roles(["Manager"]):
        portal.portal_setup.runAllImportStepsFromProfile("profile-ezabrze.policy:demo")


@pytest.fixture
def demo_portal(portal):
    _apply_demo(portal)
    return portal


@pytest.fixture(scope="class")
def demo(portal_class):
    _apply_demo(portal_class)
    return portal_class


def _units(portal):
    return portal["dla-mieszkancow"]["jednostki"]


def _services(portal):
    return portal["dla-mieszkancow"]["uslugi"]


def _objects(folder, portal_type):
    return [obj for obj in folder.objectValues() if obj.portal_type == portal_type]


class TestDemoContent:
    def test_folders(self, demo):
        assert _units(demo).title == "Urząd i jednostki organizacyjne"
        assert _services(demo).title == "Katalog e-usług"
        for folder in (_units(demo), _services(demo)):
            assert api.content.get_state(folder) == "published"

    def test_counts(self, demo):
        assert len(_objects(_units(demo), "OrganizationalUnit")) == len(units.UNITS) >= 25
        assert len(_objects(_services(demo), "Service")) == len(services.SERVICES) >= 60
        catalog = api.portal.get_tool("portal_catalog")
        assert len(catalog(portal_type="OrganizationalUnit")) == len(units.UNITS)
        assert len(catalog(portal_type="Service")) == len(services.SERVICES)

    def test_all_published(self, demo):
        for obj in _objects(_units(demo), "OrganizationalUnit") + _objects(_services(demo), "Service"):
            assert api.content.get_state(obj) == "published", obj.getId()

    def test_unit_fields(self, demo):
        office = _units(demo)[units.OFFICE]
        assert office.title == "Urząd Miejski w Zabrzu"
        assert office.unit_kind == "office"
        assert office.street == "ul. Powstańców Śląskich 5-7"
        assert office.postal_code == "41-800"
        assert office.city == "Zabrze"
        assert office.epuap_box == "/UMZabrze/SkrytkaESP"
        assert office.hours_monday == "8:00–17:00" and office.hours_friday == "7:30–14:00"
        assert "SEKAP" in office.text.raw
        for unit in _objects(_units(demo), "OrganizationalUnit"):
            assert POSTAL_CODE.match(unit.postal_code), unit.getId()
            assert LAT[0] <= unit.latitude <= LAT[1] and LON[0] <= unit.longitude <= LON[1], unit.getId()

    def test_parent_relations(self, demo):
        folder = _units(demo)
        office = folder[units.OFFICE]
        for data in units.UNITS:
            unit = folder[data["id"]]
            if data["parent"]:
                assert unit.parent_unit.to_object == folder[data["parent"]], data["id"]
            else:
                assert getattr(unit, "parent_unit", None) is None
        # sub-units are found by back-relation (relation catalog)
        children = {rel.from_object.getId() for rel in api.relation.get(target=office, relationship="parent_unit")}
        expected = {u["id"] for u in units.UNITS if u["parent"] == units.OFFICE}
        assert children == expected

    def test_service_fields(self, demo):
        folder = _services(demo)
        card = folder["rejestracja-pojazdu"]
        assert card.fee_free is False
        assert card.fee_amount == Decimal("180.50")
        assert card.audience == ["residents", "businesses"]
        assert card.category == "komunikacja-i-transport"
        assert card.last_review == date(2026, 11, 3)
        assert "online" in card.submission_channels and card.online_url.startswith("https://")
        assert "Prawo o ruchu drogowym" in card.legal_basis
        free = folder["dowod-osobisty"]
        assert free.fee_free is True and free.fee_amount is None

    def test_every_service_has_a_responsible_unit(self, demo):
        unit_folder = _units(demo)
        for data in services.SERVICES:
            card = _services(demo)[data["id"]]
            unit = card.responsible_unit.to_object
            assert unit is not None and unit.portal_type == "OrganizationalUnit", data["id"]
            assert unit == unit_folder[data["responsible"]]
            if data["location"]:
                assert card.location_unit.to_object == unit_folder[data["location"]]

    def test_related_services(self, demo):
        folder = _services(demo)
        for data in services.SERVICES:
            targets = [rel.to_object for rel in folder[data["id"]].related_services or ()]
            assert [t.getId() for t in targets] == list(data["related"]), data["id"]

    def test_audiences_and_categories_in_catalog(self, demo):
        catalog = api.portal.get_tool("portal_catalog")
        for audience in AUDIENCES:
            assert len(catalog(portal_type="Service", catalogue_audience=audience)) >= 15, audience
        categories = {b.catalogue_category for b in catalog(portal_type="Service")}
        assert len(categories) >= 10

    def test_stale_and_suspended(self, demo):
        cards = _objects(_services(demo), "Service")
        assert sum(1 for c in cards if c.last_review < STALE_BEFORE) >= 1
        suspended = [c for c in cards if c.suspended]
        assert len(suspended) >= 2
        assert all(c.suspension_reason for c in suspended)


def test_demo_is_idempotent(demo_portal):
    before_units = sorted(_units(demo_portal).objectIds())
    before_services = sorted(_services(demo_portal).objectIds())
    _apply_demo(demo_portal)
    with api.env.adopt_roles(["Manager"]):
        assert units.create(demo_portal) == []
        assert services.create(demo_portal) == []
    assert sorted(_units(demo_portal).objectIds()) == before_units
    assert sorted(_services(demo_portal).objectIds()) == before_services


def test_demo_keeps_edits_and_restores_deleted_items(demo_portal):
    folder = _services(demo_portal)
    with api.env.adopt_roles(["Manager"]):
        folder["licencja-taxi"].title = "Licencja taxi (zmieniono ręcznie)"
        api.content.delete(folder["karta-biblioteczna"])
        created = services.create(demo_portal)
    assert [obj.getId() for obj in created] == ["karta-biblioteczna"]
    assert folder["licencja-taxi"].title == "Licencja taxi (zmieniono ręcznie)"
    restored = folder["karta-biblioteczna"]
    assert api.content.get_state(restored) == "published"
    assert restored.responsible_unit.to_object == _units(demo_portal)["biblioteka"]
