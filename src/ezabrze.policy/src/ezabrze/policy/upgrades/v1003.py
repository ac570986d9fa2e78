"""1002 -> 1003: plone.app.caching switched on (ezabrze.policy.caching, profiles/default/registry/caching.xml).

Imports only caching.xml (importing the whole registry of the profile would reset settings that the site's
administrators changed since). The caching proxies to purge are not touched: they belong to the deployment
(deploy/cluster.py sets them).
"""

from pathlib import Path
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import logging


logger = logging.getLogger("ezabrze.policy.upgrades")

CACHING_XML = Path(__file__).parent.parent / "profiles" / "default" / "registry" / "caching.xml"


class _Environ:
    """What RegistryImporter needs of a GenericSetup import context: no purge, a logger."""

    def shouldPurge(self):
        return False

    def getLogger(self, name):
        return logging.getLogger(f"ezabrze.policy.upgrades.{name}")


def switch_caching_on(context):
    registry = getUtility(IRegistry)
    RegistryImporter(registry, _Environ()).importDocument(CACHING_XML.read_bytes())
    logger.info("Caching switched on (plone.app.caching, %s)", CACHING_XML.name)
