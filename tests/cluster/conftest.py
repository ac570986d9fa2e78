"""The production stack for the cluster tests: PostgreSQL -> cluster-test1 + cluster-test2 (RelStorage)
-> HAProxy -> Varnish, started fresh for the session by deploy/cluster.py (stack "cluster-test": own ports
derived from EZABRZE_TEST_PORT, own var/cluster-test) and stopped at the end. Nothing is skipped: if a
service cannot start, every test here fails with the reason.
"""

from pathlib import Path

import base64
import contextlib
import html
import os
import pytest
import re
import requests
import support
import time


ROOT = Path(__file__).resolve().parents[2]



cluster_lib = support.cluster_lib()


def fresh_stack():
    """Stop what a previous run left, wipe var/cluster-test, start everything (site with demo content)."""
    stack = cluster_lib.Stack("cluster-test")
    cluster_lib.stop(stack)
    cluster_lib.wipe(stack)
    cluster_lib.start(stack)
    return stack


@pytest.fixture(scope="session")
def stack():
    if os.environ.get("CLUSTER_TEST_REUSE") == "1":
        # While writing tests: `python3 deploy/cluster.py --stack cluster-test start` once, then
        # CLUSTER_TEST_REUSE=1 bin/pytest tests/cluster ...: the running stack is used and left running.
        yield cluster_lib.Stack("cluster-test")
        return
    error = None
    with contextlib.ExitStack() as cleanup:
        try:
            started = fresh_stack()
        except Exception as exc:  # noqa: BLE001 -- any failure to start is reported, never skipped
            error = f"{type(exc).__name__}: {exc}"
        if error is not None:
            with contextlib.suppress(Exception):
                cluster_lib.stop(cluster_lib.Stack("cluster-test"))
            pytest.fail(f"Could not start the production stack (deploy/cluster.py):\n{error}", pytrace=False)
        cleanup.callback(cluster_lib.stop, started)
        yield started


class Client:
    """requests for one stack: the public URL (Varnish), HAProxy, each instance; admin via Basic auth."""

    def __init__(self, stack):
        self.stack = stack
        self.admin = stack.admin

    def admin_headers(self):
        token = base64.b64encode(f"{self.admin[0]}:{self.admin[1]}".encode()).decode()
        return {"Authorization": f"Basic {token}", "Accept": "application/json"}

    def rest(self, method, url, payload=None, expect=(200, 201, 204)):
        response = requests.request(method, url, json=payload, headers=self.admin_headers(), timeout=120)
        assert response.status_code in expect, f"{method} {url}: {response.status_code} {response.text[:500]}"
        return response.json() if response.content else {}

    def login(self, base, username, password):
        """A browser-like session logged in with the login form (cookie __ac), through ``base``."""
        session = requests.Session()
        form = session.get(f"{base}/login", timeout=60)
        assert form.status_code == 200
        response = session.post(f"{base}/login", data={
            "__ac_name": username, "__ac_password": password, "buttons.login": "Zaloguj",
            "came_from": "", "protected_1": "",
        }, timeout=60, allow_redirects=False)
        assert response.status_code in (200, 302), response.status_code
        assert "__ac" in session.cookies, f"no login cookie for {username}: {response.status_code}"
        return session

    def add_user(self, username, roles=(), groups=()):
        password = f"Haslo-{username}-{int(time.time())}!"
        base = self.stack.instance_url(self.stack.parts[0])
        self.rest("POST", f"{base}/@users", {
            "username": username, "email": f"{username}@example.org", "password": password,
            "roles": list(roles), "fullname": username.replace("-", " ").title(),
        })
        for group in groups:
            self.rest("PATCH", f"{base}/@groups/{group}", {"users": {username: True}})
        return username, password


    def submit_case(self, base):
        """One "Zgłoś problem" submission as an anonymous resident; returns the answer page."""
        session = requests.Session()
        form_url = f"{base}/dla-mieszkancow/formularze/zglos-problem"
        page = session.get(form_url, timeout=60)
        match = AUTHENTICATOR_RE.search(page.text)
        token = html.unescape(match.group(1) or match.group(2)) if match else ""
        response = session.post(form_url, timeout=120, data={
            "form.widgets.category:list": "drogi-i-chodniki", "form.widgets.category-empty-marker": "1",
            "form.widgets.description": "Dziura w jezdni", "form.widgets.address": "ul. Wolności 1, Zabrze",
            "form.widgets.email": "", "form.buttons.submit": "Wyślij zgłoszenie", "_authenticator": token,
            "protected_1": "",
        })
        assert response.status_code == 200 and 'id="case-sign"' in response.text, response.status_code
        return response


AUTHENTICATOR_RE = re.compile(r'name="_authenticator"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_authenticator"')


@pytest.fixture(scope="session")
def client(stack):
    return Client(stack)


@pytest.fixture(scope="session")
def make():
    """``make(target, VARIABLE=value…)``: a make target of this checkout on the test stack (see run_make)."""
    return run_make


def run_make(target, **variables):
    """Run ``make <target>`` of this checkout on the test stack (CLUSTER_STACK=cluster-test), as an operator
    would; returns its standard output. ``-o bin/instance``: the session has already built the instances,
    so make must not run buildout again while the stack is up."""
    import subprocess

    command = ["make", "--no-print-directory", "-o", "bin/instance", target, "CLUSTER_STACK=cluster-test"]
    command += [f"{name}={value}" for name, value in variables.items()]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout
