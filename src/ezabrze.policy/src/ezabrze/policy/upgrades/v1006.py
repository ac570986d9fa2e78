"""1005 -> 1006: Polish full-text search.

The catalog's lexicon reduces words to their base forms (Morfeusz 2) and SearchableText, Title and Description
are rebuilt with it; the synonyms record and its control panel ("Synonimy wyszukiwania") are added.
"""

from ezabrze.policy.search import setup as search_setup
from plone import api

import logging


logger = logging.getLogger("ezabrze.policy.upgrades")

PROFILE = "profile-ezabrze.policy:default"


def polish_lexicon(context):
    count = search_setup.install_polish_lexicon()
    logger.info("Full-text indexes use the Polish lexicon (%d items reindexed)", count)


def search_settings(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("plone.app.registry", "rolemap", "controlpanel"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    logger.info("Search synonyms record and control panel added")
