"""CPU time of the catalogue's anonymous queries on the benchmark site, in-process (no HTTP server, no other
client): each request goes through the Zope publisher as a real one would (traversal, security, the REST
service, JSON), and the script measures the CPU time the process spent on it — unlike the wall-clock latency of
`make bench-scale`, this does not depend on what else the loaded machine is doing.

Run (the instance stopped; the site made by scripts/bench_site.py):
    bin/instance-bench run scripts/bench_scale_cpu.py [--repeat 30] [--profile audience] [--only audience,unit]
Prints, per query, the number of results and the CPU time per request (p50, p99, max) and the wall time (p50);
--profile NAME prints the cProfile of that query (cumulative and own time). Timings are measured here only.
"""

from ZPublisher.WSGIPublisher import publish_module

import argparse
import cProfile
import io
import json
import pstats
import sys
import time


# The queries of scripts/bench_scale.sh (keep both lists the same); {unit} is the first unit by title.
SEARCHES = (
    ("audience", "@search", "portal_type=Service&catalogue_audience=businesses&sort_on=sortable_title"),
    ("category", "@search", "portal_type=Service&catalogue_category=meldunek&sort_on=sortable_title"),
    ("unit", "@search", "portal_type=Service&catalogue_responsible_unit_uid={unit}"),
    ("online-only", "@search", "portal_type=Service&catalogue_online_available=true&sort_on=sortable_title"),
    ("full-text", "@search", "portal_type=Service&SearchableText=zezwolenia"),
    ("all-filters", "@search",
     "portal_type=Service&catalogue_audience=residents&catalogue_online_available=true&SearchableText=podatku"),
    ("catalogue-page", "dla-mieszkancow/uslugi", ""),
)


def request(site_id, path, query, accept):
    """One anonymous GET through the publisher: (status, body)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "8080",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "SCRIPT_NAME": "",
        "PATH_INFO": f"/{site_id}/{path}",
        "QUERY_STRING": query,
        "HTTP_HOST": "localhost:8080",
        "HTTP_ACCEPT": accept,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    status = []
    body = publish_module(environ, lambda s, headers, exc_info=None: status.append(s))
    return status[0], b"".join(body)


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(len(values) * share)) - 1))]


def main(app, argv):
    parser = argparse.ArgumentParser(prog="bench_scale_cpu.py")
    parser.add_argument("--site-id", default="zabrze")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--profile", default="", help="name of the query to profile")
    parser.add_argument("--only", default="", help="comma-separated names of the queries to run")
    args = parser.parse_args(argv)

    catalog = app[args.site_id].portal_catalog
    units = catalog.unrestrictedSearchResults(portal_type="OrganizationalUnit", sort_on="sortable_title",
                                              sort_limit=1)
    unit = units[0].UID if len(units) else ""
    cards = len(catalog.unrestrictedSearchResults(portal_type="Service"))
    app._p_jar.sync()
    print(f"site /{args.site_id}: {cards} service cards; CPU time per request, {args.repeat} requests per query")
    print(f"{'query':15} {'results':>7} {'cpu p50':>8} {'cpu p99':>8} {'cpu max':>8} {'wall p50':>8}  (ms)")
    only = set(filter(None, args.only.split(",")))
    for name, path, query in SEARCHES:
        if only and name not in only:
            continue
        query = query.format(unit=unit)
        accept = "application/json" if path.startswith("@") else "text/html"
        status, body = request(args.site_id, path, query, accept)
        if not status.startswith("200"):
            print(f"{name}: {status}", body[:300])
            continue
        total = json.loads(body)["items_total"] if accept == "application/json" else "-"
        for _ in range(3):  # warm: the ZODB cache and the process's caches hold what the query needs
            request(args.site_id, path, query, accept)
        cpu, wall = [], []
        profile = cProfile.Profile() if name == args.profile else None
        for _ in range(args.repeat):
            if profile:
                profile.enable()
            started, cpu_started = time.perf_counter(), time.process_time()
            request(args.site_id, path, query, accept)
            cpu.append((time.process_time() - cpu_started) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
            if profile:
                profile.disable()
        print(f"{name:15} {total:>7} {percentile(cpu, 0.5):8.1f} {percentile(cpu, 0.99):8.1f} {max(cpu):8.1f} "
              f"{percentile(wall, 0.5):8.1f}", flush=True)
        if profile:
            stats = pstats.Stats(profile)
            stats.sort_stats("cumulative").print_stats(40)
            stats.sort_stats("tottime").print_stats(20)


if __name__ == "__main__":
    # `bin/instance-bench run SCRIPT ARGS` runs us as `python -c SCRIPT ARGS`: our arguments follow the script.
    argv = sys.argv[sys.argv.index("-c") + 2 :] if "-c" in sys.argv else sys.argv[1:]
    main(app, argv)  # noqa: F821 -- `app` is provided by `bin/instance-bench run`
