"""1002 -> 1003: the NGO pages in plone.app.caching (ezabrze.ngo.caching): the NGO types purged on change,
offers never cached. Imports only registry/caching.xml; the rulesets of the views come with the code."""

from ezabrze.policy.utils import import_registry_file
from pathlib import Path

import logging


logger = logging.getLogger("ezabrze.ngo.upgrades")

CACHING_XML = Path(__file__).parent.parent / "profiles" / "default" / "registry" / "caching.xml"


def cache_ngo_pages(context):
    import_registry_file(CACHING_XML)
    logger.info("NGO types purged on change, offers never cached (%s)", CACHING_XML.name)
