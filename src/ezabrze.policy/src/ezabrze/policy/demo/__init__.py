"""Demo content of the city of Zabrze: one loader over the data files in `data/` (idempotent: safe to run twice).

Each data file holds one part of the portal. The loader creates the items that are missing (same ids, in the
order of the file), sets the relations of the new items and publishes them. Existing items are kept as they are
(editors may have changed them); an item that was deleted comes back the next time the demo profile runs.

- `news.json`: news items of "Aktualności"; `effective` is a local time in the file's `timezone`;
- `units.json`: departments of the office and municipal units (docs/catalogue-contract.md), `parent` = the id
  of another unit (the parent_unit relation);
- `services.json`: service cards (docs/catalogue-contract.md); `responsible` and `location` = unit ids,
  `related` = service ids, `fee_amount` as "17.00" (null = free), `last_review` as "YYYY-MM-DD",
  `required_documents` and `legal_basis` one list item per line of the card;
- `councils.json`: the notices every district council gets; `${district}`, `${place}` (where the council meets:
  `places`, else its seat) and `${seat}` (its seat, else the place) are filled in from the council; dates are
  `{"days_from_today": n}` (a date) or `{"days_from_today": n, "hour": h}` (a time), counted from the day the
  demo is installed, so a fresh site always has current and expired notices;
- `intranet.json`: the staff directory and an internal news item (staff only: never published).
"""

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from decimal import Decimal
from ezabrze.policy.councils.content import councils as council_folders
from ezabrze.policy.intranet import DIRECTORY_ID
from ezabrze.policy.intranet.content import intranet_folder
from ezabrze.policy.utils import ensure
from ezabrze.policy.utils import publish
from ezabrze.policy.utils import rich_text
from functools import cached_property
from pathlib import Path
from plone import api
from plone.app.relationfield.event import update_behavior_relations
from string import Template
from z3c.relationfield import RelationValue
from z3c.relationfield.event import updateRelations
from zoneinfo import ZoneInfo
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import html
import json
import logging


logger = logging.getLogger("ezabrze.policy")

DATA = Path(__file__).parent / "data"


def read(name):
    """The content of the data file `name` in demo/data."""
    with (DATA / name).open(encoding="utf-8") as data_file:
        return json.load(data_file)


def install_demo(context):
    """Post handler of the demo profile."""
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        _create_all(portal)


def _create_all(portal):
    news.create(portal)
    units.create(portal)  # before the services: they point to the units
    services.create(portal)
    councils.create(portal)
    intranet.create(portal)
    # The strategy portfolio and the network registry keep their data files in their own feature folders.
    from ezabrze.policy.network import setup as network_setup
    from ezabrze.policy.strategy import setup as strategy_setup

    strategy_setup.load_demo(portal)  # after the services and units: the SEKAP projects link them
    network_setup.load_demo(portal)  # after the strategies: nodes name the projects that built them


# ---------------------------------------------------------------------------------------------- shared steps


def _field_values(record, skip):
    """The fields of a record as keyword arguments of api.content.create.

    Dexterity's constructor stores every keyword as a plain attribute, so a field the type does not declare
    (yet) is still stored under its contract name instead of being dropped, and the initial CMFEditions
    version already holds the content. `text` becomes a RichTextValue (an empty text: no value).
    """
    values = {key: value for key, value in record.items() if key not in skip}
    text = values.get("text")
    if isinstance(text, str):
        values["text"] = rich_text(text) if text.strip() else None
    return values


def _catalogue_folder(portal, spec):
    """The catalogue folder of a data file (created and published when missing)."""
    folder = ensure(portal[spec["section"]], "Folder", spec["id"], spec["title"], spec["description"])
    publish(folder)
    return folder


def _relation(target):
    return RelationValue(getUtility(IIntIds).getId(target))


def _set_relation(obj, name, target):
    if target is None:
        logger.warning("%s: target of %s is missing", "/".join(obj.getPhysicalPath()), name)
        return
    setattr(obj, name, _relation(target))


