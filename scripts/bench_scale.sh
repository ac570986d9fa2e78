#!/usr/bin/env bash
# scripts/bench_scale.sh — the catalogue at scale: 20,000 service cards (+ units, notices) against demo size.
#
# The benchmark site lives in var/bench (bin/instance-bench, its own FileStorage; made by scripts/bench_site.py
# on the first run, reused afterwards). The demo-size site is the throw-away test instance (like scripts/bench.sh:
# this script re-runs itself inside `tests/server.py run` unless EZABRZE_URL is set). Both instances run at the
# same time, the figures are measured in this one run:
#   * the catalogue page (anonymous) at 20,000 cards vs at demo size — goal >= 0.5x;
#   * anonymous @search with the catalogue filters (audience, category, unit, online only, full text) on the
#     20,000-card site: p99 latency of one client (wrk -c1) — goal <= 250 ms for each query.
# Timings are measured here only, never asserted in tests. Report in bench-results/.
#
# Environment: BENCH_DURATION (wrk -d of the page figures, default 10s), BENCH_SEARCH_DURATION (per query,
#              default 5s), BENCH_CONNECTIONS (default 8), BENCH_SERVICES (default 20000), BENCH_UNITS (150),
#              BENCH_NOTICES (2000): the size of the benchmark site, BENCH_WARM_CONNECTIONS (8) and
#              BENCH_WARM_DURATION (3s): the warm-up of each page and query, BENCH_SETTLE (3, seconds of
#              rest after a run with several connections), PYTHON (python3).
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$SELF")/.."
export LC_ALL=C

DURATION=${BENCH_DURATION:-10s}
SEARCH_DURATION=${BENCH_SEARCH_DURATION:-5s}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
SERVICES=${BENCH_SERVICES:-20000}
UNITS=${BENCH_UNITS:-150}
NOTICES=${BENCH_NOTICES:-2000}
PYTHON=${PYTHON:-python3}

die() { echo "bench-scale: ERROR: $*" >&2; exit 1; }
command -v wrk >/dev/null 2>&1 || die "wrk is not installed: run scripts/system_deps.sh (make system-deps)."
[ -x bin/instance-bench ] || die "bin/instance-bench is missing: run make build first."

if [ -z "${EZABRZE_URL:-}" ]; then
  if "$PYTHON" tests/server.py status; then
    EZABRZE_URL=$("$PYTHON" tests/server.py url)
  else
    exec "$PYTHON" tests/server.py run -- "$SELF" "$@"
  fi
fi
DEMO_URL=$EZABRZE_URL
BENCH_PORT=$(sed -n 's/^fast-listen = 127.0.0.1:\([0-9]*\)$/\1/p' instance-bench/etc/wsgi.ini)
[ -n "$BENCH_PORT" ] || die "cannot read the port of bin/instance-bench (instance-bench/etc/wsgi.ini)."
BIG_URL="http://localhost:$BENCH_PORT/zabrze"

# The benchmark site: made (or completed) before the instance starts; a complete one is only checked.
mkdir -p var/bench/log
echo "bench-scale: the benchmark site in var/bench ($SERVICES service cards, $UNITS units, $NOTICES notices; made on the first run)"
bin/instance-bench run scripts/bench_site.py --services "$SERVICES" --units "$UNITS" --notices "$NOTICES" | grep -v "^  " || die "scripts/bench_site.py failed"

echo "bench-scale: starting bin/instance-bench on $BIG_URL"
setsid bin/instance-bench console >var/bench/log/console.log 2>&1 &
BENCH_PID=$!
cleanup() { kill -TERM -- "-$BENCH_PID" 2>/dev/null || true; wait "$BENCH_PID" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BIG_URL" || true)" = 200 ] && break
  kill -0 "$BENCH_PID" 2>/dev/null || die "bin/instance-bench exited, see var/bench/log/console.log"
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BIG_URL" || true)" = 200 ] || die "$BIG_URL did not answer 200."

CATALOGUE=dla-mieszkancow/uslugi
CARDS=$(curl -s -H 'Accept: application/json' "$BIG_URL/@search?portal_type=Service&b_size=1" \
  | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["items_total"])')
UNIT_UID=$(curl -s -H 'Accept: application/json' \
  "$BIG_URL/@search?portal_type=OrganizationalUnit&b_size=1&sort_on=sortable_title&metadata_fields=UID" \
  | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["UID"])')
echo "bench-scale: $CARDS service cards on the benchmark site"

SEARCHES=(
  "audience|@search?portal_type=Service&catalogue_audience=businesses&sort_on=sortable_title"
  "category|@search?portal_type=Service&catalogue_category=meldunek&sort_on=sortable_title"
  "unit|@search?portal_type=Service&catalogue_responsible_unit_uid=$UNIT_UID"
  "online-only|@search?portal_type=Service&catalogue_online_available=true&sort_on=sortable_title"
  "full-text|@search?portal_type=Service&SearchableText=zezwolenia"
  "all-filters|@search?portal_type=Service&catalogue_audience=residents&catalogue_online_available=true&SearchableText=podatku"
)

