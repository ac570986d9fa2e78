"""1002 -> 1003: plone.app.caching switched on (ezabrze.policy.caching, profiles/default/registry/caching.xml).

Imports only caching.xml (importing the whole registry of the profile would reset settings that the site's
administrators changed since). The caching proxies to purge are not touched: they belong to the deployment
(deploy/cluster.py sets them).
"""

from ezabrze.policy.utils import import_registry_file
from pathlib import Path

import logging


logger = logging.getLogger("ezabrze.policy.upgrades")

CACHING_XML = Path(__file__).parent.parent / "profiles" / "default" / "registry" / "caching.xml"


def switch_caching_on(context):
    import_registry_file(CACHING_XML)
    logger.info("Caching switched on (plone.app.caching, %s)", CACHING_XML.name)