def _set_relation_list(obj, name, targets):
    setattr(obj, name, [_relation(target) for target in targets if target is not None])


def _finish(obj):
    """Register the relations in the relation catalog, reindex, publish.

    These are the relation handlers an IObjectModifiedEvent would run (z3c.relationfield for schema fields,
    plone.app.relationfield for behavior fields). The event itself is not sent: for a versioned type it would
    store a second CMFEditions version of every freshly created item, which doubles the time the demo profile
    takes, and nothing else listens for the modification of brand-new content.
    """
    updateRelations(obj, None)
    update_behavior_relations(obj, None)
    obj.reindexObject()
    publish(obj)


def _day(spec, today):
    """A date of councils.json ({"days_from_today": n}) or a time ({"days_from_today": n, "hour": h})."""
    if spec is None:
        return None
    day = today + timedelta(days=spec["days_from_today"])
    if "hour" in spec:
        return datetime.combine(day, time(hour=spec["hour"]))
    return day


# ---------------------------------------------------------------------------------------------- the data files


class News:
    """News items of "Aktualności" (news.json)."""

    @cached_property
    def data(self):
        return read("news.json")

    def create(self, portal):
        folder = portal[self.data["folder"]]
        zone = ZoneInfo(self.data["timezone"])
        for record in self.data["news"]:
            if record["id"] in folder:
                continue
            item = api.content.create(
                container=folder,
                type="News Item",
                id=record["id"],
                title=record["title"],
                description=record["description"],
                text=rich_text(record["text"]),
            )
            item.setEffectiveDate(datetime.fromisoformat(record["effective"]).replace(tzinfo=zone))
            publish(item)
            item.reindexObject()


class Units:
    """Departments of Urząd Miejski w Zabrzu and the municipal units (units.json) in /dla-mieszkancow/jednostki.

    `UNITS`: one dict per unit with the OrganizationalUnit fields plus `id` and `parent`; `OFFICE`: the id of
    the office (the parent of its departments).
    """

    SKIP = ("id", "title", "description", "parent")

    @cached_property
    def data(self):
        return read("units.json")

    @property
    def folder(self):
        return self.data["folder"]

    @property
    def OFFICE(self):
        return self.data["office"]

    @cached_property
    def UNITS(self):
        return tuple(self.data["units"])

    def create(self, portal):
        """Create the units that are missing, set parent relations of the new ones, publish. Returns the new."""
        folder = _catalogue_folder(portal, self.folder)
        created = []
        for record in self.UNITS:
            if record["id"] in folder.objectIds():
                continue
            obj = api.content.create(
                container=folder,
                type="OrganizationalUnit",
                id=record["id"],
                title=record["title"],
                description=record["description"],
                **_field_values(record, self.SKIP),
            )
            created.append((obj, record))
        for obj, record in created:
            if record["parent"]:
                _set_relation(obj, "parent_unit", folder.get(record["parent"]))
            _finish(obj)
        if created:
            logger.info("Created %d demo organizational units", len(created))
        return [obj for obj, _ in created]


