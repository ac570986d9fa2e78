"""1005 -> 1006: a site with Plone's stock lexicon gets the Polish one and its full-text indexes rebuilt."""

from ezabrze.policy.search import LEXICON_ID
from ezabrze.policy.search import setup as search_setup
from ezabrze.policy.search.lexicon import PolishLexicon
from ezabrze.policy.testing import catalogue as ct
from plone import api
from Products.CMFPlone.UnicodeSplitter.splitter import I18NNormalizer
from Products.CMFPlone.UnicodeSplitter.splitter import Splitter
from Products.ZCTextIndex.ZCTextIndex import PLexicon

import pytest


PROFILE = "ezabrze.policy:default"


def _as_before_1006(portal):
    """Plone's stock lexicon, indexes rebuilt with it, no synonyms record, version 1005."""
    catalog = api.portal.get_tool("portal_catalog")
    indexes = search_setup.full_text_indexes(catalog)
    catalog._delObject(LEXICON_ID)
    catalog._setObject(LEXICON_ID, PLexicon(LEXICON_ID, "", Splitter(), I18NNormalizer()))
    for index in indexes:
        index.clear()
    catalog.reindexIndex([index.getId() for index in indexes], None)
    registry = api.portal.get_tool("portal_registry")
    del registry.records["ezabrze.policy.search_synonyms"]
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1005")


def _find(text):
    catalog = api.portal.get_tool("portal_catalog")
    return sorted(b.getId for b in catalog.unrestrictedSearchResults(SearchableText=text))


@pytest.fixture
def old_site(portal):
    with ct.as_site_owner():
        unit = ct.make_unit(portal, "wgk", "Wydział Gospodarki Komunalnej", unit_kind="utility")
        ct.make_service(portal, "deklaracja", "Deklaracja o opłacie za gospodarowanie odpadami", unit)
    _as_before_1006(portal)
    return portal


def test_old_site_has_the_stock_lexicon(old_site):
    catalog = api.portal.get_tool("portal_catalog")
    assert not isinstance(catalog._getOb(LEXICON_ID), PolishLexicon)
    assert _find("odpadami") == ["deklaracja"]
    assert _find("odpady") == []


def test_upgrade_installs_the_polish_lexicon_and_reindexes(old_site):
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE, dest="1006")
    assert setup.getLastVersionForProfile(PROFILE) == ("1006",)
    catalog = api.portal.get_tool("portal_catalog")
    assert isinstance(catalog._getOb(LEXICON_ID), PolishLexicon)
    assert _find("odpady") == _find("odpadów") == _find("odpadami") == ["deklaracja"]
    assert _find("śmieci") == ["deklaracja"]  # the default synonyms are there
    assert "ezabrze-search-synonyms" in [a.id for a in api.portal.get_tool("portal_controlpanel").listActions()]


def test_upgrade_keeps_cases_out_of_the_full_text_indexes(old_site):
    catalog = api.portal.get_tool("portal_catalog")
    outside = {b.getRID() for b in catalog.unrestrictedSearchResults(portal_type="Case")}
    api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
    for index in search_setup.full_text_indexes(catalog):
        assert not outside & set(index.index._docwords.keys())


def test_install_twice_does_nothing_the_second_time(portal):
    assert search_setup.install_polish_lexicon() == 0


OLD_ACTION_LINES = """      <category_units>
        <element>drogi-i-chodniki|miejski-zarzad-drog</element>
        <element>oswietlenie|wydzial-oswietlenia</element>
      </category_units>
"""
OLD_VALUES = """<values>
        <element>drogi-i-chodniki</element>
        <element>oswietlenie</element>
      </values>"""


@pytest.fixture
def old_problem_form(portal):
    from ezabrze.policy.cases import categories

    form = portal["dla-mieszkancow"]["formularze"]["zglos-problem"]
    form.fields_model = form.fields_model.replace(
        "<vocabulary>ezabrze.policy.ProblemCategories</vocabulary>", OLD_VALUES
    ).replace("Opis problemu", "Opis problemu (zmieniony przez redakcję)")
    form.actions_model = form.actions_model.replace("<email_field>", OLD_ACTION_LINES + "      <email_field>")
    registry = api.portal.get_tool("portal_registry")
    del registry.records[categories.RECORD]
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1005")
    return form


def test_upgrade_gives_the_problem_form_polish_labels(old_problem_form):
    from ezabrze.policy.cases import categories

    assert "<values>" in old_problem_form.fields_model and "<category_units>" in old_problem_form.actions_model
    api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
    assert "<vocabulary>ezabrze.policy.ProblemCategories</vocabulary>" in old_problem_form.fields_model
    assert "<values>" not in old_problem_form.fields_model
    assert "zmieniony przez redakcję" in old_problem_form.fields_model  # editors' changes kept
    assert "<category_units>" not in old_problem_form.actions_model
    # the unit the form's own lines gave a category is kept in the one record
    assert categories.unit("oswietlenie") == "wydzial-oswietlenia"
    assert categories.unit("zwierzeta") == "schronisko"
    assert categories.label("drogi-i-chodniki") == "Drogi i chodniki"
