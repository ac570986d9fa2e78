"""Paths purged with an item besides its own (plone.app.caching purges the item's own URLs and views).

A changed service card must disappear from (or appear in) the catalogue, a notice from its council's board
and the city-wide board, anything from the home page: every folder above the item, up to and including
the site root, is purged with its listing views (``LISTING_VIEWS``). Purging a URL nobody cached costs
Varnish one ban, so no view is looked up here.
"""

from ezabrze.policy.caching import LISTING_VIEWS
from plone.dexterity.interfaces import IDexterityContent
from z3c.caching.interfaces import IPurgePaths
from zope.component import adapter
from zope.interface import implementer

import Acquisition


def folders_above(context):
    """The folders above ``context``, nearest first, up to and including the site root."""
    parent = Acquisition.aq_parent(Acquisition.aq_inner(context))
    while parent is not None and hasattr(parent, "getPhysicalPath"):
        if not "/".join(parent.getPhysicalPath()):  # the Zope application root
            break
        yield parent
        if getattr(parent, "portal_type", None) == "Plone Site":
            break
        parent = Acquisition.aq_parent(Acquisition.aq_inner(parent))


@implementer(IPurgePaths)
@adapter(IDexterityContent)
class ListingPurgePaths:
    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        paths = []
        for folder in folders_above(self.context):
            path = "/".join(folder.getPhysicalPath())
            paths += [path, path + "/"]
            paths += [f"{path}/{view}" for view in LISTING_VIEWS]
        return paths

    def getAbsolutePaths(self):
        return []
