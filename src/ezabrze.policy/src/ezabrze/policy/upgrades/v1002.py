"""1001 -> 1002: the code is laid out one folder per feature.

- Catalog indexes and metadata columns carry their feature's prefix (`catalogue_audience`, not `audience`;
  `notice_meeting_start`), so the NGO types cannot clash with them: the new ones are added and filled, the old
  ones removed. Queries of headless consumers change the same way (see docs/catalogue-contract.md).
- The types point to the classes and schemas at their new module paths, and Plone's Document, News Item and
  Event declare the BIP metadata behaviour in their XML (it used to be added in Python at install).
- Links point to the Polish view names (`tablica-ogloszen`, `moja-praca`, ...); the old names stay registered.
Content is not touched: old module paths stay importable (ezabrze.policy.moved_modules).
"""

from plone import api

import logging


logger = logging.getLogger("ezabrze.policy.upgrades")

PROFILE = "profile-ezabrze.policy:default"

# old name -> new name, for indexes and metadata columns
RENAMED = {
    "audience": "catalogue_audience",
    "category": "catalogue_category",
    "responsible_unit_uid": "catalogue_responsible_unit_uid",
    "location_unit_uid": "catalogue_location_unit_uid",
    "parent_unit_uid": "catalogue_parent_unit_uid",
    "online_available": "catalogue_online_available",
    "last_review": "catalogue_last_review",
    "unit_kind": "catalogue_unit_kind",
    "suspended": "catalogue_suspended",
    "responsible_unit_title": "catalogue_responsible_unit_title",
    "meeting_start": "notice_meeting_start",
}
# the types whose objects the renamed indexes and columns describe
INDEXED_TYPES = ("Service", "OrganizationalUnit", "Notice")


def rename_catalog_indexes(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "catalog", run_dependencies=False)
    catalog = api.portal.get_tool("portal_catalog")
    new_indexes = [new for new in RENAMED.values() if new in catalog.indexes()]
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=list(INDEXED_TYPES)):
        obj = brain._unrestrictedGetObject()
        # idxs given: only these indexes are filled, the metadata (with the new columns) are updated too
        catalog.catalog_object(obj, brain.getPath(), idxs=new_indexes, update_metadata=True)
        count += 1
    for old in RENAMED:
        if old in catalog.indexes():
            catalog.delIndex(old)
        if old in catalog.schema():
            catalog.delColumn(old)
    logger.info("Catalog indexes renamed with their feature's prefix; %d items reindexed", count)


def update_types(context):
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "typeinfo", run_dependencies=False)
    logger.info("Types point to the feature folders; Document, News Item and Event carry the BIP metadata")


def polish_view_names(context):
    """Links point to the Polish view names (package README "View names"); the old names keep working."""
    from ezabrze.policy.councils import SECTION_ID

    setup = api.portal.get_tool("portal_setup")
    for step in ("actions", "workflow"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    section = api.portal.get().get(SECTION_ID)
    if section is not None and section.getLayout() == "notice-board":
        section.setLayout("tablica-ogloszen")
    logger.info("Actions, workflow actions and the councils' section use the Polish view names")
