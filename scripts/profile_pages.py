"""Profile the pages and REST answers of scripts/bench.sh in-process, against the stock Document.

Run with the test instance's storage while the test server is stopped (FileStorage is locked by a running
instance), e.g. after `python3 tests/server.py start && python3 tests/server.py stop`:

    bin/instance-test run scripts/profile_pages.py [--n 30] [--only SERVICE,STOCK] [--counts] [--profile]
                                                   [--callers NAME] [--diff] [--limit 30]

Every request goes through the real publisher (ZPublisher's WSGI ``publish_module``: traversal, the browser
layers, the theme's transform, the transaction), anonymous, with a themed host name (localhost, as
tests/server.py and bench.sh use), so what is measured is what wrk measures minus the network and the
scheduler of a loaded machine. Each target is first rendered twice (warm caches), then all targets are
requested in turn, N times round (interleaved: a change of the machine's load weighs on every target alike).

Default output: milliseconds per request (mean and best wall time, median CPU time of the thread) of each
target and its ratio of throughput to its stock counterpart (the stock Document page, or its REST answer), by
mean wall time and by median CPU time (the steadier of the two on a shared machine).
--counts   ZODB object loads, catalog searches, page-template and portlet renders per request.
--profile  the cProfile top functions (cumulative time) of each target.
--callers  who calls the functions whose name contains NAME (cProfile callers), per target.
--diff     the functions on which each target spends more time per request than its stock counterpart.

The stock Document "bench-stock-page" is created (text: scripts/bench_stock_page.html, as bench.sh does) when
missing, and committed: the test storage is a throw-away one. So is the same Document three levels down
(``bench-glebia/poziom-2/bench-stock-page``, folders hidden from the navigation): STOCK_DEEP, measured against
STOCK, shows what the depth of a card or unit alone costs a stock page.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from pathlib import Path
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
import transaction


SITE_ID = "zabrze"
PORT = os.environ.get("EZABRZE_TEST_PORT", "18080")
HERE = Path(sys.argv[sys.argv.index("-c") + 1] if "-c" in sys.argv else __file__).resolve().parent
STOCK_TEXT = HERE / "bench_stock_page.html"
CONSULTATION = "organizacje-pozarzadowe/konsultacje/bench-konsultacja"

# NAME, path below the site, Accept header, stock counterpart (as in scripts/bench.sh)
TARGETS = [
    ("STOCK", "bench-stock-page", "text/html", None),
    # the same stock Document as deep in the site as a card or unit (for information: what depth alone costs)
    ("STOCK_DEEP", "bench-glebia/poziom-2/bench-stock-page", "text/html", "STOCK"),
    ("HOME", "", "text/html", "STOCK"),
    ("SERVICE", "dla-mieszkancow/uslugi/zameldowanie-na-pobyt-staly", "text/html", "STOCK"),
    ("CATALOGUE", "dla-mieszkancow/uslugi", "text/html", "STOCK"),
    ("UNIT", "dla-mieszkancow/jednostki/wydzial-spraw-obywatelskich", "text/html", "STOCK"),
    ("BOARD", "rady-dzielnic", "text/html", "STOCK"),
    ("CONSULTATION", CONSULTATION, "text/html", "STOCK"),
    ("STOCK_REST", "bench-stock-page", "application/json", None),
    ("SERVICE_REST", "dla-mieszkancow/uslugi/zameldowanie-na-pobyt-staly", "application/json", "STOCK_REST"),
]


DEEP_FOLDERS = (("bench-glebia", "Pomiar: poziom 1"), ("poziom-2", "Pomiar: poziom 2"))


def ensure_stock_page(app):
    """The published Document "bench-stock-page" (as scripts/bench.sh makes it over REST), and the same Document
    at the depth of a service card or unit (STOCK_DEEP: two published folders, hidden from the navigation)."""
    from plone import api
    from plone.app.textfield.value import RichTextValue

    app = makerequest(app)
    site = app[SITE_ID]
    setSite(site)
    deep = site
    for folder_id, _title in DEEP_FOLDERS:
        deep = deep.get(folder_id) if deep is not None else None
    if "bench-stock-page" in site.objectIds() and deep is not None and "bench-stock-page" in deep.objectIds():
        return
    newSecurityManager(None, app.acl_users.getUserById("admin").__of__(app.acl_users))
    container = site
    for depth in range(len(DEEP_FOLDERS) + 1):
        if "bench-stock-page" not in container.objectIds():
            page = api.content.create(
                container=container,
                type="Document",
                id="bench-stock-page",
                title="E-usługi Urzędu Miejskiego w Zabrzu",
                description="Jak załatwić sprawę urzędową przez Internet — strona wzorcowa do pomiarów wydajności.",
                text=RichTextValue(STOCK_TEXT.read_text(encoding="utf-8").strip(), "text/html", "text/x-html-safe"),
                exclude_from_nav=True,
            )
            api.content.transition(page, to_state="published")
            print(f"profile: created and published {'/'.join(page.getPhysicalPath()[2:])}")
        if depth == len(DEEP_FOLDERS):
            break
        folder_id, title = DEEP_FOLDERS[depth]
        if folder_id not in container.objectIds():
            folder = api.content.create(container=container, type="Folder", id=folder_id, title=title,
                                        exclude_from_nav=True)
            api.content.transition(folder, to_state="published")
        container = container[folder_id]
    transaction.commit()
    noSecurityManager()
    setSite(None)


def publish(path, accept):
    """One anonymous GET through the WSGI publisher; (status, body bytes)."""
    from ZPublisher.WSGIPublisher import publish_module

    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": f"/{SITE_ID}/{path}".rstrip("/"),
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": PORT,
        "HTTP_HOST": f"localhost:{PORT}",
        "HTTP_ACCEPT": accept,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    status = []

    def start_response(value, headers, exc_info=None):
        status.append(value)

    result = publish_module(environ, start_response)
    body = b"".join(result)
    if hasattr(result, "close"):
        result.close()
    return status[0] if status else "?", body


class Counter:
    """Counts calls of a few functions (monkey-wrapped while measuring)."""

    def __init__(self):
        self.counts = {}
        self._undo = []

    def wrap(self, owner, name, label):
        original = getattr(owner, name)
        counts = self.counts

        def counting(*args, **kw):
            counts[label] = counts.get(label, 0) + 1
            return original(*args, **kw)

        setattr(owner, name, counting)
        self._undo.append((owner, name, original))

    def install(self):
        from plone.portlets.manager import PortletManagerRenderer
        from Products.PageTemplates.PageTemplate import PageTemplate
        from Products.ZCatalog.Catalog import Catalog
        from ZODB.Connection import Connection

        self.wrap(Connection, "setstate", "ZODB object loads (setstate)")
        self.wrap(Catalog, "searchResults", "catalog searches")
        self.wrap(PageTemplate, "pt_render", "page template renders")
        self.wrap(PortletManagerRenderer, "render", "portlet manager renders")

    def uninstall(self):
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo = []


def measure(targets, n, profile):
    """{name: {"times": [...], "cpu": [...], "stats": pstats.Stats or None, "bytes": int}}

    The targets are measured in turn, one request each, N times round (interleaved), so that a change of the
    machine's load weighs on every target alike; each request's wall time and the thread's CPU time are kept.
    """
    results = {}
    for name, path, accept, _base in targets:
        for _ in range(2):
            status, body = publish(path, accept)
        if status.startswith("404") and name == "CONSULTATION":
            print(f"profile: skipped {name}: /{path} is made by scripts/bench.sh (not here yet)")
            continue
        if not status.startswith("200"):
            sys.exit(f"profile: {name} /{path} ({accept}) answered {status}: {body[:500]!r}")
        results[name] = {"times": [], "cpu": [], "bytes": len(body),
                         "profiler": cProfile.Profile() if profile else None}
    for _ in range(n):
        for name, path, accept, _base in targets:
            if name not in results:
                continue
            found = results[name]
            profiler = found["profiler"]
            start, start_cpu = time.perf_counter(), time.thread_time()
            if profiler is not None:
                profiler.enable()
            publish(path, accept)
            if profiler is not None:
                profiler.disable()
            found["cpu"].append(time.thread_time() - start_cpu)
            found["times"].append(time.perf_counter() - start)
    for found in results.values():
        profiler = found.pop("profiler")
        found["stats"] = pstats.Stats(profiler, stream=sys.stdout) if profiler is not None else None
    return results


def counts_of(targets):
    counter = Counter()
    found = {}
    for name, path, accept, _base in targets:
        publish(path, accept)
        counter.counts = {}
        counter.install()
        try:
            publish(path, accept)
        finally:
            counter.uninstall()
        found[name] = dict(counter.counts)
    return found


def label(func):
    filename, line, function = func
    for marker in ("/src/", "/.eggs-buildout/", "/site-packages/", "/lib/python"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            break
    return f"{filename}:{line}({function})"


def diff(stats, base, n, limit):
    """Functions with more cumulative time per request in ``stats`` than in ``base``."""
    mine = {func: row[3] / n for func, row in stats.stats.items()}
    theirs = {func: row[3] / n for func, row in base.stats.items()}
    calls_mine = {func: row[1] / n for func, row in stats.stats.items()}
    calls_theirs = {func: row[1] / n for func, row in base.stats.items()}
    rows = sorted(
        ((mine[f] - theirs.get(f, 0.0), f) for f in mine),
        key=lambda item: item[0],
        reverse=True,
    )
    print(f"  {'+ms/req':>8} {'ms/req':>8} {'stock':>8} {'calls':>7} {'stock':>7}  function")
    for extra, func in rows[:limit]:
        print(
            f"  {extra * 1000:8.2f} {mine[func] * 1000:8.2f} {theirs.get(func, 0) * 1000:8.2f} "
            f"{calls_mine[func]:7.1f} {calls_theirs.get(func, 0):7.1f}  {label(func)}"
        )


def main(app, argv):
    parser = argparse.ArgumentParser(prog="profile_pages.py")
    parser.add_argument("--n", type=int, default=30, help="requests per target (default 30)")
    parser.add_argument("--only", default="", help="comma-separated target names (their stock ones are added)")
    parser.add_argument("--counts", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--callers", default="")
    parser.add_argument("--diff", action="store_true")
    parser.add_argument("--limit", type=int, default=30, help="rows of --profile, --callers, --diff")
    args = parser.parse_args(argv)

    ensure_stock_page(app)
    targets = TARGETS
    if args.only:
        wanted = {name.strip().upper() for name in args.only.split(",") if name.strip()}
        wanted |= {base for name, _p, _a, base in TARGETS if name in wanted and base}
        targets = [t for t in TARGETS if t[0] in wanted]
    with_profile = args.profile or args.diff or bool(args.callers)
    results = measure(targets, args.n, with_profile)
    targets = [t for t in targets if t[0] in results]

    print(f"\nper request, {args.n} requests each, the targets in turn (in-process, anonymous, through the publisher):")
    print(f"  {'target':<13} {'mean ms':>8} {'best ms':>8} {'CPU ms':>8} {'KiB':>6}  ratio to stock (throughput: mean wall"
          " time; median CPU time)")
    for name, _path, _accept, base in targets:
        times, cpu = results[name]["times"], results[name]["cpu"]
        mean = sum(times) / len(times)
        ratio = ""
        if base in results:
            base_mean = sum(results[base]["times"]) / len(results[base]["times"])
            base_cpu = statistics.median(results[base]["cpu"])
            ratio = f"{base_mean / mean:.2f}x; CPU {base_cpu / statistics.median(cpu):.2f}x of {base}"
        print(f"  {name:<13} {mean * 1000:8.1f} {min(times) * 1000:8.1f} {statistics.median(cpu) * 1000:8.1f}"
              f" {results[name]['bytes'] / 1024:6.1f}  {ratio}")

    if args.counts:
        found = counts_of(targets)
        labels = sorted({key for counts in found.values() for key in counts})
        print("\nper request:")
        print(f"  {'target':<13} " + " ".join(f"{key[:22]:>22}" for key in labels))
        for name, *_rest in targets:
            print(f"  {name:<13} " + " ".join(f"{found[name].get(key, 0):>22}" for key in labels))

    for name, _path, _accept, base in targets:
        stats = results[name]["stats"]
        if stats is None:
            continue
        if args.profile:
            print(f"\n=== {name}: top {args.limit} by cumulative time ({args.n} requests)")
            stats.sort_stats("cumulative").print_stats(args.limit)
        if args.callers:
            print(f"\n=== {name}: callers of {args.callers}")
            stats.sort_stats("cumulative").print_callers(args.callers, args.limit)
        if args.diff and base in results:
            print(f"\n=== {name}: more time per request than {base} (cumulative, top {args.limit})")
            diff(stats, results[base]["stats"], args.n, args.limit)


if __name__ == "__main__":
    # `bin/instance run SCRIPT ARGS` runs us as `python -c SCRIPT ARGS`: our arguments follow the script path.
    argv = sys.argv[sys.argv.index("-c") + 2 :] if "-c" in sys.argv else sys.argv[1:]
    main(app, argv)  # noqa: F821 (``app`` is given by bin/instance run)
