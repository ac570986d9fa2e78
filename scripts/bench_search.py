"""Search figures: Polish lexicon (Morfeusz 2) against Plone's stock lexicon, on the demo catalogue plus
BENCH_SEARCH_ITEMS generated service cards (`make bench-search`: 20000, the size the goal is stated at): copies
of the demo cards, with all their text fields, in the catalogue's folder.

Run: `make bench-search` (bin/zopepy scripts/bench_search.py). No server: the test layer's in-memory site.
Prints, for each lexicon: time to rebuild the full-text indexes, query latency (p50, p99, max of a second pass;
p99 of the first, cold pass) over the test set of src/ezabrze.policy/tests/search/queries.json run as the search page runs them, recall of the
inflected/synonym queries against their base forms, and the share of queries whose first service card is
an expected one. Timings are measured here only, never asserted in tests.
"""

from pathlib import Path

import json
import os
import re
import statistics
import time


ITEMS = int(os.environ.get("BENCH_SEARCH_ITEMS", "20000"))
QUERIES = json.loads(
    (Path(__file__).parent.parent / "src/ezabrze.policy/tests/search/queries.json").read_text(encoding="utf-8")
)["queries"]


def set_up():
    from ezabrze.policy.testing import INTEGRATION_TESTING

    layers = []

    def add(layer):  # bases first, each once
        for base in layer.__bases__:
            add(base)
        if layer not in layers:
            layers.append(layer)

    add(INTEGRATION_TESTING)
    for layer in layers:
        layer.setUp()
    for layer in layers:
        layer.testSetUp()
    return INTEGRATION_TESTING["portal"]


def fill(portal):
    """The demo site, then ITEMS service cards: the demo cards over and over, numbered."""
    from ezabrze.policy.demo import services
    from plone import api

    with api.env.adopt_roles(["Manager"]):
        portal.portal_setup.runAllImportStepsFromProfile("profile-ezabrze.policy:demo")
        folder = portal[services.folder["section"]][services.folder["id"]]
        cards = services.SERVICES
        for number in range(ITEMS):
            card = cards[number % len(cards)]
            api.content.create(
                container=folder,
                type="Service",
                id=f"bench-{number}-{card['id']}",
                title=f"{card['title']} ({number})",
                description=card["description"],
                safe_id=False,
                **services.field_values(card),
            )
            if number % 1000 == 999:
                print(f"  {number + 1} cards", flush=True)


def stock_lexicon(portal):
    from ezabrze.policy.search import LEXICON_ID
    from ezabrze.policy.search import setup as search_setup
    from plone import api
    from Products.CMFPlone.UnicodeSplitter.splitter import I18NNormalizer
    from Products.CMFPlone.UnicodeSplitter.splitter import Splitter
    from Products.ZCTextIndex.ZCTextIndex import PLexicon

    catalog = api.portal.get_tool("portal_catalog")
    indexes = search_setup.full_text_indexes(catalog)
    started = time.perf_counter()
    catalog._delObject(LEXICON_ID)
    catalog._setObject(LEXICON_ID, PLexicon(LEXICON_ID, "", Splitter(), I18NNormalizer()))
    for index in indexes:
        index.clear()
    catalog.reindexIndex([index.getId() for index in indexes], None)
    return time.perf_counter() - started


def polish_lexicon(portal):
    from ezabrze.policy.search import setup as search_setup

    started = time.perf_counter()
    search_setup.install_polish_lexicon()
    return time.perf_counter() - started


def measure(portal):
    from plone import api
    from plone.base.utils import munge_search_term

    catalog = api.portal.get_tool("portal_catalog")
    cold = []
    for entry in QUERIES:  # first pass: loads the index's buckets and fills the lemma caches (cold figures)
        started = time.perf_counter()
        [brain.getId for brain in catalog(SearchableText=munge_search_term(entry["query"]))[:20]]
        cold.append((time.perf_counter() - started) * 1000)
    latencies, results = [], {}
    for entry in QUERIES:
        started = time.perf_counter()
        brains = catalog(SearchableText=munge_search_term(entry["query"]))
        ids = [brain.getId for brain in brains[:20]]  # a result page
        latencies.append((time.perf_counter() - started) * 1000)
        results[entry["query"]] = [
            b.getId for b in catalog(SearchableText=munge_search_term(entry["query"]), portal_type="Service")
        ]
        del ids
    found = wanted = 0
    for entry in QUERIES:
        if entry["kind"] != "base":
            base = set(results[entry["base"]])
            found += len(base & set(results[entry["query"]]))
            wanted += len(base)
    # a generated card "bench-17-pszok" counts as the demo card "pszok" it copies
    first = sum(
        1 for e in QUERIES if results[e["query"]][:1] and re.sub(r"^bench-\d+-", "", results[e["query"]][0]) in e["expect"]
    )
    latencies.sort()
    cold.sort()
    return {
        "cold p99": cold[max(0, int(len(cold) * 0.99) - 1)],
        "p50": statistics.median(latencies),
        "p99": latencies[max(0, int(len(latencies) * 0.99) - 1)],
        "max": latencies[-1],
        "recall": found / wanted if wanted else 0.0,
        "first": first / len(QUERIES),
    }


def main():
    portal = set_up()
    started = time.perf_counter()
    fill(portal)
    print(f"site: demo catalogue + {ITEMS} service cards, built in {time.perf_counter() - started:.1f} s")
    figures = {}
    figures["stock"] = {"reindex": stock_lexicon(portal), **measure(portal)}
    figures["polish"] = {"reindex": polish_lexicon(portal), **measure(portal)}
    print(
        f"{'lexicon':8} {'reindex s':>10} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'cold p99':>9} "
        f"{'recall':>7} {'1st hit':>7}"
    )
    for name, f in figures.items():
        print(
            f"{name:8} {f['reindex']:10.1f} {f['p50']:8.1f} {f['p99']:8.1f} {f['max']:8.1f} {f['cold p99']:9.1f} "
            f"{f['recall']:7.1%} {f['first']:7.1%}"
        )
    polish, stock = figures["polish"], figures["stock"]
    print(
        f"query latency polish/stock: p50 {polish['p50'] / stock['p50']:.2f}x, p99 {polish['p99'] / stock['p99']:.2f}x "
        f"(goal <= 1.5x); polish p99 {polish['p99']:.1f} ms (goal <= 250 ms at 20000 items)"
    )


if __name__ == "__main__":
    main()
