"""The data files of the demo content (ezabrze.policy.demo, demo/data/*.json) and their one loader."""

from collections import Counter
from datetime import date
from datetime import datetime
from ezabrze.policy import demo
from ezabrze.policy.councils import DISTRICTS
from ezabrze.policy.councils.content import councils as council_folders
from plone import api
from plone.dexterity.utils import iterSchemata
from string import Template
from zope.schema import getFieldsInOrder

import json
import pytest
import re


DATA_FILES = ("councils.json", "intranet.json", "news.json", "services.json", "units.json")
PLACEHOLDER = re.compile(r"\$\{?(\w+)")
COUNCIL_PLACEHOLDERS = {"district", "place", "seat"}


def _ids(records):
    return [record["id"] for record in records]


# ====================================================================== the files (no Plone needed)


def test_every_data_file_is_read_by_the_loader():
    files = sorted(path.name for path in demo.DATA.glob("*.json"))
    assert files == sorted(DATA_FILES)
    for name in files:
        assert isinstance(demo.read(name), dict), name


def test_no_python_literals_left_in_the_demo_package():
    package = demo.DATA.parent
    assert sorted(path.name for path in package.glob("*.py")) == ["__init__.py"]


@pytest.mark.parametrize(
    "records",
    [
        demo.units.UNITS,
        demo.services.SERVICES,
        demo.news.data["news"],
        demo.councils.data["notices"],
        demo.intranet.data["staff"],
        demo.intranet.data["news"],
    ],
    ids=["units", "services", "news", "notices", "staff", "intranet-news"],
)
def test_ids_are_unique_and_valid(records):
    ids = _ids(records)
    assert ids and len(ids) == len(set(ids))
    for id_ in ids:
        assert re.match(r"^[a-z0-9][a-z0-9-]*$", id_), id_


def test_every_unit_has_the_same_fields():
    keys = set(demo.units.UNITS[0])
    for unit in demo.units.UNITS:
        assert set(unit) == keys, unit["id"]
    assert demo.units.OFFICE in _ids(demo.units.UNITS)


def test_unit_parents_exist_and_have_no_cycle():
    parents = {unit["id"]: unit["parent"] for unit in demo.units.UNITS}
    for id_ in parents:
        seen = {id_}
        parent = parents[id_]
        while parent:
            assert parent in parents, (id_, parent)
            assert parent not in seen, f"cycle through {id_}"
            seen.add(parent)
            parent = parents[parent]


def test_services_point_to_existing_units_and_services():
    unit_ids = set(_ids(demo.units.UNITS))
    service_ids = set(_ids(demo.services.SERVICES))
    for service in demo.services.data["services"]:
        assert service["responsible"] in unit_ids, service["id"]
        assert service["location"] is None or service["location"] in unit_ids, service["id"]
        assert set(service["related"]) <= service_ids - {service["id"]}, service["id"]


def test_service_lines_are_lists_in_the_file_and_text_on_the_card():
    for raw, record in zip(demo.services.data["services"], demo.services.SERVICES, strict=True):
        for key in demo.services.LINES:
            assert isinstance(raw[key], list) and raw[key], (raw["id"], key)
            assert all(line.strip() and "\n" not in line for line in raw[key]), (raw["id"], key)
            assert record[key].splitlines() == raw[key]


def test_service_fees_and_review_dates_are_parseable():
    for service in demo.services.SERVICES:
        values = demo.services.field_values(service)
        assert isinstance(values["last_review"], date)
        assert (values["fee_amount"] is None) == service["fee_free"], service["id"]


def test_news_effective_dates():
    for item in demo.news.data["news"]:
        assert datetime.fromisoformat(item["effective"]).tzinfo is None, item["id"]
        assert item["text"].startswith("<p>")


def test_council_templates_use_only_known_placeholders_and_date_offsets():
    data = demo.councils.data
    assert set(data["places"]) <= {id_ for id_, _name, _seat in DISTRICTS}
    for template in data["notices"]:
        for key, value in template.items():
            if key in demo.councils.DATES:
                assert set(value) <= {"days_from_today", "hour"} and isinstance(value["days_from_today"], int)
            else:
                assert set(PLACEHOLDER.findall(value)) <= COUNCIL_PLACEHOLDERS, (template["id"], key)
                Template(value).substitute(district="x", place="y", seat="z")
        assert template["notice_category"] in {"meeting", "announcement", "resolution", "event"}
        assert ("meeting_start" in template) == (template["notice_category"] == "meeting"), template["id"]


class FakeCouncil:
    district = "Rokitnica <Północ> & Co"
    seat = None

    def getId(self):
        return "rokitnica"


