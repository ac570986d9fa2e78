"""Paths purged with an NGO item besides what plone.app.caching and ezabrze.policy's listings purge."""

from ezabrze.ngo.caching import LISTING_VIEWS
from ezabrze.ngo.caching import OWN_VIEWS
from ezabrze.policy.caching.purge import folders_above
from plone.dexterity.interfaces import IDexterityContent
from z3c.caching.interfaces import IPurgePaths
from zope.component import adapter
from zope.interface import implementer

import Acquisition


def _own_views(obj):
    path = "/".join(obj.getPhysicalPath())
    paths = []
    for view in OWN_VIEWS.get(getattr(obj, "portal_type", None), ()):
        paths += [f"{path}/{view}", f"{path}/@@{view}"]
    return paths


@implementer(IPurgePaths)
@adapter(IDexterityContent)
class NGOPurgePaths:
    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        # the item's own public pages, and those of an NGO item above it (an offer changes its call's results)
        paths = _own_views(Acquisition.aq_inner(self.context))
        for folder in folders_above(self.context):
            path = "/".join(folder.getPhysicalPath())
            paths += _own_views(folder)
            paths += [f"{path}/{view}" for view in LISTING_VIEWS]
            paths += [f"{path}/@@{view}" for view in LISTING_VIEWS]
        return paths

    def getAbsolutePaths(self):
        return []
