"""The real OpenLDAP directory of the sign-on tests: scripts/directory_server.py (slapd on loopback, the demo tree
of ezabrze/policy/directory/data/demo.ldif) and what the tests do in it."""

from pathlib import Path

import os
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[6]
SERVER = ROOT / "scripts" / "directory_server.py"
SUFFIX = "dc=um,dc=zabrze,dc=pl"
PORT = int(os.environ.get("EZABRZE_TEST_PORT", "18080")) + 260
URL = f"ldap://127.0.0.1:{PORT}"
CACHE_SECONDS = 1
RETRY_SECONDS = 30

# people of the demo tree (demo.ldif): login, password, unit
IWONA = ("iwona.stepien", "haslo-iwona-2026", "mops")
TOMASZ = ("tomasz.mazur", "haslo-tomasz-2026", "biuro-obslugi-mieszkancow")
JAKUB = ("jakub.duda", "haslo-jakub-2026", "wydzial-organizacyjny")  # in redaktorzy-portalu
LEFT = ("tomasz.wojcik", "haslo-tomasz-2026")  # left the office: outside the staff tree


def directory_server(command):
    env = {**os.environ, "EZABRZE_DIRECTORY_PORT": str(PORT)}
    subprocess.run([sys.executable, str(SERVER), command], check=True, env=env, capture_output=True)


def ldap_modify(ldif):
    """ldapmodify as the demo tree's administrator (what the city's IT does in the directory)."""
    password = (ROOT / "var" / "directory-test" / "admin.secret").read_text().strip()
    subprocess.run(
        ["ldapmodify", "-x", "-H", URL, "-D", f"cn=admin,{SUFFIX}", "-w", password],
        input=ldif.encode("utf-8"),
        check=True,
        capture_output=True,
    )
