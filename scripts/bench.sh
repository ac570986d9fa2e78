#!/usr/bin/env bash
# scripts/bench.sh — anonymous throughput of the portal's own pages and REST answers against a stock Plone
# Document (page and REST), all measured in one run, printed as ratios with the goals of the headless API;
# a consultation page with 300 remarks among them.
#
# Uses the throw-away test instance (bin/instance-test, http://localhost:18080/zabrze), started and
# stopped by tests/server.py exactly as the pytest harness does (fresh var/test, site created by
# scripts/create_site.py): this script re-runs itself inside `tests/server.py run`. If the test
# instance already answers, it is reused and left running.
# Creates (idempotently) the published Document "bench-stock-page" via REST as admin (its text:
# scripts/bench_stock_page.html, also used by scripts/profile_pages.py), warms all pages, then runs wrk on each
# and prints requests/s and the ratio target/stock. A report is written to bench-results/ (git-ignored).
# Timings are only measured here, never asserted in tests.
#
# Method (A-B-A against drift): on a shared or warming machine the stock page itself moved by 11-24 % within
# one run, more than the margins of the goals. So in each round every target is measured right between two
# runs of its stock baseline (stock page for pages, the stock Document's REST answer for REST; the baseline run
# after one target is also the one before the next: S T1 S T2 S ...), and the target's ratio in that round is
# its requests/s over the mean of the two baseline runs around it. The figure printed per target is the median
# of its per-round ratios, with their min-max, next to the raw requests/s of the target and of its baseline
# (all their requests over all their time in the run); the goal is judged on the median. The stock page's
# slowest and fastest run and its last/first show how much the machine drifted.
#
# Environment: BENCH_DURATION (wrk -d, default 10s), BENCH_CONNECTIONS (wrk -c, default 8),
#              BENCH_THREADS (wrk -t, default 2), BENCH_TIMEOUT (wrk --timeout, default 10s),
#              BENCH_ADMIN (default: [admin] of var/secrets.cfg), PYTHON (default python3),
#              BENCH_REMARKS (remarks on the consultation page, default 300),
#              BENCH_ROUNDS (default 3: rounds of A-B-A; 3 rounds of 18 wrk runs take 9 minutes at 10 s each).
# STOCK_DEEP, the same stock Document three levels down (as deep as a card or unit, in two folders hidden from
# the navigation), is printed against STOCK without a goal: what depth alone costs a stock page.
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$SELF")/.."
export LC_ALL=C

DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
THREADS=${BENCH_THREADS:-2}
ROUNDS=${BENCH_ROUNDS:-3}
TIMEOUT=${BENCH_TIMEOUT:-10s}
ADMIN=${BENCH_ADMIN:-$(python3 "$(dirname "$0")/admin_secrets.py" get admin)}
PYTHON=${PYTHON:-python3}

die() { echo "bench: ERROR: $*" >&2; exit 1; }

command -v wrk >/dev/null 2>&1 || die "wrk is not installed: run scripts/system_deps.sh (make system-deps)."
command -v curl >/dev/null 2>&1 || die "curl is not installed."
[ -x bin/instance-test ] || die "bin/instance-test is missing: run make build first."

if [ -z "${EZABRZE_URL:-}" ]; then
  if "$PYTHON" tests/server.py status; then
    EZABRZE_URL=$("$PYTHON" tests/server.py url)
    echo "bench: reusing the test instance already running at $EZABRZE_URL"
  else
    # Fresh server for the run of this script, stopped afterwards (also on failure or Ctrl-C).
    exec "$PYTHON" tests/server.py run -- "$SELF" "$@"
  fi
fi
SITE_URL=$EZABRZE_URL
STOCK_URL="$SITE_URL/bench-stock-page"

echo "bench: ensuring the published stock Document $STOCK_URL"
"$PYTHON" - "$SITE_URL" "$ADMIN" scripts/bench_stock_page.html <<'PY'
"""Create and publish the stock Plone Document "bench-stock-page" if needed (REST, as admin)."""
import base64
import json
import sys
import urllib.error
import urllib.request

