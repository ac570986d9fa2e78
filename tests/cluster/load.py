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

import sys
import time


ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "load")]
import submissions  # noqa: E402 -- tests/load/submissions.py, the load checks' shared client
import support  # noqa: E402 -- tests/support.py


UNAVAILABLE = (502, 503, 504)



def kill_instance(stack, part):
    """kill -9 of the Zope process of ``part``; zdaemon starts it again. Returns a function waiting for that."""
    import os
    import signal

    lib = support.cluster_lib()
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
    lib = support.cluster_lib()
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
    instance = stack.instance_url(stack.parts[0])  # configuration and the check go to instance A directly
    with submissions.SMTPSinkOrNone(with_smtp) as sink:
        try:
            submissions.configure_site(instance, stack.admin, smtp_port=sink.port if sink else None)
            before = set(submissions.stored_signs(instance, stack.admin))
            result = submissions.Result()

            def client(index, quota, deadline):
                submissions.problem_client(url, quota, result, deadline, index, unavailable=UNAVAILABLE,
                                           label="Test klastra")

            def disturber(stop_event):
                _disturb(result, total // 2, disturb, stop_event)

            elapsed = submissions.run_clients(client, total, clients, time_limit,
                                              disturber if disturb is not None else None)
            after = submissions.stored_signs(instance, stack.admin)
        finally:
            try:
                submissions.configure_site(instance, stack.admin, limit=5)
            except Exception:  # noqa: BLE001 -- best effort: restore the limit
                pass
    failures = submissions.sign_failures(result, after, total, time_limit)
    if disturb is not None and result.recovered_at is None:
        failures.append("the disturbance did not happen or the stack did not recover")
    figures = {
        "clients": clients,
        "total": total,
        "acknowledged": result.count(),
        "new_cases": len(set(after) - before),
        "seconds": round(elapsed, 1),
        "submissions_per_s": round(result.count() / elapsed, 2) if elapsed else 0.0,
        "unavailable": [status for status, _ in result.unavailable],
        "connection_errors": result.connection_errors,
        "recovery_s": (round(result.recovered_at - result.disturbed_at, 1)
                       if result.recovered_at and result.disturbed_at else None),
    }
    return figures, failures
