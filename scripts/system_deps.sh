#!/usr/bin/env bash
# Installs what the tests and benchmarks need beyond Python, if missing:
#  - Debian's chromium and chromium-driver (browser + accessibility tests, headless)
#  - Debian's wrk (make bench)
#  - axe-core from the npm registry (accessibility rules run inside the browser)
#  - Debian's varnish, haproxy and postgresql-15 (the production stack: make cluster, tests/cluster)
#  - Debian's Pango and DejaVu fonts (WeasyPrint's PDF exports: text layout and Polish glyphs)
#  - Debian's slapd and ldap-utils (the throw-away directory of the sign-on tests: scripts/directory_server.py);
#    installed without a configuration of its own and never started as a system service: the tests run their
#    own slapd on loopback
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || need+=(varnish)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || need+=(haproxy)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
[ -x /usr/sbin/slapd ] || need+=(slapd)
command -v ldapmodify >/dev/null 2>&1 || need+=(ldap-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # slapd: no database of its own (debconf), and no service started by the package scripts (policy-rc.d for the
  # time of the installation, only if the machine has none)
  echo "slapd slapd/no_configuration boolean true" | $SUDO debconf-set-selections
  own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d
    own_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  if [ -n "$own_policy" ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi
fi

if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  echo "Installing axe-core (npm ci in tests/browser)"
  (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi
