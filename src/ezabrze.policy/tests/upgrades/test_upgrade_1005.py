"""1002 -> 1005: a site with the six static strategy pages gets the live portfolio, the registry, the new
indexes and redirects from the old addresses."""

from ezabrze.policy.strategy.setup import STATIC_PAGE_IDS
from plone import api
from plone.app.redirector.interfaces import IRedirectionStorage
from zope.component import getUtility

import pytest


PROFILE = "ezabrze.policy:default"


@pytest.fixture
def old_site(portal):
    """What a site at 1002 holds: the static pages, no strategies, no registry, no strategy_/network_ indexes."""
    section = portal["strategia-e-zabrze"]
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        for id_ in list(section.objectIds()):
            api.content.delete(section[id_], check_linkintegrity=False)
        for id_ in STATIC_PAGE_IDS:
            page = api.content.create(section, "Document", id=id_, title=id_)
            api.content.transition(page, to_state="published")
        section.setDefaultPage("o-strategii")
        for index in [i for i in catalog.indexes() if i.startswith(("strategy_", "network_"))]:
            catalog.delIndex(index)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1002")
    return portal


def test_upgrade_replaces_the_static_pages_by_the_portfolio(old_site):
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, dest="1005")
    assert setup.getLastVersionForProfile(PROFILE) == ("1005",)
    section = old_site["strategia-e-zabrze"]
    assert sorted(section.objectIds()) == ["program-2009", "siec", "strategia-2020"]
    assert section.getDefaultPage() == "strategia-2020"
    assert [g.getId() for g in section["strategia-2020"].goals()][0] == "infrastruktura"
    storage = getUtility(IRedirectionStorage)
    path = "/".join(section.getPhysicalPath())
    assert storage.get(f"{path}/o-strategii") == f"{path}/strategia-2020"
    assert storage.get(f"{path}/e-gospodarka") == f"{path}/strategia-2020/e-gospodarka"
    catalog = api.portal.get_tool("portal_catalog")
    assert {"strategy_status", "strategy_goals", "network_node_type", "network_status"} <= set(catalog.indexes())
    assert "NetworkStaff" in section["siec"].get_local_roles_for_userid("pracownicy")


def test_upgrade_is_idempotent(old_site):
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE)
    from ezabrze.policy.upgrades import v1005

    v1005.install_strategy_and_network(None)
    assert sorted(old_site["strategia-e-zabrze"].objectIds()) == ["program-2009", "siec", "strategia-2020"]
