"""Form submissions through HAProxy to two instances on one PostgreSQL (32 clients): nothing lost, no sign
twice, no 5xx; then the same with kill -9 of one instance and with a PostgreSQL restart mid-run."""

from pathlib import Path

import pytest
import requests
import support


pytestmark = pytest.mark.cluster

CLIENTS = 32
TOTAL = 64



load = support.load_module("ezabrze_cluster_load", Path(__file__).with_name("load.py"))


def _servers_up(stack):
    stats = requests.get(f"http://127.0.0.1:{stack.stats_port}/;csv", timeout=10).text
    return {row.split(",")[1]: row.split(",")[17] for row in stats.splitlines() if row.startswith("zope,cluster")}


def _logged(stack, text):
    """How many lines of the instances' event logs contain ``text``."""
    logs = [stack.var / part / "log" / f"{part}.log" for part in stack.parts]
    return sum(line.count(text) for log in logs if log.exists() for line in log.read_text(errors="replace").splitlines())


def test_submissions_through_haproxy_nothing_lost_no_duplicate_no_5xx(stack):
    watched = ("Case transaction conflict", "ConflictError", "Database lock")
    before = {text: _logged(stack, text) for text in watched}
    figures, failures = load.run(stack, stack.haproxy_url, clients=CLIENTS, total=TOTAL)
    print(figures)
    assert failures == []
    assert figures["unavailable"] == []  # no 5xx at all without a disturbance
    assert figures["connection_errors"] == 0
    assert figures["new_cases"] == TOTAL
    # The two processes queue for PostgreSQL's advisory lock around the short case transaction
    # (ezabrze.policy.cluster.database_lock) instead of conflicting there: no retry, no replayed request,
    # and the lock was always had.
    assert {text: _logged(stack, text) - before[text] for text in watched} == dict.fromkeys(watched, 0)


def test_kill_9_of_one_instance_mid_run(stack):
    victim = stack.parts[0]
    figures, failures = load.run(stack, stack.haproxy_url, clients=CLIENTS, total=TOTAL,
                                 disturb=lambda: load.kill_instance(stack, victim))
    print(figures)
    assert failures == []
    # Only the requests that were inside the killed instance fail (HAProxy: 502), at most its 4 slots,
    # plus 503s while HAProxy still had it up; everything else went to the other instance.
    assert set(figures["unavailable"]) <= {502, 503}
    assert len(figures["unavailable"]) <= 16
    # The instance came back (zdaemon) and HAProxy sends it traffic again.
    assert figures["recovery_s"] is not None
    assert support.cluster_lib().instance_pid(victim)
    assert _wait(lambda: _servers_up(stack) == dict.fromkeys(stack.parts, "UP"))


def test_postgresql_restart_mid_run(stack):
    figures, failures = load.run(stack, stack.haproxy_url, clients=CLIENTS, total=TOTAL,
                                 disturb=lambda: load.restart_database(stack))
    print(figures)
    assert failures == []  # no 500, nothing acknowledged lost, no duplicate sign
    # The gap: clean 503s (from the instances or, once its health checks failed, from HAProxy).
    assert figures["unavailable"], "the restart caused no failed request: it did not happen mid-run"
    assert set(figures["unavailable"]) == {503}
    # The instances reconnected by themselves.
    assert _wait(lambda: _servers_up(stack) == dict.fromkeys(stack.parts, "UP"))


def _wait(check, timeout=30):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.5)
    return False
