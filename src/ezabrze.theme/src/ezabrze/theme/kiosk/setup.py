"""Installation of the kiosk mode: its registry records and its control panel (profile and upgrade 1001)."""

import logging


logger = logging.getLogger("ezabrze.theme.kiosk")

PROFILE = "profile-ezabrze.theme:default"


def install_kiosk_settings(context):
    """Upgrade step 1000 -> 1001: the kiosk settings (existing values kept) and the "Infokioski" configlet."""
    context.runImportStepFromProfile(PROFILE, "plone.app.registry")
    context.runImportStepFromProfile(PROFILE, "controlpanel")
    logger.info("Kiosk settings and control panel installed")


def use_registry_kiosk_ids(context):
    """Upgrade step 1001 -> 1002: the kiosks are the network registry's when the portal has one (their ids,
    districts and locations); the usage counts stored under an earlier id (an alias, e.g. k01) move to the
    registry's id (e.g. infokiosk-01). The kiosks' list in the settings stays, as the fallback without a
    registry; its description changes (registry records re-imported, values kept)."""
    from ezabrze.theme.kiosk import usage
    from ezabrze.theme.kiosk.mode import registry_kiosks
    from plone import api

    context.runImportStepFromProfile(PROFILE, "plone.app.registry")
    renames = {alias: kiosk.id for kiosk in registry_kiosks().values() for alias in kiosk.aliases}
    moved = usage.rename_kiosks(api.portal.get(), renames) if renames else 0
    logger.info("Kiosk ids from the network registry: %d aliases, %d counted page views moved", len(renames), moved)
