"""Staff sign-on with the city's directory against the real test instance (bin/instance-test) and a real slapd.

The module starts OpenLDAP (scripts/directory_server.py, the demo tree, on the test port + 260), restarts the session's
instance with the EZABRZE_DIRECTORY_* settings in its environment — as production is configured — and, at the end,
restarts it back without them and stops slapd, so the other modules sharing the server see the portal as before.

Covered over real HTTP: the login form and REST @login with a directory account, the unit's cases visible and
another unit's not, the intranet, a person moved in the directory (ldapmodify) losing the old unit's cases after the
cache time, and slapd stopped mid-test: the Polish message for staff, the administrator and the site's manager still
log in, HTTP Basic auth of staff not counted as failed logins, no 5xx.
"""

from pathlib import Path

import html
import os
import pytest
import re
import requests
import shutil
import subprocess
import support
import sys
import time


pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[2]
JSON = {"Accept": "application/json"}
TIMEOUT = 60
SERVER_SCRIPT = ROOT / "scripts" / "directory_server.py"
FORM_PATH = "dla-mieszkancow/formularze/zglos-problem"
AUTH_RE = re.compile(r'name="_authenticator"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_authenticator"')
SIGN_RE = re.compile(r'id="case-sign"[^>]*>\s*(ZAB/\d{4}/\d{6})\s*<')
SUFFIX = "dc=um,dc=zabrze,dc=pl"
CACHE_SECONDS = 2
OUTAGE = "nie odpowiada"  # in the Polish outage message
SUBMISSION_LIMIT = "ezabrze.policy.cases.submissions_per_window"

# people of the demo tree (src/ezabrze.policy/src/ezabrze/policy/directory/data/demo.ldif)
TOMASZ = ("tomasz.mazur", "haslo-tomasz-2026")  # Biuro Obsługi Mieszkańców
ROBERT = ("robert.adamczyk", "haslo-robert-2026")  # Straż Miejska
TOMASZ_DN = f"uid=tomasz.mazur,ou=biuro-obslugi-mieszkancow,ou=urzad-miejski,ou=struktura,{SUFFIX}"
# problem categories (control panel "Sprawy", defaults) and the unit their cases go to
CATEGORY_UNITS = {"inne": "biuro-obslugi-mieszkancow", "porzadek": "straz-miejska"}



server_lib = support.server_lib()
ADMIN = server_lib.ADMIN
SITE_ADMIN = server_lib.SITE_ADMIN
DIRECTORY_PORT = server_lib.PORT + 260


