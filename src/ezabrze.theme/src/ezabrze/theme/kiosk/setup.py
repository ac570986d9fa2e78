"""Installation of the kiosk mode: its registry records and its control panel (profile and upgrade 1001)."""

import logging


logger = logging.getLogger("ezabrze.theme.kiosk")

PROFILE = "profile-ezabrze.theme:default"


def install_kiosk_settings(context):
    """Upgrade step 1000 -> 1001: the kiosk settings (existing values kept) and the "Infokioski" configlet."""
    context.runImportStepFromProfile(PROFILE, "plone.app.registry")
    context.runImportStepFromProfile(PROFILE, "controlpanel")
    logger.info("Kiosk settings and control panel installed")
