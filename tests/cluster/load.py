"""Form submissions through the production stack, optionally disturbed mid-run (kill -9 of an instance,
PostgreSQL restart). Used by test_load.py (modest counts) and bench_cluster.py. Standard library + requests.

Each of N clients sends its share of "Zgłoś problem" submissions. An answer is:
* acknowledged: 200 with the case sign on the page;
* unavailable: 502/503/504 (an instance died under the request, the database is restarting): not
  acknowledged, the client sends it again (as a resident would);
* an error: anything else (500, 200 without a sign): counted, never retried.
Afterwards every acknowledged sign must be stored, no sign twice.
"""

from pathlib import Path

import html
import importlib.util
import re
import sys
import threading
import time


ROOT = Path(__file__).resolve().parents[2]
FORM_PATH = "dla-mieszkancow/formularze/zglos-problem"
SIGN_RE = re.compile(r'id="case-sign"[^>]*>\s*(ZAB/\d{4}/\d{6})\s*<')
AUTH_RE = re.compile(r'name="_authenticator"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_authenticator"')
UNAVAILABLE = (502, 503, 504)


def _load(name, path):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def cluster_lib():
    return _load("ezabrze_deploy_cluster", ROOT / "deploy" / "cluster.py")


def smtp_lib():
    return _load("ezabrze_cases_testing", ROOT / "src/ezabrze.policy/src/ezabrze/policy/testing/smtp.py")


class Result:
    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged = []  # (sign, monotonic time)
        self.unavailable = []  # (status, monotonic time)
        self.errors = []
        self.connection_errors = 0
        self.disturbed_at = None
        self.recovered_at = None

    def count(self):
        with self.lock:
            return len(self.acknowledged)


def configure_site(stack, smtp_port=None, limit=0):
    """Per-client limit off (every client is 127.0.0.1), mail to the local sink."""
    import requests

    records = {"ezabrze.policy.cases.submissions_per_window": limit}
    if smtp_port:
        records.update({"plone.smtp_host": "127.0.0.1", "plone.smtp_port": smtp_port})
    response = requests.patch(f"{stack.instance_url(stack.parts[0])}/@registry", json=records, auth=stack.admin,
                              headers={"Accept": "application/json"}, timeout=60)
    response.raise_for_status()


def stored_signs(stack):
    """Every case sign in the site (as admin, through the catalog of instance A)."""
    import requests

    signs, start = [], 0
    while True:
        response = requests.get(
            f"{stack.instance_url(stack.parts[0])}/@search",
            params={"portal_type": "Case", "metadata_fields": "case_sign", "b_size": 1000, "b_start": start},
            auth=stack.admin, headers={"Accept": "application/json"}, timeout=120,
        )
        response.raise_for_status()
        data = response.json()
        signs += [item["case_sign"] for item in data["items"]]
        start += 1000
        if start >= data["items_total"]:
            return signs


def client(url, quota, result, deadline, index):
    import requests

    form_url = f"{url}/{FORM_PATH}"
    session = requests.Session()
    session.headers["User-Agent"] = "ezabrze-cluster-load/1.0"
    token = None
    sent = 0
    while sent < quota and time.monotonic() < deadline:
        try:
            if token is None:
                page = session.get(form_url, timeout=60)
                if page.status_code in UNAVAILABLE:
                    time.sleep(0.5)
                    continue
                match = AUTH_RE.search(page.text)
                token = html.unescape(match.group(1) or match.group(2)) if match else ""
            response = session.post(form_url, timeout=120, data={
                "form.widgets.category:list": "drogi-i-chodniki",
                "form.widgets.category-empty-marker": "1",
                "form.widgets.description": f"Test klastra: klient {index}, zgłoszenie {sent}",
                "form.widgets.address": "ul. Wolności 286, Zabrze",
                "form.widgets.email": "",
                "form.buttons.submit": "Wyślij zgłoszenie",
                "_authenticator": token,
                "protected_1": "",
            })
        except requests.RequestException:
            with result.lock:
                result.connection_errors += 1
            token = None
            time.sleep(0.5)
            continue
        if response.status_code in UNAVAILABLE:
            with result.lock:
                result.unavailable.append((response.status_code, time.monotonic()))
            token = None
            time.sleep(0.5)
            continue
        match = SIGN_RE.search(response.text)
        if response.status_code != 200 or not match:
            with result.lock:
                result.errors.append(f"{response.status_code} {response.text[:300]!r}")
            sent += 1
            continue
        with result.lock:
            result.acknowledged.append((match.group(1), time.monotonic()))
        sent += 1


