"""1000 -> 1001: cases leave the catalog's full-text indexes (see ezabrze.policy.cases.content).

Cases submitted before this version were indexed in SearchableText (their sign), Title (their sign) and
Description (their form's title). New cases are not; this step removes the old entries. Nothing else of the
catalog changes: the cases keep every other index and their metadata.
"""

from ezabrze.policy.cases import CASE_TYPE
from ezabrze.policy.cases.content import FULL_TEXT_INDEXES
from plone import api

import logging


logger = logging.getLogger("ezabrze.policy.upgrades")


def remove_cases_from_full_text(context):
    catalog = api.portal.get_tool("portal_catalog")
    indexes = [catalog._catalog.getIndex(name) for name in FULL_TEXT_INDEXES if name in catalog.indexes()]
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=CASE_TYPE):
        for index in indexes:
            index.unindex_object(brain.getRID())
        count += 1
    logger.info("%d cases taken out of the full-text indexes %s", count, sorted(FULL_TEXT_INDEXES))


def prepare_portlet_settings(context):
    """The site root's portlets get their settings now, not on a visitor's first page view."""
    from ezabrze.policy import portlets

    created = portlets.prepare_assignment_settings(api.portal.get())
    logger.info("Settings created for %d portlet assignments of the site root", created)
