"""The site creation of `make start` installs ezabrze.ngo after ezabrze.policy."""

from ezabrze.policy.site import ensure_site
from plone import api
from zope.component.hooks import getSite
from zope.component.hooks import setSite

import importlib.util
import pathlib


CREATE_SITE = pathlib.Path(__file__).resolve().parents[3] / "scripts" / "create_site.py"


def _create_site_script():
    spec = importlib.util.spec_from_file_location("create_site", CREATE_SITE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_start_installs_ngo_after_policy(app, portal):
    script = _create_site_script()
    assert script.ADD_ONS == ("ezabrze.ngo:default",)
    previous = getSite()
    site, created = ensure_site(app, "zabrze-ngo", demo=False, add_ons=script.ADD_ONS)
    try:
        setSite(site)
        assert created is True
        installer = api.content.get_view("installer", site, site.REQUEST)
        assert installer.is_product_installed("ezabrze.policy")
        assert installer.is_product_installed("ezabrze.ngo")
    finally:
        # The integration layer aborts the transaction after the test: the new site goes with it.
        setSite(previous)
