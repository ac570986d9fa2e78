"""Demo content: realistic content of the city of Zabrze, idempotent (safe to run twice)."""

from ezabrze.policy.demo import councils
from ezabrze.policy.demo import intranet
from ezabrze.policy.demo import news
from ezabrze.policy.demo import services
from ezabrze.policy.demo import units
from ezabrze.policy.network import setup as network_setup
from ezabrze.policy.strategy import setup as strategy_setup
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
    strategy_setup.load_demo(portal)  # after the services and units: the SEKAP projects link them
    network_setup.load_demo(portal)  # after the strategies: nodes name the projects that built them
