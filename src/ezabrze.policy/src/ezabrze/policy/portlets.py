"""Portlet assignments get their settings when the site is set up, not when a visitor first sees them.

plone.portlets creates the settings annotation of an assignment (``IPortletAssignmentSettings``) lazily, on
the first render of a page that shows it: a write during a GET. After a (re)start, the first concurrent page
views all made that same write and all but one ended in a ZODB ConflictError (retried by Zope after a
back-off sleep). Creating the settings at install time removes the write from the visitors' path.
"""

from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletAssignmentSettings
from plone.portlets.interfaces import IPortletManager
from zope.component import getUtilitiesFor
from zope.component import queryMultiAdapter


def prepare_assignment_settings(context):
    """Create the settings of every portlet assigned directly to ``context``; return how many were new."""
    created = 0
    for _name, manager in getUtilitiesFor(IPortletManager):
        mapping = queryMultiAdapter((context, manager), IPortletAssignmentMapping)
        if mapping is None:
            continue
        for assignment in mapping.values():
            annotations = getattr(assignment, "__annotations__", None)
            had = annotations is not None and len(annotations) > 0
            IPortletAssignmentSettings(assignment)  # creates and stores them when missing
            created += 0 if had else 1
    return created
