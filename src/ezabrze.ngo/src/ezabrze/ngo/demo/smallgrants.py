"""Demo small grants (data/smallgrants.json): offers outside a competition in their 7-day comment period. Each is
created and submitted through the real rules, then published; the publication time is moved a few days back
(demo data only: the clock is never changed) so the page shows the remaining time and the first comments."""

from datetime import timedelta
from ezabrze.ngo import clock
from ezabrze.ngo.competitions.vocabularies import STATEMENTS
from ezabrze.ngo.smallgrants import rules
from ezabrze.ngo.smallgrants.setup import folder as small_grants_folder
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api

import logging
import uuid


logger = logging.getLogger("ezabrze.ngo.demo")


def load(items, orgs):
    folder = small_grants_folder()
    now = clock.now().replace(microsecond=0)
    today = clock.local(now).date()
    for data in items:
        if data["id"] in folder:
            continue
        org = orgs[data["organization"]]
        start = today + timedelta(days=data["task_start_days"])
        item = api.content.create(
            container=folder, type="SmallGrant", id=data["id"], title=data["title"],
            contact_person=data["contact_person"], task_start=start,
            task_end=start + timedelta(days=data["task_days"] - 1), task_description=data["task_description"],
            task_place=data["task_place"], expected_results=data["expected_results"], costs=data["costs"],
            statements=[value for value, _title in STATEMENTS],
        )
        item.organization_uid = api.content.get_uuid(org)
        problems = rules.problems(item)
        if problems:
            raise ValueError(f"Demo small grant {data['id']}: {problems}")
        published = now - timedelta(days=data["published_days_ago"])
        api.content.transition(item, transition="submit")
        item.submitted, item.submitted_by = published - timedelta(days=1), "demo"
        api.content.transition(item, transition="publish")
        item.published = published
        item.comments = PersistentList(
            PersistentMapping({"id": uuid.uuid4().hex[:12], "date": now - timedelta(hours=c["hours_ago"]),
                               "name": c["name"], "text": c["text"], "userid": None})
            for c in data.get("comments", ()))
        item.reindexObject()
        logger.info("Demo small grant %s", data["id"])