site, admin = sys.argv[1], sys.argv[2]
AUTH = "Basic " + base64.b64encode(admin.encode()).decode()
TEXT = open(sys.argv[3], encoding="utf-8").read()  # scripts/bench_stock_page.html, shared with the profiler


def call(method, url, payload=None):
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Accept": "application/json", "Content-Type": "application/json", "Authorization": AUTH})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")[:2000]


def ensure(container, payload):
    """GET or create (POST) the published item ``payload["id"]`` in ``container``; its URL."""
    url = f"{container}/{payload['id']}"
    status, item = call("GET", url)
    if status == 404:
        status, item = call("POST", container, payload)
        if status != 201:
            sys.exit(f"bench: could not create {url} (HTTP {status}): {item}")
        print(f"bench: created {url}")
    elif status != 200:
        sys.exit(f"bench: GET {url} as admin answered HTTP {status}: {item}")
    if item.get("review_state") != "published":
        status, result = call("POST", f"{url}/@workflow/publish")
        if status != 200:
            sys.exit(f"bench: could not publish {url} (HTTP {status}): {result}")
        print(f"bench: published {url}")
    return url


STOCK_PAGE = {
    "@type": "Document",
    "id": "bench-stock-page",
    "title": "E-usługi Urzędu Miejskiego w Zabrzu",
    "description": "Jak załatwić sprawę urzędową przez Internet — strona wzorcowa do pomiarów wydajności.",
    "text": {"data": TEXT.strip(), "content-type": "text/html", "encoding": "utf-8"},
    "exclude_from_nav": True,
}
ensure(site, STOCK_PAGE)
# The same Document as deep as a service card or unit (STOCK_DEEP, for information: what depth alone costs), in
# two published folders hidden from the navigation (as scripts/profile_pages.py makes them).
container = site
for folder_id, title in (("bench-glebia", "Pomiar: poziom 1"), ("poziom-2", "Pomiar: poziom 2")):
    container = ensure(container, {"@type": "Folder", "id": folder_id, "title": title, "exclude_from_nav": True})
ensure(container, STOCK_PAGE)
PY

CONSULTATION_PATH="organizacje-pozarzadowe/konsultacje/bench-konsultacja"
echo "bench: ensuring the consultation $SITE_URL/$CONSULTATION_PATH with ${BENCH_REMARKS:-300} remarks"
"$PYTHON" - "$SITE_URL" "$ADMIN" "${BENCH_REMARKS:-300}" <<'PY'
"""An open consultation "bench-konsultacja" with N public remarks (REST: admin creates it and a resident account,
the resident posts the remarks; the participation limits are switched off on this throw-away instance first)."""
import base64
import json
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, UTC

site, admin, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
folder = f"{site}/organizacje-pozarzadowe/konsultacje"
url = f"{folder}/bench-konsultacja"
RESIDENT = ("bench-mieszkaniec", "Bench-Mieszkaniec-2027!")


