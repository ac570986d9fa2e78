"""Search figures: Polish lexicon (Morfeusz 2) against Plone's stock lexicon, on the demo catalogue plus
BENCH_SEARCH_ITEMS generated service cards (`make bench-search`: 20000, the size the goal is stated at): copies
of the demo cards, with all their text fields, in the catalogue's folder.

Run: `make bench-search` (bin/zopepy scripts/bench_search.py). No server: the test layer's in-memory site.
The generated cards are built as Dexterity content and catalogued once each (no events: no versioning, no
relations), which is what the search sees of them; both lexicons index the very same objects.

Prints, for each lexicon: time to rebuild the full-text indexes (wall and CPU, the same `reindex_text` for both),
query latency over the test set of src/ezabrze.policy/tests/search/queries.json run as the search page runs
them (p50, p99, max: per query the median of BENCH_SEARCH_PASSES warm passes; p99 of the first, cold pass), the
same as CPU time of this process (time.process_time: what the query costs, without the waits for a CPU that the
other processes of a loaded machine cause), recall of the inflected/synonym queries against their base forms,
and the share of queries whose first service card is an expected one. For the slowest queries it prints the
postings per query word (word ids the word expands to, documents in their posting lists) in both lexicons, so
the cause of a slow query is visible. Timings are measured here only, never asserted in tests.
"""

from pathlib import Path

import json
import os
import re
import statistics
import time


ITEMS = int(os.environ.get("BENCH_SEARCH_ITEMS", "20000"))
PASSES = int(os.environ.get("BENCH_SEARCH_PASSES", "3"))
SLOWEST = 8
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
    """The demo site, then ITEMS service cards: the demo cards over and over, numbered.

    Each card is created as content (createContent with all fields, its UUID, its workflow state) and
    catalogued once, without the events of api.content.create: those store a CMFEditions version and
    relations and catalogue the card several times, which made 20000 cards take over an hour.
    """
    from ezabrze.policy.demo import services
    from plone import api
    from plone.dexterity.utils import createContent
    from zope.event import notify
    from zope.lifecycleevent import ObjectCreatedEvent

    catalog = api.portal.get_tool("portal_catalog")
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles(["Manager"]):
        portal.portal_setup.runAllImportStepsFromProfile("profile-ezabrze.policy:demo")
        folder = portal[services.folder["section"]][services.folder["id"]]
        cards = services.SERVICES
        for number in range(ITEMS):
            card = cards[number % len(cards)]
            card_id = f"bench-{number}-{card['id']}"
            obj = createContent(
                "Service",
                id=card_id,
                title=f"{card['title']} ({number})",
                description=card["description"],
                **services.field_values(card),
            )
            notify(ObjectCreatedEvent(obj))  # its UUID
            folder._setObject(card_id, obj, suppress_events=True)
            obj = folder[card_id]
            workflow.notifyCreated(obj)
            catalog.catalog_object(obj)
            if number % 1000 == 999:
                print(f"  {number + 1} cards", flush=True)


