"""1006 -> 1007: staff sign-on with the city's directory.

The settings records, the control panel "Katalog domenowy" and the permission of the staff directory's sync
button are added, and the directory's PAS plugin is put into
acl_users after the local users. With no URL configured the plugin does nothing (local accounts only).
"""

from ezabrze.policy.directory import setup as directory_setup
from plone import api

import logging


logger = logging.getLogger("ezabrze.policy.upgrades")

PROFILE = "profile-ezabrze.policy:default"


def directory_sign_on(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("plone.app.registry", "rolemap", "controlpanel"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    directory_setup.install_plugin(api.portal.get())
    logger.info("Directory plugin, its settings and control panel added")
