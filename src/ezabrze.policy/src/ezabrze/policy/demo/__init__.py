"""Demo content: realistic content of the city of Zabrze, idempotent (safe to run twice)."""

from ezabrze.policy.demo import news
from plone import api


def install_demo(context):
    portal = api.portal.get()
    with api.env.adopt_roles(["Manager"]):
        _create_all(portal)


def _create_all(portal):
    news.create(portal)
