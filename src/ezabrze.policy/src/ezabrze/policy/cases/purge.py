"""Deleting cases and saved form submissions older than the retention period (registry, years).

Run daily by cron: ``bin/instance run scripts/purge_cases.py`` (see README, "Cases").
"""

from datetime import datetime
from ezabrze.policy.cases import api as cases_api
from ezabrze.policy.cases.content import WARSAW
from plone import api

import logging


logger = logging.getLogger("ezabrze.policy.cases")


def cutoff(years, now=None):
    now = now or datetime.now(WARSAW)
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def purge(portal, now=None, dry_run=False):
    """Delete what is older than the retention period; return (cases deleted, saved rows deleted)."""
    with api.env.adopt_roles(["Manager"]):
        return _purge(portal, now, dry_run)


def _purge(portal, now, dry_run):
    years = cases_api.setting("retention_years", 5) or 5
    limit = cutoff(years, now)
    deleted_cases = 0
    root = cases_api.cases_root(portal)
    if root is not None:
        for year_id in list(root.objectIds()):
            folder = root[year_id]
            doomed = []
            for case_id, case in list(folder.objectItems()):
                submitted = getattr(case, "submitted", None)
                if submitted is None:
                    submitted = case.created().asdatetime()
                if submitted < limit:
                    doomed.append(case_id)
            deleted_cases += len(doomed)
            if doomed and not dry_run:
                folder.manage_delObjects(list(doomed))  # OFS empties the list it is given
            if not dry_run and year_id.isdigit() and not folder.objectIds() and int(year_id) < limit.year:
                root.manage_delObjects([year_id])
    deleted_rows = 0
    limit_ms = int(limit.timestamp() * 1000)
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="EasyForm"):
        form = brain._unrestrictedGetObject()
        storage = getattr(form, "_inputStorage", None)
        if not storage:
            continue
        for _name, rows in list(storage.items()):
            old = [key for key in rows.keys() if key < limit_ms]
            if not dry_run:
                for key in old:
                    del rows[key]
            deleted_rows += len(old)
    logger.info(
        "Purge (retention %d years, before %s): %d cases, %d saved submissions%s",
        years, limit.date(), deleted_cases, deleted_rows, " (dry run)" if dry_run else "",
    )
    return deleted_cases, deleted_rows