def kill_instance(stack, part):
    """kill -9 of the Zope process of ``part``; zdaemon starts it again. Returns a function waiting for that."""
    import os
    import signal

    lib = cluster_lib()
    pid = lib.instance_pid(part)
    assert pid, f"{part} is not running"
    os.kill(pid, signal.SIGKILL)

    def recovered(timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = lib.instance_pid(part)
            if new and new != pid and lib.http_status(f"http://127.0.0.1:{lib._wsgi_port(part)}/ok") == 200:
                return new
            time.sleep(0.5)
        raise AssertionError(f"{part} did not come back within {timeout}s after kill -9")

    return recovered


def restart_database(stack):
    lib = cluster_lib()
    lib.pg_stop(stack, mode="fast")
    time.sleep(3)  # a real gap: requests arrive while the database is down
    lib.pg_start(stack)

    def recovered(timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(lib.http_status(f"http://127.0.0.1:{lib._wsgi_port(p)}/ok") == 200 for p in stack.parts):
                return True
            time.sleep(0.5)
        raise AssertionError(f"the instances did not reconnect within {timeout}s")

    return recovered


def _disturb(result, at_count, action, stop_event):
    while not stop_event.is_set() and result.count() < at_count:
        time.sleep(0.05)
    if stop_event.is_set():
        return
    result.disturbed_at = time.monotonic()
    recovered = action()
    recovered()
    result.recovered_at = time.monotonic()


def run(stack, url, clients=32, total=128, disturb=None, time_limit=300, with_smtp=True):
    """Submit ``total`` forms with ``clients`` clients to ``url``; ``disturb``: a function called once half
    of them are acknowledged, returning a function that waits for recovery. Returns (figures, failures)."""
    sink = smtp_lib().SMTPSink().start() if with_smtp else None
    try:
        configure_site(stack, smtp_port=sink.port if sink else None)
        before = set(stored_signs(stack))
        result = Result()
        deadline = time.monotonic() + time_limit
        quotas = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]
        threads = [threading.Thread(target=client, args=(url, q, result, deadline, i), daemon=True)
                   for i, q in enumerate(quotas)]
        stop_event = threading.Event()
        disturber = None
        if disturb is not None:
            disturber = threading.Thread(target=_disturb, args=(result, total // 2, disturb, stop_event),
                                         daemon=True)
            disturber.start()
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(max(1, deadline - time.monotonic()))
        elapsed = time.monotonic() - started
        stop_event.set()
        if disturber is not None:
            disturber.join(300)
        after = stored_signs(stack)
        acknowledged = [sign for sign, _ in result.acknowledged]
        failures = []
        if len(acknowledged) != len(set(acknowledged)):
            failures.append(f"{len(acknowledged) - len(set(acknowledged))} duplicate signs acknowledged")
        if len(after) != len(set(after)):
            failures.append(f"{len(after) - len(set(after))} duplicate signs stored")
        lost = set(acknowledged) - set(after)
        if lost:
            failures.append(f"{len(lost)} acknowledged submissions lost, e.g. {sorted(lost)[:5]}")
        if result.errors:
            failures.append(f"{len(result.errors)} errors (not 502/503/504), e.g. {result.errors[:3]}")
        if len(acknowledged) != total:
            failures.append(f"{len(acknowledged)} of {total} submissions acknowledged in {time_limit}s")
        if disturb is not None and result.recovered_at is None:
            failures.append("the disturbance did not happen or the stack did not recover")
        figures = {
            "clients": clients,
            "total": total,
            "acknowledged": len(acknowledged),
            "new_cases": len(set(after) - before),
            "seconds": round(elapsed, 1),
            "submissions_per_s": round(len(acknowledged) / elapsed, 2) if elapsed else 0.0,
            "unavailable": [status for status, _ in result.unavailable],
            "connection_errors": result.connection_errors,
            "recovery_s": (round(result.recovered_at - result.disturbed_at, 1)
                           if result.recovered_at and result.disturbed_at else None),
        }
        return figures, failures
    finally:
        try:
            configure_site(stack, limit=5)
        except Exception:  # noqa: BLE001 -- best effort: restore the limit
            pass
        if sink is not None:
            sink.stop()
