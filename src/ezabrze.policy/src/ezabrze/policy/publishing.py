"""Issue 4 set-up, called by ezabrze.policy.structure.create_structure (default profile), idempotent."""

from ezabrze.policy import districts
from ezabrze.policy import intranet
from ezabrze.policy.behaviors import bip
from plone import api


def setup(portal):
    # Applying the profile is an administrator's act, whoever calls create_structure.
    with api.env.adopt_roles(["Manager"]):
        bip.enable_for_types()
        districts.create_councils(portal)
        intranet.setup(portal)
