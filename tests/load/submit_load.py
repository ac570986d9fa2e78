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

import argparse
import json
import sys


ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "load")]
import submissions  # noqa: E402 -- tests/load/submissions.py, the load checks' shared client
import support  # noqa: E402 -- tests/support.py


# The Zope root user's random password (var/secrets.cfg, see scripts/admin_secrets.py).
ADMIN = support.server_lib().ADMIN


def _instance_log(url):
    """The event log of the test instance, when ``url`` is that instance (else None)."""
    lib = support.server_lib()
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


def case_retries_since(path, offset):
    """Conflicts of the cases' short transactions retried in place (ezabrze.policy.cases.creation), after
    ``offset``: each costs one short attempt, not a request."""
    if path is None or not path.exists():
        return None
    with open(path, "rb") as log:
        log.seek(offset)
        return sum(1 for line in log if b"Case transaction conflict" in line)


def run(url, clients=32, total=5000, crash=False, time_limit=1800, with_smtp=True):
    """Run the load (and crash) check; return a dict of figures and a list of failures."""
    submissions.refuse_non_loopback(url)
    with submissions.SMTPSinkOrNone(with_smtp) as sink:
        try:
            submissions.configure_site(url, ADMIN, smtp_port=sink.port if sink else None)
            before = set(submissions.stored_signs(url, ADMIN))
            log_path = _instance_log(url)
            log_offset = _log_size(log_path)
            result = submissions.Result()

            def client(index, quota, deadline):
                submissions.problem_client(url, quota, result, deadline, index)

            def killer(stop_event):
                support.server_lib().kill_and_restart_when(result, total // 2, stop_event)

            elapsed = submissions.run_clients(client, total, clients, time_limit, killer if crash else None)
            after = submissions.stored_signs(url, ADMIN)
        finally:
            try:
                submissions.configure_site(url, ADMIN, limit=5)
            except Exception:  # noqa: BLE001 -- best effort: restore the limit
                pass
    failures = submissions.sign_failures(result, after, total, time_limit)
    if crash and result.kill_time is None:
        failures.append("the instance was never killed")
    acknowledged = result.count()
    figures = {
        "clients": clients,
        "total": total,
        "acknowledged": acknowledged,
        "new_cases": len(set(after) - before),
        "seconds": round(elapsed, 1),
        "submissions_per_s": round(acknowledged / elapsed, 1) if elapsed else 0.0,
        "retried_after_connection_errors": result.connection_errors,
        "acknowledged_before_kill": len([1 for _s, when in result.acknowledged
                                         if result.kill_time and when < result.kill_time]),
        "mails_received": len(sink.messages) if sink else None,
        # Requests replayed after a ZODB conflict (the instance's log): a case is stored in a short
        # transaction of its own under a per-process lock (ezabrze.policy.cases.creation), so submissions of
        # one process do not conflict; a restart's first requests may.
        "conflicts_retried": conflicts_since(log_path, log_offset),
        "case_transactions_retried": case_retries_since(log_path, log_offset),
    }
    return figures, failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default=None, help="site URL (default: the test instance, tests/server.py)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--total", type=int, default=5000)
    parser.add_argument("--crash", action="store_true", help="kill -9 the test instance mid-run and restart it")
    parser.add_argument("--time-limit", type=int, default=1800)
    parser.add_argument("--no-smtp", action="store_true", help="do not start the local SMTP sink")
    args = parser.parse_args(argv)
    url = args.url or support.server_lib().BASE_URL
    figures, failures = run(url, args.clients, args.total, args.crash, args.time_limit, not args.no_smtp)
    print(json.dumps(figures, indent=2))
    print(f"forms: {figures['submissions_per_s']} submissions/s "
          f"({figures['acknowledged']} in {figures['seconds']} s, {args.clients} clients)")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
