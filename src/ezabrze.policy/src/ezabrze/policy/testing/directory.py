"""The real OpenLDAP directory of the sign-on tests: scripts/directory_server.py (slapd on loopback, the demo tree
of ezabrze/policy/directory/data/demo.ldif) and what the tests do in it."""

from collective.easyform.api import get_actions
from collective.honeypot.config import HONEYPOT_FIELD
from ezabrze.policy.cases import api as cases_api
from pathlib import Path
from plone import api

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
    done = subprocess.run([sys.executable, str(SERVER), command], env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"directory_server.py {command} failed: {done.stdout}{done.stderr}")


def ldap_modify(ldif):
    """ldapmodify as the demo tree's administrator (what the city's IT does in the directory)."""
    password = (ROOT / "var" / "directory-test" / "admin.secret").read_text().strip()
    subprocess.run(
        ["ldapmodify", "-x", "-H", URL, "-D", f"cn=admin,{SUFFIX}", "-w", password],
        input=ldif.encode("utf-8"),
        check=True,
        capture_output=True,
    )


UNITS = (
    ("mops", "Miejski Ośrodek Pomocy Społecznej w Zabrzu"),
    ("biuro-obslugi-mieszkancow", "Biuro Obsługi Mieszkańców"),
    ("wydzial-organizacyjny", "Wydział Organizacyjny"),
    ("wydzial-komunikacji", "Wydział Komunikacji"),
    ("biuro-rad-dzielnic", "Biuro Rad Dzielnic i Budżetu Obywatelskiego"),
    ("wydzial-informatyki", "Wydział Informatyki"),
)


def make_units(portal):
    units = portal["dla-mieszkancow"]["jednostki"]
    for unit_id, title in UNITS:
        if unit_id not in units:
            api.content.create(container=units, type="OrganizationalUnit", id=unit_id, title=title)
        cases_api.ensure_unit_group(unit_id)


def submit_case(portal, request, unit_id):
    """A resident's case (the real form action of the problem form), routed to the unit."""
    easyform = portal.unrestrictedTraverse("dla-mieszkancow/formularze/zglos-problem")
    request.form[HONEYPOT_FIELD] = ""
    fields = {"category": "inne", "description": f"Sprawa dla {unit_id}", "address": "ul. Wolności 1",
              "email": "jan@example.com"}
    get_actions(easyform)["utworz_sprawe"].onSuccess(fields, request)
    case = cases_api.find_case(request.get("ezabrze.cases.created")["sign"])
    with api.env.adopt_roles(["Manager"]):
        cases_api.grant_unit(case, unit_id, previous=case.unit_id)
    return case
