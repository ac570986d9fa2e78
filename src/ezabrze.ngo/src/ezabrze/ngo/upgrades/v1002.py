"""1001 -> 1002: small grants outside a competition (art. 19a: type, workflow, section). The cost table (V.A) and the split (V.C) of an offer are edited in keyboard-usable tables
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


def small_grants(context=None):
    """The small grants (art. 19a): their type, workflow, add permission and section."""
    from ezabrze.ngo.smallgrants.setup import install

    setup = api.portal.get_tool("portal_setup")
    for step in ("typeinfo", "workflow", "rolemap"):
        setup.runImportStepFromProfile("profile-ezabrze.ngo:default", step, run_dependencies=False)
    install()
