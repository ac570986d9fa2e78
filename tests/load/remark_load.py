"""Load and crash check of the consultations: N clients post M remarks to one open consultation,
the instance is killed with SIGKILL half-way and started again, then the consultation ends and a burst of
posts a few seconds later must all be refused.

Pass criteria: no acknowledged remark (201 with its id) lost, none accepted after the end (every stored remark
created before it, the late burst answered 409), no 5xx.

Loopback only, bounded in count and time. Standard library + requests.

    python tests/load/remark_load.py --url http://localhost:18080/zabrze --clients 32 --total 2000 --crash
    python tests/load/remark_load.py --clients 8 --total 200 --crash      # the small check of `make test`

Prints remarks/s; exits non-zero when a criterion fails. ``run()`` is the same check for pytest.
"""

from datetime import datetime
from datetime import timedelta
from datetime import UTC
from pathlib import Path

import argparse
import json
import sys
import threading
import time


ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "load")]
import submissions  # noqa: E402 -- tests/load/submissions.py, the load checks' shared client
import support  # noqa: E402 -- tests/support.py


FOLDER = "organizacje-pozarzadowe/konsultacje"
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PASSWORD = "Obciazenie-2027!"  # throw-away users of the throw-away test instance



# The Zope root user of this checkout (random password, var/secrets.cfg), as tests/server.py reads it.
ADMIN = support.server_lib().ADMIN


def _session(auth=None):
    import requests

    session = requests.Session()
    session.headers.update(JSON)
    session.auth = auth
    return session


def prepare(url, clients, seconds_open):
    """A fresh consultation open for residents (REST as admin) and one resident account per client."""
    admin = _session(ADMIN)
    # 32 clients from one address posting dozens of remarks a minute are exactly the burst the participation
    # limits refuse (ezabrze.ngo.limits, 429): this throw-away instance switches them off for the load test.
    admin.patch(f"{url}/@registry", timeout=120, json={
        "ezabrze.ngo.consultations.remarks_per_account": 0, "ezabrze.ngo.consultations.remarks_per_address": 0,
    }).raise_for_status()
    stamp = int(time.time())
    now = datetime.now(UTC)
    response = admin.post(f"{url}/{FOLDER}", timeout=120, json={
        "@type": "Consultation", "id": f"obciazenie-{stamp}", "title": f"Test obciążenia {stamp}",
        "draft": {"data": "<p>§ 1. Cel.</p><p>§ 2. Kwota.</p><p>1. Ustęp.</p>", "content-type": "text/html"},
        "participation": "ngo_residents", "consultation_forms": ["online"],
        "start": (now - timedelta(minutes=1)).isoformat(), "end": (now + timedelta(seconds=seconds_open)).isoformat(),
        "short_period_reason": "Test obciążenia", "contact_person": "Test", "contact_email": "test@example.org",
    })
    response.raise_for_status()
    consultation = response.json()["@id"]
    admin.post(f"{consultation}/@workflow/schedule", json={}, timeout=120).raise_for_status()
    users = []
    for index in range(clients):
        username = f"obciazenie-{stamp}-{index}"
        admin.post(f"{url}/@users", timeout=120, json={
            "username": username, "email": f"{username}@example.org", "password": PASSWORD,
        }).raise_for_status()
        users.append(username)
    return consultation, users


def client(consultation, username, quota, result, deadline, index):
    import requests

    session = _session((username, PASSWORD))
    units = ["par-1", "par-2", "par-2-ust-1", ""]
    sent = 0
    while sent < quota and time.monotonic() < deadline:
        body = {"unit_id": units[sent % len(units)], "proposed_wording": f"Brzmienie {index}-{sent}",
                "justification": f"Uzasadnienie klienta {index}, uwaga {sent}."}
        try:
            response = session.post(f"{consultation}/@remarks", data=json.dumps(body), timeout=120)
        except requests.RequestException:
            time.sleep(0.5)  # the server is down (kill -9) or restarting: nothing acknowledged, send it again
            continue
        if response.status_code == 201:
            result.ack(response.json()["id"])
            sent += 1
        elif response.status_code >= 500:
            result.error(response.status_code, response.text)
            time.sleep(0.2)
        else:
            result.error(response.status_code, response.text)
            return


def stored(consultation):
    """{remark id: created} of every remark (admin; paginated REST)."""
    admin = _session(ADMIN)
    found, start = {}, 0
    while True:
        data = admin.get(f"{consultation}/@remarks", params={"b_start": start, "b_size": 100}, timeout=120).json()
        for item in data["items"]:
            found[item["id"]] = item["created"]
        start += 100
        if start >= data["items_total"]:
            return found


def end_now_and_burst(consultation, users, seconds=3):
    """Move the end to a few seconds from now, wait past it, then every client posts once: all must be 409."""
    admin = _session(ADMIN)
    end = datetime.now(UTC) + timedelta(seconds=seconds)
    admin.patch(consultation, json={"end": end.isoformat(), "short_period_reason": "Test obciążenia"},
                timeout=120).raise_for_status()
    time.sleep(seconds + 1)
    statuses = []

    def late(username):
        response = _session((username, PASSWORD)).post(
            f"{consultation}/@remarks", timeout=120, data=json.dumps({"unit_id": "", "justification": "Za późno"}))
        statuses.append(response.status_code)

    threads = [threading.Thread(target=late, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return end, statuses


def run(url, clients=32, total=2000, crash=False, time_limit=1800, seconds_open=3600):
    submissions.refuse_non_loopback(url)
    consultation, users = prepare(url, clients, seconds_open)
    result = submissions.Result()

    def remark_client(index, quota, deadline):
        client(consultation, users[index], quota, result, deadline, index)

    def killer(stop_event):
        support.server_lib().kill_and_restart_when(result, total // 2, stop_event)

    elapsed = submissions.run_clients(remark_client, total, clients, time_limit, killer if crash else None)
    end, late_statuses = end_now_and_burst(consultation, users)
    after = stored(consultation)
    acknowledged = [remark_id for remark_id, _when in result.acknowledged]
    failures = []
    lost = set(acknowledged) - set(after)
    if lost:
        failures.append(f"{len(lost)} acknowledged remarks lost, e.g. {sorted(lost)[:5]}")
    late = [rid for rid, created in after.items() if datetime.fromisoformat(created) >= end]
    if late:
        failures.append(f"{len(late)} remarks stored after the end")
    if set(late_statuses) != {409}:
        failures.append(f"posts after the end answered {sorted(set(late_statuses))}, not only 409")
    if result.errors_5xx:
        failures.append(f"{result.errors_5xx} answers 5xx, e.g. {result.errors[:3]}")
    other = result.other_errors()
    if other:
        failures.append(f"{len(other)} other refusals, e.g. {other[:3]}")
    if crash and result.kill_time is None:
        failures.append("the instance was never killed")
    figures = {
        "clients": clients,
        "acknowledged": len(acknowledged),
        "acknowledged_before_kill": len([1 for _r, when in result.acknowledged
                                         if result.kill_time and when < result.kill_time]),
        "stored": len(after),
        "seconds": round(elapsed, 1),
        "remarks_per_second": round(len(acknowledged) / elapsed, 1) if elapsed else None,
    }
    return figures, failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=support.server_lib().BASE_URL)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--total", type=int, default=2000)
    parser.add_argument("--crash", action="store_true", help="kill -9 the test instance mid-run and restart it")
    args = parser.parse_args(argv)
    figures, failures = run(args.url, clients=args.clients, total=args.total, crash=args.crash)
    print(json.dumps(figures, indent=1))
    print(f"remarks/s: {figures['remarks_per_second']}")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