def call(method, target, payload=None, auth=admin):
    data = json.dumps(payload).encode() if payload is not None else None
    token = base64.b64encode(auth.encode()).decode()
    request = urllib.request.Request(target, data=data, method=method, headers={
        "Accept": "application/json", "Content-Type": "application/json", "Authorization": f"Basic {token}"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")[:2000]


status, _ = call("PATCH", f"{site}/@registry", {"ezabrze.ngo.consultations.remarks_per_account": 0,
                                                "ezabrze.ngo.consultations.remarks_per_address": 0})
if status != 204:
    sys.exit(f"bench: could not switch the participation limits off (HTTP {status})")
status, _ = call("GET", url)
if status == 404:
    now = datetime.now(UTC)
    draft = "".join(f"<p>§ {i}. Przepis numer {i} programu współpracy z organizacjami pozarządowymi.</p>"
                    for i in range(1, 16))
    status, body = call("POST", folder, {
        "@type": "Consultation", "id": "bench-konsultacja", "title": "Program współpracy — pomiar wydajności",
        "description": "Konsultacja z wieloma uwagami: strona wzorcowa do pomiarów wydajności.",
        "draft": {"data": draft, "content-type": "text/html"}, "participation": "ngo_residents",
        "consultation_forms": ["online"], "start": (now - timedelta(days=1)).isoformat(),
        "end": (now + timedelta(days=30)).isoformat(), "contact_person": "Anna Nowak",
        "contact_email": "ngo@um.zabrze.pl",
    })
    if status != 201:
        sys.exit(f"bench: could not create the consultation (HTTP {status}): {body}")
    status, body = call("POST", f"{url}/@workflow/schedule", {})
    if status != 200:
        sys.exit(f"bench: could not schedule the consultation (HTTP {status}): {body}")
    call("POST", f"{site}/@users", {"username": RESIDENT[0], "email": "bench-mieszkaniec@example.org",
                                   "password": RESIDENT[1]})
status, page = call("GET", f"{url}/@remarks?b_size=1", auth=":".join(RESIDENT))
have = page.get("items_total", 0) if status == 200 else 0
units = ["par-1", "par-2", "par-3", "par-4", "par-5", ""]


def post(i):
    return call("POST", f"{url}/@remarks", {"unit_id": units[i % len(units)], "proposed_wording": f"Brzmienie {i}",
                                           "justification": f"Uzasadnienie uwagi numer {i} do projektu."},
                auth=":".join(RESIDENT))[0]


if have < wanted:
    with ThreadPoolExecutor(4) as pool:
        codes = list(pool.map(post, range(have, wanted)))
    bad = [c for c in codes if c != 201]
    if bad:
        sys.exit(f"bench: {len(bad)} remarks were not accepted (HTTP {sorted(set(bad))})")
print(f"bench: the consultation has {max(have, wanted)} remarks")
PY

# The pages measured (NAME|path below the site|Accept header) and what each is compared with: own pages with
# the stock Document page, own REST answers with the stock Document's REST answer (issue goals in GOALS).
TARGETS=(
  "STOCK|bench-stock-page|text/html"
  "STOCK_DEEP|bench-glebia/poziom-2/bench-stock-page|text/html"
  "HOME||text/html"
  "SERVICE|dla-mieszkancow/uslugi/zameldowanie-na-pobyt-staly|text/html"
  "CATALOGUE|dla-mieszkancow/uslugi|text/html"
  "UNIT|dla-mieszkancow/jednostki/wydzial-spraw-obywatelskich|text/html"
  "BOARD|rady-dzielnic|text/html"
  "CONSULTATION|$CONSULTATION_PATH|text/html"
  "STOCK_REST|bench-stock-page|application/json"
  "SERVICE_REST|dla-mieszkancow/uslugi/zameldowanie-na-pobyt-staly|application/json"
)
# NAME BASELINE GOAL: ratio NAME/BASELINE and the goal it must reach (a dash: no goal, shown for information)
GOALS=(
  "STOCK_DEEP STOCK -"
  "HOME STOCK -"
  "SERVICE STOCK 0.9"
  "CATALOGUE STOCK 0.9"
  "UNIT STOCK 0.9"
  "BOARD STOCK 0.9"
  "CONSULTATION STOCK 0.5"
  "SERVICE_REST STOCK_REST 0.8"
)
url_of() { local path=$1; [ -n "$path" ] && echo "$SITE_URL/$path" || echo "$SITE_URL"; }

for target in "${TARGETS[@]}"; do
  IFS='|' read -r name path accept <<<"$target"
  url=$(url_of "$path")
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Accept: $accept" "$url" || true)
  [ "$code" = 200 ] || die "anonymous GET $url ($accept) answered HTTP ${code:-none}, expected 200."
done

echo "bench: warming up"
for _ in $(seq 1 10); do
  for target in "${TARGETS[@]}"; do
    IFS='|' read -r name path accept <<<"$target"
    curl -s -o /dev/null -H "Accept: $accept" "$(url_of "$path")"
  done
done

# run_wrk NAME URL ACCEPT: runs wrk, keeps its output in $WRK_<NAME>, prints it.
run_wrk() {
  local name=$1 url=$2 accept=$3 out
  echo "bench: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT --latency -H 'Accept: $accept' $url"
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency -H "Accept: $accept" "$url") \
    || die "wrk failed on $url"
  echo "$out"
  if grep -q "Non-2xx or 3xx responses" <<<"$out"; then
    die "$url answered with errors under load (see 'Non-2xx or 3xx responses' above): result invalid."
  fi
  if grep -q "^ *0 requests in" <<<"$out"; then
    die "no request to $url completed within wrk's --timeout $TIMEOUT: result invalid."
  fi
  if grep -q "Socket errors" <<<"$out"; then
    echo "bench: WARNING: socket errors or time-outs on $url (see above): the figure is a lower bound." >&2
  fi
  printf -v "WRK_$name" '%s' "$out"
}
rps() { awk '/^Requests\/sec:/ {print $2}' <<<"$1"; }

# "802 requests in 10.07s, 8.51MB read" -> "802 10.07" (wrk writes longer runs in minutes: "1.00m")
requests_and_seconds() {
  awk '/ requests in / { t = $4; sub(/,$/, "", t); f = (t ~ /m$/) ? 60 : 1; sub(/[ms]$/, "", t); print $1, t * f }' <<<"$1"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
declare -A RPS REQUESTS SECONDS_RUN OUTPUTS RATIOS BASE_RUNS
declare -A PATH_OF ACCEPT_OF
for target in "${TARGETS[@]}"; do
  IFS='|' read -r name path accept <<<"$target"
  PATH_OF[$name]=$path
  ACCEPT_OF[$name]=$accept
done

# measure NAME: one wrk run of the target NAME; adds its requests and time to NAME's totals, keeps wrk's
# output, sets LAST_RPS to the run's requests/s.
measure() {
  local name=$1 var count seconds
  run_wrk "$name" "$(url_of "${PATH_OF[$name]}")" "${ACCEPT_OF[$name]}"
  var="WRK_$name"
  read -r count seconds < <(requests_and_seconds "${!var}") || true
  [ -n "${count:-}" ] && [ -n "${seconds:-}" ] || die "could not read the requests and the time of $name from wrk's output."
  REQUESTS[$name]=$(( ${REQUESTS[$name]:-0} + count ))
  SECONDS_RUN[$name]=$(awk -v a="${SECONDS_RUN[$name]:-0}" -v b="$seconds" 'BEGIN { print a + b }')
  OUTPUTS[$name]+="${!var}"$'\n'
  LAST_RPS=$(rps "${!var}")
  [ -n "$LAST_RPS" ] || die "could not read Requests/sec of $name from wrk's output."
}

# A-B-A: in each round every target is measured right between two runs of its stock baseline (the baseline
# run after one target is the one before the next), and its ratio for the round is its requests/s over the
# mean of those two baseline runs. A load that changes during the run (other processes, the machine's
# temperature) then weighs on a target and on the baseline it is divided by alike.
for round in $(seq 1 "$ROUNDS"); do
  echo "bench: round $round of $ROUNDS"
  last_base=""
  last_base_rps=""
  for goal in "${GOALS[@]}"; do
    read -r name base _want <<<"$goal"
    if [ "$last_base" != "$base" ]; then
      measure "$base"
      BASE_RUNS[$base]+="$LAST_RPS "
      last_base=$base
      last_base_rps=$LAST_RPS
    fi
    before=$last_base_rps
    measure "$name"
    target_rps=$LAST_RPS
    measure "$base"
    BASE_RUNS[$base]+="$LAST_RPS "
    last_base_rps=$LAST_RPS
    ratio=$(awk -v t="$target_rps" -v a="$before" -v b="$LAST_RPS" 'BEGIN { m = (a + b) / 2; printf "%.3f", (m > 0 ? t / m : 0) }')
    RATIOS[$name]+="$ratio "
    echo "bench: round $round: $name $target_rps req/s between $base $before and $LAST_RPS req/s: ${ratio}x"
  done
done
# Raw requests/s of each target: all its requests over all its time in the run.
for target in "${TARGETS[@]}"; do
  name=${target%%|*}
  RPS[$name]=$(awk -v n="${REQUESTS[$name]:-0}" -v t="${SECONDS_RUN[$name]:-0}" 'BEGIN { printf "%.2f", (t > 0 ? n / t : 0) }')
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
# How far the stock page moved during the run: its slowest and fastest run, and its last run over its first.
read -r stock_min stock_max drift < <(tr ' ' '\n' <<<"${BASE_RUNS[STOCK]}" | awk 'NF {
  v[++n] = $1; if (n == 1 || $1 < lo) lo = $1; if (n == 1 || $1 > hi) hi = $1 }
  END { printf "%.2f %.2f %.2f\n", lo, hi, (v[1] > 0 ? v[n] / v[1] : 0) }')

# median MIN MAX of the numbers given (one per word)
stats_of() { tr ' ' '\n' <<<"$1" | awk 'NF' | sort -g | awk '{ v[++n] = $1 } END {
  m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2; printf "%.2f %.2f %.2f\n", m, v[1], v[n] }'; }

summary=""
missed=0
for goal in "${GOALS[@]}"; do
  read -r name base want <<<"$goal"
  read -r ratio low high < <(stats_of "${RATIOS[$name]}")
  verdict="(no goal)"
  if [ "$want" != "-" ]; then
    if awk -v r="$ratio" -v w="$want" 'BEGIN { exit !(r >= w) }'; then verdict="goal >= $want: met"
    else verdict="goal >= $want: MISSED"; missed=$((missed + 1)); fi
  fi
  summary+=$(printf '%-13s %9s req/s vs %-10s %9s req/s: median %5sx (%s-%s over %s rounds)  %s' "$name" "${RPS[$name]}" \
    "$base" "${RPS[$base]}" "$ratio" "$low" "$high" "$ROUNDS" "$verdict")$'\n'
done

mkdir -p bench-results
report="bench-results/bench-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "date: $(date -Iseconds)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo none)$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
  echo "machine: $(nproc) cores, $(uname -srm)"
  echo "wrk: -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT, rounds: $ROUNDS"
  echo "load_average_before: $LOAD_BEFORE"
  echo "load_average_after: $LOAD_AFTER"
  echo "method: A-B-A, each target between two runs of its stock baseline in each round; ratio per round ="
  echo "        target / mean of the two baseline runs; figure = median of the rounds (min-max)"
  echo "stock_page_runs_requests_per_sec: ${BASE_RUNS[STOCK]}"
  echo "stock_page_last_vs_first: $drift"
  for target in "${TARGETS[@]}"; do
    IFS='|' read -r name path accept <<<"$target"
    echo "${name,,}_url: $(url_of "$path") ($accept)"
    echo "${name,,}_requests_per_sec: ${RPS[$name]}"
    [ -z "${RATIOS[$name]:-}" ] || echo "${name,,}_ratios_per_round: ${RATIOS[$name]}"
  done
  echo
  echo "$summary"
  for target in "${TARGETS[@]}"; do
    name=${target%%|*}
    echo "--- wrk, $name"
    echo "${OUTPUTS[$name]}"
    echo
  done
} >"$report"

echo
echo "ratios measured in this one run, A-B-A (each target between two runs of its baseline; load average $LOAD_BEFORE -> $LOAD_AFTER):"
echo -n "$summary"
echo "stock page: $stock_min-$stock_max req/s over its runs, last/first ${drift}x (the ratios divide by the baseline measured around each target)"
echo "report: $report"
[ "$missed" = 0 ] || echo "bench: $missed goal(s) missed" >&2