def test_council_notices_are_filled_in_for_the_council():
    today = date(2026, 3, 1)
    notices = {notice["id"]: notice for notice in demo.councils.notices(FakeCouncil(), today)}
    meeting = notices["posiedzenie-rady"]
    # plain fields keep the name, HTML gets it escaped
    assert meeting["title"] == "Posiedzenie Rady Dzielnicy Rokitnica <Północ> & Co"
    assert "Rady Dzielnicy Rokitnica &lt;Północ&gt; &amp; Co zwołuje" in meeting["text"]
    assert meeting["meeting_place"] == demo.councils.data["places"]["rokitnica"]
    assert meeting["valid_from"] == date(2026, 2, 26)
    assert meeting["valid_until"] == date(2026, 3, 10)
    assert meeting["meeting_start"] == datetime(2026, 3, 10, 17)
    assert meeting["meeting_end"] == datetime(2026, 3, 10, 19)
    # no seat: the meeting place stands in for it
    assert f"w siedzibie rady ({meeting['meeting_place']})" in notices["dyzur-radnych"]["text"]
    assert "${" not in json.dumps(list(notices.values()), default=str)


# ====================================================================== the loader (demo profile applied)


def _apply_demo(portal):
    with api.env.adopt_roles(["Manager"]):
        portal.portal_setup.runAllImportStepsFromProfile("profile-ezabrze.policy:demo")


def _inventory(portal):
    """Every object of the site: path -> (portal type, review state, modification time)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(path="/".join(portal.getPhysicalPath()))
    return {brain.getPath(): (brain.portal_type, brain.review_state, brain.modified) for brain in brains}


def _relations(portal):
    names = ("parent_unit", "responsible_unit", "location_unit", "related_services")
    return sorted(
        (relation.from_path, relation.from_attribute, relation.to_path)
        for name in names
        for relation in api.relation.get(relationship=name, unrestricted=True)
    )


def test_demo_profile_twice_changes_nothing(portal):
    _apply_demo(portal)
    before, relations = _inventory(portal), _relations(portal)
    _apply_demo(portal)
    assert _inventory(portal) == before
    assert _relations(portal) == relations
    # no duplicates: one object per record of the data files
    counts = Counter(portal_type for portal_type, _state, _modified in before.values())
    assert counts["OrganizationalUnit"] == len(demo.units.UNITS)
    assert counts["Service"] == len(demo.services.SERVICES)
    assert counts["Notice"] == len(council_folders(portal)) * len(demo.councils.data["notices"]) > 0
    assert counts["StaffMember"] == len(demo.intranet.data["staff"])
    news = len(demo.news.data["news"]) + len(demo.intranet.data["news"])
    assert counts["News Item"] == news


def test_demo_objects_match_the_data_files(portal):
    _apply_demo(portal)
    units = portal["dla-mieszkancow"]["jednostki"]
    services = portal["dla-mieszkancow"]["uslugi"]
    # same order as the files
    assert [id_ for id_ in units.objectIds() if id_ in set(_ids(demo.units.UNITS))] == _ids(demo.units.UNITS)
    assert list(services.objectIds()) == _ids(demo.services.SERVICES)
    assert list(portal["aktualnosci"].objectIds()) == _ids(demo.news.data["news"])
    for council in council_folders(portal):
        assert list(council.objectIds()) == _ids(demo.councils.data["notices"]), council.getId()
    directory = portal["intranet"]["pracownicy"]
    assert list(directory.objectIds()) == _ids(demo.intranet.data["staff"])
    assert api.content.get_state(portal["intranet"]["szkolenie-epuap"]) != "published"


def test_every_demo_value_is_valid_for_its_field(portal):
    """Schema check of the data: each value the loader stored passes the validation of its field."""
    _apply_demo(portal)
    catalog = api.portal.get_tool("portal_catalog")
    types = ("OrganizationalUnit", "Service", "Notice", "StaffMember", "News Item")
    failures = []
    for brain in catalog.unrestrictedSearchResults(portal_type=types):
        obj = brain._unrestrictedGetObject()
        for schema in iterSchemata(obj):
            fields = schema(obj)  # the behaviour's adapter (or the item itself for its own schema)
            for name, field in getFieldsInOrder(schema):
                value = getattr(fields, name, None)
                if value is None or field.readonly:
                    continue
                try:
                    field.bind(obj).validate(value)
                except Exception as error:  # noqa: BLE001 - every kind of validation error is reported
                    failures.append(f"{brain.getPath()} {name}: {error!r}")
    assert not failures, "\n".join(failures[:20])