def directory_server(command):
    env = {**os.environ, "EZABRZE_DIRECTORY_PORT": str(DIRECTORY_PORT)}
    done = subprocess.run([sys.executable, str(SERVER_SCRIPT), command], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    if done.returncode:
        raise RuntimeError(f"directory_server.py {command} failed: {done.stdout}{done.stderr}")
    return done.stdout


def directory_environment():
    """The settings `directory_server.py env` prints (as an administrator would set them), short cache."""
    settings = dict(line.split("=", 1) for line in directory_server("env").splitlines() if "=" in line)
    settings.update({
        "EZABRZE_DIRECTORY_CACHE_SECONDS": str(CACHE_SECONDS),
        "EZABRZE_DIRECTORY_RETRY_SECONDS": "5",
        "EZABRZE_DIRECTORY_TIMEOUT": "2",
    })
    return settings


def ldap_modify(ldif):
    password = (ROOT / "var" / "directory-test" / "admin.secret").read_text().strip()
    subprocess.run(
        ["ldapmodify", "-x", "-H", f"ldap://127.0.0.1:{DIRECTORY_PORT}", "-D", f"cn=admin,{SUFFIX}", "-w", password],
        input=ldif.encode("utf-8"), check=True, capture_output=True, timeout=60,
    )


def submit_case(server, category):
    """A resident's problem report through the real form; its sign."""
    session = requests.Session()
    page = session.get(f"{server}/{FORM_PATH}", timeout=TIMEOUT)
    assert page.status_code == 200
    token = AUTH_RE.search(page.text)
    response = session.post(
        f"{server}/{FORM_PATH}",
        data={
            "form.widgets.category:list": category,
            "form.widgets.category-empty-marker": "1",
            "form.widgets.description": f"Zgłoszenie do sprawdzenia uprawnień pracowników ({category}).",
            "form.widgets.address": "ul. Wolności 286, Zabrze",
            "form.widgets.email": "",
            "form.buttons.submit": "Wyślij zgłoszenie",
            "_authenticator": html.unescape(token.group(1) or token.group(2)) if token else "",
            "protected_1": "",
        },
        timeout=120,
    )
    assert response.status_code == 200, response.status_code
    return SIGN_RE.search(response.text).group(1)


def case_url(server, sign):
    found = requests.get(
        f"{server}/@search", params={"portal_type": "Case", "case_sign": sign, "metadata_fields": "case_sign"},
        auth=ADMIN, headers=JSON, timeout=TIMEOUT,
    ).json()["items"]
    [item] = [i for i in found if i["case_sign"] == sign]
    return item["@id"]


@pytest.fixture(scope="module")
def directory_site(server, server_process):
    """The session's instance restarted with the directory in its environment; two cases in two units."""
    if server_process is None:
        pytest.skip("EZABRZE_REUSE_URL: this module restarts the harness's own instance with the directory's settings")
    if not shutil.which("ldapmodify") or not Path("/usr/sbin/slapd").exists():
        pytest.fail("Debian's slapd and ldap-utils are missing: run `make system-deps`")
    directory_server("reset")
    registry = f"{server}/@registry"
    limit = requests.get(f"{registry}/{SUBMISSION_LIMIT}", auth=ADMIN, headers=JSON, timeout=TIMEOUT).json()
    try:
        server_lib.restart(server_process, environment=directory_environment())
        # every client here is 127.0.0.1: the per-client submission limit is off while the cases are submitted
        requests.patch(registry, json={SUBMISSION_LIMIT: 0}, auth=ADMIN, headers=JSON,
                       timeout=TIMEOUT).raise_for_status()
        cases = {unit: case_url(server, submit_case(server, category)) for category, unit in CATEGORY_UNITS.items()}
        requests.patch(registry, json={SUBMISSION_LIMIT: limit}, auth=ADMIN, headers=JSON,
                       timeout=TIMEOUT).raise_for_status()
        yield {"url": server, "cases": cases}
    finally:
        directory_server("stop")
        server_lib.restart(server_process)


@pytest.fixture
def slapd_running(directory_site):
    directory_server("start")
    yield
    directory_server("start")


def rest_login(server, login, password):
    return requests.post(f"{server}/@login", json={"login": login, "password": password}, headers=JSON,
                         timeout=TIMEOUT)


def token_session(server, login, password):
    response = rest_login(server, login, password)
    assert response.status_code == 200, response.text
    session = requests.Session()
    session.headers.update({**JSON, "Authorization": f"Bearer {response.json()['token']}"})
    return session


def form_login(server, login, password):
    browser = requests.Session()
    page = browser.get(f"{server}/login", timeout=TIMEOUT)
    assert page.status_code == 200
    response = browser.post(
        f"{server}/login",
        data={"__ac_name": login, "__ac_password": password, "buttons.login": "Zaloguj", "came_from": ""},
        allow_redirects=False, timeout=TIMEOUT,
    )
    return browser, response


def hidden(status):
    return status in (401, 403, 404)


def test_login_form_with_a_directory_account(directory_site, slapd_running):
    server = directory_site["url"]
    browser, response = form_login(server, *TOMASZ)
    assert response.status_code in (200, 302)
    assert "__ac" in browser.cookies
    page = browser.get(f"{server}/intranet", timeout=TIMEOUT)
    assert page.status_code == 200
    assert "Tomasz Mazur" in page.text
    # a wrong password: no login, no outage message
    browser, response = form_login(server, TOMASZ[0], "zle-haslo")
    assert "__ac" not in browser.cookies
    assert response.status_code < 500
    assert OUTAGE not in response.text


def test_rest_login_and_the_units_cases(directory_site, slapd_running):
    server, cases = directory_site["url"], directory_site["cases"]
    assert rest_login(server, TOMASZ[0], "zle-haslo").status_code == 401
    session = token_session(server, *TOMASZ)
    me = session.get(f"{server}/@users/{TOMASZ[0]}", timeout=TIMEOUT)
    assert me.status_code == 200 and me.json()["fullname"] == "Tomasz Mazur"
    assert session.get(cases["biuro-obslugi-mieszkancow"], timeout=TIMEOUT).status_code == 200
    assert hidden(session.get(cases["straz-miejska"], timeout=TIMEOUT).status_code)
    search = session.get(f"{server}/@search", params={"portal_type": "Case"}, timeout=TIMEOUT).json()
    found = {item["@id"] for item in search["items"]}
    assert cases["biuro-obslugi-mieszkancow"] in found and cases["straz-miejska"] not in found
    assert session.get(f"{server}/intranet", timeout=TIMEOUT).status_code == 200
    # the other unit's staff see theirs, not this one
    other = token_session(server, *ROBERT)
    assert other.get(cases["straz-miejska"], timeout=TIMEOUT).status_code == 200
    assert hidden(other.get(cases["biuro-obslugi-mieszkancow"], timeout=TIMEOUT).status_code)
    # nobody else: anonymous sees no case and no intranet
    assert hidden(requests.get(cases["straz-miejska"], headers=JSON, timeout=TIMEOUT).status_code)
    assert hidden(requests.get(f"{server}/intranet", headers=JSON, timeout=TIMEOUT).status_code)


def test_moved_person_loses_the_old_units_cases(directory_site, slapd_running):
    server, cases = directory_site["url"], directory_site["cases"]
    session = token_session(server, *TOMASZ)
    assert session.get(cases["biuro-obslugi-mieszkancow"], timeout=TIMEOUT).status_code == 200
    assert hidden(session.get(cases["straz-miejska"], timeout=TIMEOUT).status_code)
    ldap_modify(
        f"dn: cn=jednostka-biuro-obslugi-mieszkancow,ou=grupy,{SUFFIX}\nchangetype: modify\ndelete: member\n"
        f"member: {TOMASZ_DN}\n\n"
        f"dn: cn=jednostka-straz-miejska,ou=grupy,{SUFFIX}\nchangetype: modify\nadd: member\nmember: {TOMASZ_DN}\n"
    )
    try:
        time.sleep(CACHE_SECONDS + 0.5)
        # nobody touched the portal: the next request after the cache time follows the directory
        assert hidden(session.get(cases["biuro-obslugi-mieszkancow"], timeout=TIMEOUT).status_code)
        assert session.get(cases["straz-miejska"], timeout=TIMEOUT).status_code == 200
    finally:
        directory_server("reset")  # the demo tree again for the tests after this one
        time.sleep(CACHE_SECONDS + 0.5)  # and the instance's cached groups of the moved person gone


def test_directory_stopped_mid_test(directory_site, slapd_running):
    server, cases = directory_site["url"], directory_site["cases"]
    staff = token_session(server, *TOMASZ)
    assert staff.get(cases["biuro-obslugi-mieszkancow"], timeout=TIMEOUT).status_code == 200
    directory_server("stop")
    # staff: the Polish message on the form and in REST, never a 5xx
    browser, response = form_login(server, *TOMASZ)
    assert response.status_code < 500
    assert "__ac" not in browser.cookies
    assert OUTAGE in response.text
    response = rest_login(server, *TOMASZ)
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "DirectoryUnavailable"
    assert OUTAGE in response.json()["error"]["message"]
    # an open session of a staff member: the case is out of reach, pages answer
    time.sleep(CACHE_SECONDS + 0.5)
    for _request in range(3):
        assert hidden(staff.get(cases["biuro-obslugi-mieszkancow"], timeout=TIMEOUT).status_code)
        assert staff.get(server, timeout=TIMEOUT).status_code < 500
        assert requests.get(f"{server}/intranet", timeout=TIMEOUT).status_code < 500
    # HTTP Basic auth of staff: anonymous, but more tries than the throttle allows are no lock-out afterwards
    for _attempt in range(7):
        response = requests.get(f"{server}/intranet", auth=TOMASZ, headers=JSON, timeout=TIMEOUT)
        assert response.status_code < 500 and response.status_code != 429
    # a local account's wrong password is a wrong password, also during the outage
    response = rest_login(server, SITE_ADMIN[0], "zle-haslo")
    assert response.status_code == 401
    assert response.json()["error"]["type"] != "DirectoryUnavailable"
    # the site's manager (a local account) and the Zope administrator still log in
    assert rest_login(server, *SITE_ADMIN).status_code == 200
    browser, _response = form_login(server, *SITE_ADMIN)
    assert "__ac" in browser.cookies
    admin = requests.get(f"{server}/@users", auth=ADMIN, headers=JSON, timeout=TIMEOUT)
    assert admin.status_code == 200
    assert requests.get(cases["straz-miejska"], auth=ADMIN, headers=JSON, timeout=TIMEOUT).status_code == 200
    # the directory is back: the staff member logs in again (not locked out by the outage's tries)
    directory_server("start")
    deadline = time.monotonic() + 60  # the instance asks the directory again after its retry pause (5 s)
    while True:
        response = rest_login(server, *TOMASZ)
        if response.status_code == 200 or time.monotonic() > deadline:
            break
        assert response.json()["error"]["type"] == "DirectoryUnavailable"
        time.sleep(2)
    assert response.status_code == 200, response.text