def timed(function, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    function(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def stock_lexicon(portal):
    """Plone's lexicon (splitter, accent-ignoring case normalizer) in place of the Polish one, indexes rebuilt."""
    from ezabrze.policy.search import LEXICON_ID
    from ezabrze.policy.search import setup as search_setup
    from plone import api
    from Products.CMFPlone.UnicodeSplitter.splitter import I18NNormalizer
    from Products.CMFPlone.UnicodeSplitter.splitter import Splitter
    from Products.ZCTextIndex.ZCTextIndex import PLexicon

    catalog = api.portal.get_tool("portal_catalog")
    catalog._delObject(LEXICON_ID)
    catalog._setObject(LEXICON_ID, PLexicon(LEXICON_ID, "", Splitter(), I18NNormalizer()))
    return timed(search_setup.reindex_text, catalog)


def polish_lexicon(portal):
    """The Polish lexicon back in place (what install does), indexes rebuilt by the same reindex_text."""
    from ezabrze.policy.search import lexicon
    from ezabrze.policy.search import LEXICON_ID
    from ezabrze.policy.search import morphology
    from ezabrze.policy.search import setup as search_setup
    from ezabrze.policy.search.lexicon import pipeline
    from ezabrze.policy.search.lexicon import PolishLexicon
    from plone import api

    catalog = api.portal.get_tool("portal_catalog")
    catalog._delObject(LEXICON_ID)
    catalog._setObject(LEXICON_ID, PolishLexicon(LEXICON_ID, "", *pipeline()))
    # as in a fresh process: the fill lemmatized every word once already
    for cached in (morphology.lemmas, morphology.is_known, morphology.respelled, morphology.fold):
        cached.cache_clear()
    lexicon._query_words = ((), {})
    return timed(search_setup.reindex_text, catalog)


def postings(catalog, text):
    """(query word as the lexicon passes it on, word ids, documents in their posting lists) per query atom."""
    from Products.ZCTextIndex.QueryParser import QueryParser

    text_index = catalog._catalog.getIndex("SearchableText")
    lexicon, index = text_index.getLexicon(), text_index.index
    found = []

    def walk(node):
        if node.nodeType() in ("ATOM", "GLOB", "PHRASE"):
            terms = node.getValue() if node.nodeType() == "PHRASE" else [node.getValue()]
            for term in terms:
                if lexicon.isGlob(term):
                    wids = lexicon.globToWordIds(term)
                else:
                    wids = lexicon.termToWordIds(term)
                wids = [wid for wid in dict.fromkeys(wids) if wid in index._wordinfo]
                shown = term.decode() if isinstance(term, bytes) else term
                found.append((shown.replace("\x00", "|"), len(wids), sum(len(index._wordinfo[w]) for w in wids)))
        else:
            for child in node.getValue():
                walk(child)

    walk(QueryParser(lexicon).parseQuery(text))
    return found


def percentile(values, share):
    values = sorted(values)
    return values[max(0, int(len(values) * share) - 1)]


def measure(portal):
    from plone import api
    from plone.base.utils import munge_search_term

    catalog = api.portal.get_tool("portal_catalog")

    def page(entry):  # a result page, as the search page asks for it
        return [brain.getId for brain in catalog(SearchableText=munge_search_term(entry["query"]))[:20]]

    cold = []
    for entry in QUERIES:  # first pass: loads the index's buckets and fills the lemma caches (cold figures)
        started = time.perf_counter()
        page(entry)
        cold.append((time.perf_counter() - started) * 1000)
    walls = {entry["query"]: [] for entry in QUERIES}
    cpus = {entry["query"]: [] for entry in QUERIES}
    for _number in range(PASSES):
        for entry in QUERIES:
            wall, cpu = timed(page, entry)
            walls[entry["query"]].append(wall * 1000)
            cpus[entry["query"]].append(cpu * 1000)
    wall = {query: statistics.median(values) for query, values in walls.items()}
    cpu = {query: statistics.median(values) for query, values in cpus.items()}
    results = {
        e["query"]: [b.getId for b in catalog(SearchableText=munge_search_term(e["query"]), portal_type="Service")]
        for e in QUERIES
    }
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
    return {
        "cold p99": percentile(cold, 0.99),
        "p50": statistics.median(wall.values()),
        "p99": percentile(wall.values(), 0.99),
        "max": max(wall.values()),
        "cpu p50": statistics.median(cpu.values()),
        "cpu p99": percentile(cpu.values(), 0.99),
        "recall": found / wanted if wanted else 0.0,
        "first": first / len(QUERIES),
        "per query": cpu,
        "results": {query: len(ids) for query, ids in results.items()},
        "postings": {e["query"]: postings(catalog, munge_search_term(e["query"])) for e in QUERIES},
    }


def main():
    portal = set_up()
    started = time.perf_counter()
    fill(portal)
    print(f"site: demo catalogue + {ITEMS} service cards, built in {time.perf_counter() - started:.1f} s")
    figures = {}
    for name, install in (("stock", stock_lexicon), ("polish", polish_lexicon)):
        wall, cpu = install(portal)
        figures[name] = {"reindex": wall, "reindex cpu": cpu, **measure(portal)}
    print(f"query latency: per query the median of {PASSES} warm passes; p50/p99 over {len(QUERIES)} queries")
    print(
        f"{'lexicon':8} {'reindex s':>10} {'cpu s':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'cold p99':>9} "
        f"{'cpu p50':>8} {'cpu p99':>8} {'recall':>7} {'1st hit':>7}"
    )
    for name, f in figures.items():
        print(
            f"{name:8} {f['reindex']:10.1f} {f['reindex cpu']:7.1f} {f['p50']:8.2f} {f['p99']:8.1f} {f['max']:8.1f} "
            f"{f['cold p99']:9.1f} {f['cpu p50']:8.2f} {f['cpu p99']:8.1f} {f['recall']:7.1%} {f['first']:7.1%}"
        )
    polish, stock = figures["polish"], figures["stock"]
    print(
        f"query latency polish/stock: p50 {polish['p50'] / stock['p50']:.2f}x, p99 {polish['p99'] / stock['p99']:.2f}x; "
        f"CPU p50 {polish['cpu p50'] / stock['cpu p50']:.2f}x, p99 {polish['cpu p99'] / stock['cpu p99']:.2f}x "
        f"(goal <= 1.5x); polish p99 {polish['p99']:.1f} ms (goal <= 250 ms at 20000 items)"
    )
    print("slowest queries (Polish CPU ms), results and postings per query word (word ids, documents):")
    slowest = sorted(polish["per query"], key=polish["per query"].get, reverse=True)[:SLOWEST]
    for query in slowest:
        for name in ("polish", "stock"):
            f = figures[name]
            words = ", ".join(f"{word} {wids}/{docs}" for word, wids, docs in f["postings"][query])
            print(f"  {query!r:32} {name:6} {f['per query'][query]:7.2f} ms {f['results'][query]:6} results: {words}")


if __name__ == "__main__":
    main()
