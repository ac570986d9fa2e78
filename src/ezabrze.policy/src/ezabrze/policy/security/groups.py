"""Every unit has its case group ``unit-<id>`` from the start (install, demo import, a new unit, upgrade 1004),
so staff can be assigned before the unit's first case (the group gives the local role CaseHandler)."""

UNIT_TYPE = "OrganizationalUnit"


def unit_added(obj, event):
    """IObjectAddedEvent of any content: a new unit gets its case group at once."""
    if getattr(obj, "portal_type", None) != UNIT_TYPE:
        return
    from ezabrze.policy.cases.api import ensure_unit_group

    ensure_unit_group(obj.getId(), obj.Title())


def create_all_unit_groups(context=None):
    """Upgrade step (and install): a group for every existing unit."""
    from ezabrze.policy.cases.setup import create_unit_groups
    from plone import api

    create_unit_groups(api.portal.get())
