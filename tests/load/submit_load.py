"""Load and crash check of the citizen forms: N concurrent clients send M submissions in total.

Pass criteria: zero lost (every acknowledged sign exists afterwards), zero duplicate signs, zero 5xx.
With --crash the instance is killed with SIGKILL in the middle of the run and started again; clients retry
what was not acknowledged, and every sign acknowledged before the kill must still exist afterwards
(FileStorage commits are durable once acknowledged).

Loopback only, bounded in count and time. Standard library + requests.

    python tests/load/submit_load.py --url http://localhost:18080/zabrze --clients 32 --total 5000
    python tests/load/submit_load.py --clients 8 --total 200 --crash      # the small check of `make test`

Prints submissions/s; exits non-zero when a criterion fails. ``run()`` is the same check for pytest.
"""

from pathlib import Path
from urllib.parse import urlsplit

import argparse
import html
import importlib.util
import json
import re
import sys
import threading
import time


ROOT = Path(__file__).resolve().parents[2]
FORM_PATH = "dla-mieszkancow/formularze/zglos-problem"
SIGN_RE = re.compile(r'id="case-sign"[^>]*>\s*(ZAB/\d{4}/\d{6})\s*<')
AUTH_RE = re.compile(r'name="_authenticator"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_authenticator"')
LOOPBACK = ("localhost", "127.0.0.1", "::1")


def _load(name, path):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def server_lib():
    return _load("ezabrze_acceptance_server", ROOT / "tests" / "server.py")


# The Zope root user's random password (var/secrets.cfg, see scripts/admin_secrets.py).
ADMIN = server_lib().ADMIN


def smtp_lib():
    return _load("ezabrze_cases_testing", ROOT / "src/ezabrze.policy/src/ezabrze/policy/testing/smtp.py")


class Result:
    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged = []  # (sign, time)
        self.errors_5xx = 0
        self.other_errors = []
        self.retries = 0
        self.kill_time = None

    def ack(self, sign):
        with self.lock:
            self.acknowledged.append((sign, time.monotonic()))
            return len(self.acknowledged)


def _session():
    import requests

    session = requests.Session()
    session.headers["User-Agent"] = "ezabrze-load/1.0"
    return session


def configure_site(url, smtp_port=None, limit=0):
    """Switch the per-client limit off (every client here is 127.0.0.1) and point mail at the sink."""
    import requests

    records = {"ezabrze.policy.cases.submissions_per_window": limit}
    if smtp_port:
        records.update({"plone.smtp_host": "127.0.0.1", "plone.smtp_port": smtp_port})
    response = requests.patch(
        f"{url}/@registry", json=records, auth=ADMIN, headers={"Accept": "application/json"}, timeout=60
    )
    response.raise_for_status()


def existing_signs(url):
    """Every case sign in the site (as admin, through the catalog)."""
    import requests

    signs, start = [], 0
    while True:
        response = requests.get(
            f"{url}/@search",
            params={"portal_type": "Case", "metadata_fields": "case_sign", "b_size": 1000, "b_start": start},
            auth=ADMIN, headers={"Accept": "application/json"}, timeout=120,
        )
        response.raise_for_status()
        data = response.json()
        signs += [item["case_sign"] for item in data["items"]]
        start += 1000
        if start >= data["items_total"]:
            return signs


def _token(session, form_url):
    page = session.get(form_url, timeout=60)
    page.raise_for_status()
    match = AUTH_RE.search(page.text)
    return html.unescape(match.group(1) or match.group(2)) if match else ""


def client(url, quota, result, deadline, index):
    import requests

    form_url = f"{url}/{FORM_PATH}"
    session = _session()
    token = None
    sent = 0
    while sent < quota and time.monotonic() < deadline:
        try:
            if token is None:
                token = _token(session, form_url)
            data = {
                "form.widgets.category:list": "drogi-i-chodniki",
                "form.widgets.category-empty-marker": "1",
                "form.widgets.description": f"Test obciążenia: klient {index}, zgłoszenie {sent}",
                "form.widgets.address": "ul. Wolności 286, Zabrze",
                "form.widgets.email": "",
                "form.buttons.submit": "Wyślij zgłoszenie",
                "_authenticator": token,
                "protected_1": "",
            }
            response = session.post(form_url, data=data, timeout=120)
        except requests.RequestException:
            # The server is down (kill -9) or restarting: nothing was acknowledged, send it again.
            with result.lock:
                result.retries += 1
            token = None
            time.sleep(0.5)
            continue
        if response.status_code >= 500:
            with result.lock:
                result.errors_5xx += 1
                result.other_errors.append(f"{response.status_code} {response.text[:200]!r}")
            sent += 1
            continue
        match = SIGN_RE.search(response.text)
        if response.status_code != 200 or not match:
            with result.lock:
                result.other_errors.append(f"{response.status_code} no sign in the answer")
            sent += 1
            continue
        result.ack(match.group(1))
        sent += 1


