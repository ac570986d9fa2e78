"""1001 -> 1002: the cost table (V.A) and the split (V.C) of an offer are edited in keyboard-usable tables
(collective.z3cform.datagridfield) instead of JSON. The stored value stays the same list of dicts, so existing
offers keep their data and their checksums; the step installs the add-on's profile (its browser layer and script
bundle)."""

from plone import api

import logging


logger = logging.getLogger("ezabrze.ngo.upgrades")
DATAGRID_PROFILE = "collective.z3cform.datagridfield:default"


def install_datagridfield(context=None):
    setup = api.portal.get_tool("portal_setup")
    if setup.getLastVersionForProfile(DATAGRID_PROFILE) == "unknown":
        setup.runAllImportStepsFromProfile(f"profile-{DATAGRID_PROFILE}")
        logger.info("Installed %s", DATAGRID_PROFILE)