class Services:
    """The catalogue of services, karty usług (services.json) in /dla-mieszkancow/uslugi.

    `SERVICES`: one dict per card with the Service fields plus `id`, `responsible`, `location` (unit ids) and
    `related` (service ids); `fee_amount` is a string ("17.00") and `last_review` "YYYY-MM-DD" as in the file,
    `required_documents` and `legal_basis` are the text of the card (one line per item of the file's lists).
    Fees, deadlines and legal bases follow the law in force in 2026.
    """

    SKIP = ("id", "title", "description", "responsible", "location", "related")
    LINES = ("required_documents", "legal_basis")

    @cached_property
    def data(self):
        return read("services.json")

    @property
    def folder(self):
        return self.data["folder"]

    @cached_property
    def SERVICES(self):
        return tuple(
            {**record, **{key: "\n".join(record[key]) for key in self.LINES}} for record in self.data["services"]
        )

    def field_values(self, record):
        """The stored values of one card: Decimal fee, date of review, None for empty."""
        values = _field_values(record, self.SKIP)
        values["fee_amount"] = Decimal(record["fee_amount"]) if record["fee_amount"] else None
        values["last_review"] = date.fromisoformat(record["last_review"])
        values["online_url"] = record["online_url"] or None
        values["suspension_reason"] = record["suspension_reason"] or None
        return values

    def create(self, portal):
        """Create the missing services, then (second pass) their relations to units and services. Returns the new."""
        folder = _catalogue_folder(portal, self.folder)
        unit_folder = _catalogue_folder(portal, units.folder)
        created = []
        for record in self.SERVICES:
            if record["id"] in folder.objectIds():
                continue
            obj = api.content.create(
                container=folder,
                type="Service",
                id=record["id"],
                title=record["title"],
                description=record["description"],
                **self.field_values(record),
            )
            created.append((obj, record))
        for obj, record in created:
            _set_relation(obj, "responsible_unit", unit_folder.get(record["responsible"]))
            if record["location"]:
                _set_relation(obj, "location_unit", unit_folder.get(record["location"]))
            _set_relation_list(obj, "related_services", [folder.get(id_) for id_ in record["related"]])
            _finish(obj)
        if created:
            logger.info("Created %d demo services", len(created))
        return [obj for obj, _ in created]


class Councils:
    """Notices of the district councils (councils.json): every council gets a coming meeting (date, time and
    place), a current announcement, a resolution, an event and an expired meeting (in the archive)."""

    DATES = ("valid_from", "valid_until", "meeting_start", "meeting_end")

    @cached_property
    def data(self):
        return read("councils.json")

    def notices(self, council, today):
        """The notices of one council: the templates of the file filled in for it, dates counted from `today`."""
        place = self.data["places"].get(council.getId(), council.seat or self.data["default_place"])
        names = {"district": council.district, "place": place, "seat": council.seat or place}
        html_names = {key: html.escape(value, quote=False) for key, value in names.items()}
        for template in self.data["notices"]:
            notice = {}
            for key, value in template.items():
                if key in self.DATES:
                    notice[key] = _day(value, today)
                elif key == "text":
                    notice[key] = Template(value).substitute(html_names)
                else:
                    notice[key] = Template(value).substitute(names)
            yield notice

    def create(self, portal, today=None):
        today = today or date.today()
        for council in council_folders(portal):
            for notice in self.notices(council, today):
                if notice["id"] in council.objectIds():
                    continue
                obj = api.content.create(
                    container=council,
                    type="Notice",
                    id=notice["id"],
                    title=notice["title"],
                    description=notice["description"],
                    text=rich_text(notice["text"]),
                    notice_category=notice["notice_category"],
                    valid_from=notice["valid_from"],
                    valid_until=notice["valid_until"],
                    meeting_start=notice.get("meeting_start"),
                    meeting_end=notice.get("meeting_end"),
                    meeting_place=notice.get("meeting_place"),
                    bip_prepared_by=council.Title(),
                    bip_responsible_person=Template(self.data["bip_responsible_person"]).substitute(
                        district=council.district
                    ),
                )
                publish(obj)
                obj.reindexObject()
        logger.info("Demo notices of the district councils are in place")


class Intranet:
    """The staff directory and internal news of the intranet (intranet.json); staff only, nothing published."""

    @cached_property
    def data(self):
        return read("intranet.json")

    def create(self, portal):
        folder = intranet_folder(portal)
        if folder is None:
            return
        directory = folder.get(DIRECTORY_ID)
        if directory is not None:
            for record in self.data["staff"]:
                if record["id"] not in directory.objectIds():
                    api.content.create(container=directory, type="StaffMember", **record)
        for record in self.data["news"]:
            if record["id"] not in folder.objectIds():
                api.content.create(
                    container=folder, type="News Item", **{**record, "text": rich_text(record["text"])}
                )


news = News()
units = Units()
services = Services()
councils = Councils()
intranet = Intranet()