def _instance_log(url):
    """The event log of the test instance, when ``url`` is that instance (else None)."""
    lib = server_lib()
    if not url.startswith(lib.BASE_URL):
        return None
    return lib.LOG_DIR / "instance-test.log"


def _log_size(path):
    try:
        return path.stat().st_size
    except (AttributeError, OSError):
        return 0


def conflicts_since(path, offset):
    """ZODB conflicts the publisher retried, logged after ``offset`` (SiteErrorLog: "Request will be retried")."""
    if path is None or not path.exists():
        return None
    with open(path, "rb") as log:
        log.seek(offset)
        return sum(1 for line in log if b"ConflictError" in line and b"Request will be retried" in line)


def run(url, clients=32, total=5000, crash=False, time_limit=1800, with_smtp=True):
    """Run the load (and crash) check; return a dict of figures and a list of failures."""
    host = urlsplit(url).hostname
    if host not in LOOPBACK:
        raise SystemExit(f"Refusing to load {host}: loopback only.")
    sink = smtp_lib().SMTPSink().start() if with_smtp else None
    try:
        configure_site(url, smtp_port=sink.port if sink else None)
        before = set(existing_signs(url))
        log_path = _instance_log(url)
        log_offset = _log_size(log_path)
        result = Result()
        deadline = time.monotonic() + time_limit
        quotas = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]
        threads = [
            threading.Thread(target=client, args=(url, q, result, deadline, i), name=f"client-{i}", daemon=True)
            for i, q in enumerate(quotas)
        ]
        stop_event = threading.Event()
        killer = None
        if crash:
            killer = threading.Thread(
                target=server_lib().kill_and_restart_when, args=(result, total // 2, stop_event), name="killer", daemon=True
            )
            killer.start()
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(max(1, deadline - time.monotonic()))
        elapsed = time.monotonic() - started
        stop_event.set()
        if killer is not None:
            killer.join(180)
        after = existing_signs(url)
        acknowledged = [sign for sign, when in result.acknowledged]
        before_kill = [s for s, when in result.acknowledged if result.kill_time and when < result.kill_time]
        failures = []
        duplicates = len(acknowledged) - len(set(acknowledged))
        if duplicates:
            failures.append(f"{duplicates} duplicate signs acknowledged")
        if len(after) != len(set(after)):
            failures.append(f"{len(after) - len(set(after))} duplicate signs stored")
        lost = set(acknowledged) - set(after)
        if lost:
            failures.append(f"{len(lost)} acknowledged submissions lost, e.g. {sorted(lost)[:5]}")
        if result.errors_5xx:
            failures.append(f"{result.errors_5xx} answers 5xx, e.g. {result.other_errors[:3]}")
        other = [e for e in result.other_errors if not e.startswith("5")]
        if other:
            failures.append(f"{len(other)} answers without a sign, e.g. {other[:3]}")
        if len(acknowledged) != total:
            failures.append(f"{len(acknowledged)} of {total} submissions acknowledged in {time_limit}s")
        if crash and result.kill_time is None:
            failures.append("the instance was never killed")
        figures = {
            "clients": clients,
            "total": total,
            "acknowledged": len(acknowledged),
            "new_cases": len(set(after) - before),
            "seconds": round(elapsed, 1),
            "submissions_per_s": round(len(acknowledged) / elapsed, 1) if elapsed else 0.0,
            "retried_after_connection_errors": result.retries,
            "acknowledged_before_kill": len(before_kill),
            "mails_received": len(sink.messages) if sink else None,
            # Retried ZODB conflicts (the instance's log): submissions of one process do not conflict
            # (ezabrze.policy.cases.submission_lock); a restart's first requests may.
            "conflicts_retried": conflicts_since(log_path, log_offset),
        }
        return figures, failures
    finally:
        try:
            configure_site(url, limit=5)
        except Exception:
            pass
        if sink is not None:
            sink.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default=None, help="site URL (default: the test instance, tests/server.py)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--total", type=int, default=5000)
    parser.add_argument("--crash", action="store_true", help="kill -9 the test instance mid-run and restart it")
    parser.add_argument("--time-limit", type=int, default=1800)
    parser.add_argument("--no-smtp", action="store_true", help="do not start the local SMTP sink")
    args = parser.parse_args(argv)
    url = args.url or server_lib().BASE_URL
    figures, failures = run(url, args.clients, args.total, args.crash, args.time_limit, not args.no_smtp)
    print(json.dumps(figures, indent=2))
    print(f"forms: {figures['submissions_per_s']} submissions/s "
          f"({figures['acknowledged']} in {figures['seconds']} s, {args.clients} clients)")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