# Warm-up with as many connections as the instance has threads (4, buildout.cfg), so that every thread's ZODB
# connection has the catalog's buckets in its cache before a figure is taken: sequential requests may all land on
# one or two threads, and the first request of a cold connection at 20,000 cards loads hundreds of buckets.
WARM_CONNECTIONS=${BENCH_WARM_CONNECTIONS:-8}
warm() { wrk -t1 -c"$WARM_CONNECTIONS" -d"${BENCH_WARM_DURATION:-3s}" --timeout 20s -H "Accept: $2" "$1" >/dev/null || true; }
echo "bench-scale: warming up (wrk -c$WARM_CONNECTIONS, each page and query)"
warm "$DEMO_URL/$CATALOGUE" text/html
warm "$BIG_URL/$CATALOGUE" text/html
for search in "${SEARCHES[@]}"; do warm "$BIG_URL/${search#*|}" application/json; done
sleep "${BENCH_SETTLE:-3}"

run_wrk() {  # run_wrk CONNECTIONS DURATION URL [ACCEPT]
  local out
  out=$(wrk -t1 -c"$1" -d"$2" --timeout 10s --latency -H "Accept: ${4:-text/html}" "$3") || die "wrk failed on $3"
  grep -q "Non-2xx or 3xx responses" <<<"$out" && die "$3 answered with errors under load: result invalid."$'\n'"$out"
  echo "$out"
}
rps() { awk '/^Requests\/sec:/ {print $2}' <<<"$1"; }
# wrk prints "99%  123.45ms" (or us / s): as milliseconds
p99_ms() { awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
  f = (u == "us" ? 0.001 : (u == "s" ? 1000 : 1)); printf "%.1f", v * f }' <<<"$1"; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# When wrk stops, the instance still works through the requests of its other connections (up to
# $CONNECTIONS, about a second of work at 20,000 cards on this machine): the next figure would share the CPU
# with them (it made the first @search figure after the page figures ten times slower for its first second).
settle() { sleep "${BENCH_SETTLE:-3}"; }
warm "$DEMO_URL/$CATALOGUE" text/html; settle
DEMO_OUT=$(run_wrk "$CONNECTIONS" "$DURATION" "$DEMO_URL/$CATALOGUE"); settle
warm "$BIG_URL/$CATALOGUE" text/html; settle
BIG_OUT=$(run_wrk "$CONNECTIONS" "$DURATION" "$BIG_URL/$CATALOGUE"); settle
demo_rps=$(rps "$DEMO_OUT"); big_rps=$(rps "$BIG_OUT")
ratio=$(awk -v b="$big_rps" -v d="$demo_rps" 'BEGIN { printf "%.2f", (d > 0 ? b / d : 0) }')
missed=0
verdict=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5 ? "met" : "MISSED") }')
[ "$verdict" = met ] || missed=$((missed + 1))

summary=$(printf 'catalogue page, %s cards: %s req/s vs demo size %s req/s = %sx (goal >= 0.5: %s)' \
  "$CARDS" "$big_rps" "$demo_rps" "$ratio" "$verdict")$'\n'
SEARCH_OUTS=""
for search in "${SEARCHES[@]}"; do
  name=${search%%|*}; path=${search#*|}
  out=$(run_wrk 1 "$SEARCH_DURATION" "$BIG_URL/$path" application/json)
  total=$(curl -s -H 'Accept: application/json' "$BIG_URL/$path" \
    | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["items_total"])')
  p99=$(p99_ms "$out")
  verdict=$(awk -v p="$p99" 'BEGIN { print (p <= 250 ? "met" : "MISSED") }')
  [ "$verdict" = met ] || missed=$((missed + 1))
  summary+=$(printf '@search %-12s %6s results  p99 %7s ms  %7s req/s (1 client)  (goal p99 <= 250 ms: %s)' \
    "$name" "$total" "$p99" "$(rps "$out")" "$verdict")$'\n'
  SEARCH_OUTS+="--- wrk -c1, @search $name: $BIG_URL/$path"$'\n'"$out"$'\n\n'
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

mkdir -p bench-results
report="bench-results/bench-scale-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "date: $(date -Iseconds)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo none)$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
  echo "machine: $(nproc) cores, $(uname -srm)"
  echo "load_average: $LOAD_BEFORE -> $LOAD_AFTER"
  echo
  echo -n "$summary"
  echo
  echo "--- wrk -c$CONNECTIONS, catalogue page at demo size: $DEMO_URL/$CATALOGUE"; echo "$DEMO_OUT"; echo
  echo "--- wrk -c$CONNECTIONS, catalogue page at $CARDS cards: $BIG_URL/$CATALOGUE"; echo "$BIG_OUT"; echo
  echo -n "$SEARCH_OUTS"
} >"$report"

echo
echo "measured in this one run (load average $LOAD_BEFORE -> $LOAD_AFTER):"
echo -n "$summary"
echo "report: $report"
[ "$missed" = 0 ] || echo "bench-scale: $missed goal(s) missed" >&2
