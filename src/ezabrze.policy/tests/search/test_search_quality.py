"""Search quality on the demo catalogue, measured with the test set in queries.json (≥ 100 queries).

Goals (issue "Residents find and do things in Polish"): for inflected, plural, synonym and no-diacritics
queries the search finds at least 95 % of what the base-form query finds (recall), and in at least 90 % of
all queries the first result is one of the expected service cards. Both are measured the way the search page
and live search query (Plone adds * to every word) and the way @search does (the words as typed).
"""

from ezabrze.policy.search.morphology import fold
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import TEST_USER_NAME
from plone.base.utils import munge_search_term

import json
import pathlib
import pytest


QUERIES = json.loads((pathlib.Path(__file__).parent / "queries.json").read_text(encoding="utf-8"))["queries"]
BY_QUERY = {entry["query"]: entry for entry in QUERIES}
MIN_RECALL = 0.95
MIN_FIRST_HIT = 0.90
MODES = {"search page": munge_search_term, "@search": lambda text: text}


def find(text, mode):
    catalog = api.portal.get_tool("portal_catalog")
    return [brain.getId for brain in catalog(SearchableText=MODES[mode](text), portal_type="Service")]


def test_the_test_set_is_large_and_sound():
    from ezabrze.policy.demo import services

    ids = {service["id"] for service in services.SERVICES}
    assert len(QUERIES) >= 100
    kinds = {entry["kind"] for entry in QUERIES}
    assert kinds == {"base", "inflected", "plural", "synonym", "no_diacritics"}
    assert sum(" " in entry["query"] for entry in QUERIES) >= 20  # two-word queries
    # inflected forms typed without Polish letters, not only base forms
    plain = [e for e in QUERIES if e["kind"] == "no_diacritics" and e["query"] != fold(e["base"])]
    assert len(plain) >= 20
    for entry in QUERIES:
        assert set(entry["expect"]) <= ids, entry
        if entry["kind"] != "base":
            assert BY_QUERY[entry["base"]]["kind"] == "base", entry


@pytest.fixture(scope="class")
def demo(portal_class):
    with api.env.adopt_roles(["Manager"]):
        portal_class.portal_setup.runAllImportStepsFromProfile("profile-ezabrze.policy:demo")
    return portal_class


def figures(mode, kinds=None):
    """Recall of the non-base queries (of the given kinds), share of first hits, and what was missed."""
    results = {entry["query"]: find(entry["query"], mode) for entry in QUERIES}
    found = wanted = 0
    missing = []
    for entry in QUERIES:
        if entry["kind"] == "base" or (kinds and entry["kind"] not in kinds):
            continue
        base = set(results[entry["base"]])
        got = base & set(results[entry["query"]])
        found += len(got)
        wanted += len(base)
        if got != base:
            missing.append(f"{entry['query']!r} misses {sorted(base - got)}")
    first = [
        entry["query"]
        for entry in QUERIES
        if results[entry["query"]][:1] and results[entry["query"]][0] in entry["expect"]
    ]
    wrong = [f"{e['query']!r} -> {results[e['query']][:3]}" for e in QUERIES if e["query"] not in first]
    return found / wanted, len(first) / len(QUERIES), missing, wrong


class TestQuality:
    @pytest.mark.parametrize("mode", sorted(MODES))
    def test_recall_of_inflected_and_synonym_queries(self, demo, mode):
        recall, _first, missing, _wrong = figures(mode)
        assert recall >= MIN_RECALL, f"recall {recall:.1%}:\n" + "\n".join(missing)

    @pytest.mark.parametrize("mode", sorted(MODES))
    def test_recall_of_queries_typed_without_polish_letters(self, demo, mode):
        # "odpadow", "zaswiadczenia o niezaleganiu": inflected forms typed without Polish letters
        recall, _first, missing, _wrong = figures(mode, kinds={"no_diacritics"})
        assert recall >= MIN_RECALL, f"recall {recall:.1%}:\n" + "\n".join(missing)

    @pytest.mark.parametrize("mode", sorted(MODES))
    def test_first_result_is_the_expected_card(self, demo, mode):
        _recall, first, _missing, wrong = figures(mode)
        assert first >= MIN_FIRST_HIT, f"first hit {first:.1%}:\n" + "\n".join(wrong)

    def test_base_forms_find_their_cards(self, demo):
        for entry in QUERIES:
            if entry["kind"] == "base":
                assert set(find(entry["query"], "@search")) & set(entry["expect"]), entry["query"]

    def test_private_cards_are_not_found_by_anonymous(self, demo):
        service = demo["dla-mieszkancow"]["uslugi"]["becikowe"]
        logout()
        assert "becikowe" in find("zapomogi", "search page")
        login(demo, TEST_USER_NAME)
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(service, to_state="private")
        logout()
        try:
            assert "becikowe" not in find("becikowe", "@search")
            assert "becikowe" not in find("zapomogi", "search page")
        finally:
            login(demo, TEST_USER_NAME)
            with api.env.adopt_roles(["Manager"]):
                api.content.transition(service, to_state="published")
