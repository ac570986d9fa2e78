#!/usr/bin/env bash
# Debian headers that buildout needs to compile an egg, installed only when missing (idempotent; `make build`
# runs it first). python-ldap (pas.plugins.ldap, the staff directory sign-on) compiles against OpenLDAP's and
# Cyrus SASL's headers.
set -euo pipefail

need=()
[ -f /usr/include/ldap.h ] || need+=(libldap2-dev)
[ -f /usr/include/sasl/sasl.h ] || need+=(libsasl2-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages needed to build python-ldap: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
