from plone import api


def unit_modified(unit, event):
    """Services keep the unit's title in their metadata and full text: refresh them when the unit changes."""
    uid = unit.UID()
    catalog = api.portal.get_tool("portal_catalog")
    seen = set()
    for index in ("catalogue_responsible_unit_uid", "catalogue_location_unit_uid"):
        for brain in catalog.unrestrictedSearchResults(portal_type="Service", **{index: uid}):
            if brain.getPath() in seen:
                continue
            seen.add(brain.getPath())
            brain._unrestrictedGetObject().reindexObject(idxs=["SearchableText", "catalogue_responsible_unit_uid"])
