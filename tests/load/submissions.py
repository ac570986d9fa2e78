"""What the load checks share: one client of the "Zgłoś problem" form, the run of N client threads with an
optional disturbance half-way, the list of stored case signs and the verdict on them.

Used by tests/load/submit_load.py (one instance, kill -9), tests/load/remark_load.py (consultation remarks)
and tests/cluster/load.py (the production stack). Standard library + requests; loopback only.
"""

from pathlib import Path
from urllib.parse import urlsplit

import html
import re
import sys
import threading
import time


ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))

import support  # noqa: E402 -- tests/support.py


LOOPBACK = ("localhost", "127.0.0.1", "::1")
FORM_PATH = "dla-mieszkancow/formularze/zglos-problem"
SIGN_RE = re.compile(r'id="case-sign"[^>]*>\s*(ZAB/\d{4}/\d{6})\s*<')
AUTH_RE = re.compile(r'name="_authenticator"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_authenticator"')
JSON = {"Accept": "application/json"}




def refuse_non_loopback(url):
    host = urlsplit(url).hostname
    if host not in LOOPBACK:
        raise SystemExit(f"Refusing to load {host}: loopback only.")


class Result:
    """What the clients saw, shared between their threads (``lock``)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged = []  # (sign or id, monotonic time)
        self.unavailable = []  # (status, monotonic time): 502/503/504 the client sent again
        self.errors = []  # answers that are neither an acknowledgement nor "unavailable"
        self.errors_5xx = 0
        self.connection_errors = 0
        self.disturbed_at = None  # kill -9 of an instance, database restart
        self.recovered_at = None
        self.kill_time = None  # set by tests/server.py's kill_and_restart_when
        self.restarted = None

    def ack(self, key):
        with self.lock:
            self.acknowledged.append((key, time.monotonic()))

    def count(self):
        with self.lock:
            return len(self.acknowledged)

    def error(self, status, text):
        with self.lock:
            if status >= 500:
                self.errors_5xx += 1
            self.errors.append(f"{status} {text[:300]!r}")

    def other_errors(self):
        """The errors that are not 5xx."""
        return [e for e in self.errors if not e.startswith("5")]


def problem_client(url, quota, result, deadline, index, unavailable=(), label="Test obciążenia"):
    """One resident sending ``quota`` "Zgłoś problem" submissions (HTML form, CSRF token, honeypot empty).

    A connection error (the server died or restarts) is not acknowledged: the submission is sent again. An answer
    with a status in ``unavailable`` (a proxy's 502/503/504) likewise. Anything else without the case sign on the
    page is an error, counted and not sent again."""
    import requests

    form_url = f"{url}/{FORM_PATH}"
    session = requests.Session()
    session.headers["User-Agent"] = "ezabrze-load/1.0"
    token = None
    sent = 0
    while sent < quota and time.monotonic() < deadline:
        try:
            if token is None:
                page = session.get(form_url, timeout=60)
                if page.status_code in unavailable:
                    time.sleep(0.5)
                    continue
                page.raise_for_status()
                match = AUTH_RE.search(page.text)
                token = html.unescape(match.group(1) or match.group(2)) if match else ""
            response = session.post(form_url, timeout=120, data={
                "form.widgets.category:list": "drogi-i-chodniki",
                "form.widgets.category-empty-marker": "1",
                "form.widgets.description": f"{label}: klient {index}, zgłoszenie {sent}",
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
        if response.status_code in unavailable:
            with result.lock:
                result.unavailable.append((response.status_code, time.monotonic()))
            token = None
            time.sleep(0.5)
            continue
        match = SIGN_RE.search(response.text)
        if response.status_code != 200 or not match:
            result.error(response.status_code, response.text if response.status_code >= 500 else "no sign")
            sent += 1
            continue
        result.ack(match.group(1))
        sent += 1


def run_clients(client, total, clients, time_limit, disturber=None):
    """Run ``clients`` threads of ``client(index, quota, deadline)`` sharing ``total``; ``disturber(stop_event)``
    runs beside them (it waits for its moment and must return once ``stop_event`` is set). Returns the seconds
    the clients took."""
    deadline = time.monotonic() + time_limit
    quotas = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]
    threads = [threading.Thread(target=client, args=(i, q, deadline), name=f"client-{i}", daemon=True)
               for i, q in enumerate(quotas)]
    stop_event = threading.Event()
    side = None
    if disturber is not None:
        side = threading.Thread(target=disturber, args=(stop_event,), name="disturber", daemon=True)
        side.start()
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(1, deadline - time.monotonic()))
    elapsed = time.monotonic() - started
    stop_event.set()
    if side is not None:
        side.join(300)
    return elapsed


def configure_site(url, auth, smtp_port=None, limit=0):
    """The per-client submission limit (0: off — every client here is 127.0.0.1) and mail to the local sink."""
    import requests

    records = {"ezabrze.policy.cases.submissions_per_window": limit}
    if smtp_port:
        records.update({"plone.smtp_host": "127.0.0.1", "plone.smtp_port": smtp_port})
    requests.patch(f"{url}/@registry", json=records, auth=auth, headers=JSON, timeout=60).raise_for_status()


def stored_signs(url, auth):
    """Every case sign in the site (as admin, through the catalog)."""
    import requests

    signs, start = [], 0
    while True:
        response = requests.get(
            f"{url}/@search",
            params={"portal_type": "Case", "metadata_fields": "case_sign", "b_size": 1000, "b_start": start},
            auth=auth, headers=JSON, timeout=120,
        )
        response.raise_for_status()
        data = response.json()
        signs += [item["case_sign"] for item in data["items"]]
        start += 1000
        if start >= data["items_total"]:
            return signs


def sign_failures(result, after, total, time_limit):
    """The verdict on the signs: none acknowledged twice or stored twice, none lost, all acknowledged in time."""
    acknowledged = [sign for sign, _when in result.acknowledged]
    failures = []
    if len(acknowledged) != len(set(acknowledged)):
        failures.append(f"{len(acknowledged) - len(set(acknowledged))} duplicate signs acknowledged")
    if len(after) != len(set(after)):
        failures.append(f"{len(after) - len(set(after))} duplicate signs stored")
    lost = set(acknowledged) - set(after)
    if lost:
        failures.append(f"{len(lost)} acknowledged submissions lost, e.g. {sorted(lost)[:5]}")
    if result.errors_5xx:
        failures.append(f"{result.errors_5xx} answers 5xx, e.g. {result.errors[:3]}")
    if result.other_errors():
        failures.append(f"{len(result.other_errors())} answers without a sign, e.g. {result.other_errors()[:3]}")
    if len(acknowledged) != total:
        failures.append(f"{len(acknowledged)} of {total} submissions acknowledged in {time_limit}s")
    return failures


class SMTPSinkOrNone:
    """``with SMTPSinkOrNone(wanted) as sink``: the local SMTP sink of the tests, or None."""

    def __init__(self, wanted=True):
        self.sink = support.smtp_lib().SMTPSink() if wanted else None

    def __enter__(self):
        return self.sink.start() if self.sink else None

    def __exit__(self, *exc):
        if self.sink is not None:
            self.sink.stop()
