#!/usr/bin/env bash
# Runs every test suite, each in its own pytest process, and exits non-zero if any failed.
#
# One process per package: each package's plone.app.testing layers are siblings on the same base layers,
# and zope.pytestlayer creates a base layer's fixtures only in the conftest that first asks for them, so
# the packages' tests cannot share one pytest session. tests/ (real instance, browser) runs last.
# Extra arguments go to every pytest run, e.g. scripts/run_tests.sh -x -k catalogue
set -uo pipefail
cd "$(dirname "$0")/.."

# Lint first (ruff.toml): a lint failure fails the run like a failed test.
echo "=== ruff"
lint_failed=0
if ! .venv/bin/ruff check src tests scripts conftest.py; then lint_failed=1; fi

# The strategy portfolio and the network registry run on their own layer (the policy's layer plus their demo data,
# a sibling of the policy's layers): their own process too.
FEATURE_SUITES="src/ezabrze.policy/tests/strategy src/ezabrze.policy/tests/network"
suites=(
  "src/ezabrze.policy/tests --ignore=src/ezabrze.policy/tests/strategy --ignore=src/ezabrze.policy/tests/network"
  "$FEATURE_SUITES"
  src/ezabrze.theme/tests
  src/ezabrze.ngo/tests
  tests
)
status=$lint_failed
passed=0 failed=$lint_failed errors=0 skipped=0
for suite in "${suites[@]}"; do
  echo "=== $suite"
  log=$(mktemp)
  # shellcheck disable=SC2086  # a suite is its paths and options, split on spaces
  bin/pytest $suite "$@" 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  # pytest exit 5 = "no tests collected" (e.g. a -k that matches nothing in this suite): not a failure
  if [ "$code" -ne 0 ] && [ "$code" -ne 5 ]; then status=1; fi
  summary=$(grep -E '([0-9]+ (passed|failed|errors?|skipped|deselected)|no tests ran).* in [0-9.]+s' "$log" | tail -n 1)
  for kind in passed failed errors skipped; do
    pattern=$kind; [ "$kind" = errors ] && pattern='errors?'
    n=$(grep -oE "[0-9]+ $pattern" <<<"$summary" | grep -oE '^[0-9]+' || true)
    eval "$kind=\$(( $kind + ${n:-0} ))"
  done
  rm -f "$log"
done
echo
echo "all suites: $passed passed, $failed failed, $errors errors, $skipped skipped"
echo "$passed passed, $((failed + errors)) failed"
exit $status
