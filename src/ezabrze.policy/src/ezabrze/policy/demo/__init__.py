"""Demo content: realistic content of the city of Zabrze, idempotent (safe to run twice)."""

from ezabrze.policy.demo import councils
from ezabrze.policy.demo import intranet
from ezabrze.policy.demo import news
from ezabrze.policy.demo import services
from ezabrze.policy.demo import units
from plone import api


def install_demo(context):
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        _create_all(portal)


def _create_all(portal):
    news.create(portal)
    units.create(portal)  # before the services: they point to the units
    services.create(portal)
    councils.create(portal)  # issue 4: notices of the district councils
    intranet.create(portal)
