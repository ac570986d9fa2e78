"""The small load + crash check of the citizen forms inside `make test` (the full one is `make bench`).

8 clients send 200 submissions to "Zgłoś problem" on the real test instance; half-way the instance is killed
with SIGKILL and started again. Every acknowledged sign must exist afterwards, no sign twice, no 5xx.
It runs last among the acceptance tests (the instance is restarted under them).
"""

from pathlib import Path

import pytest
import support


@pytest.mark.server
def test_load_and_crash_lose_nothing(server):
    check = support.load_module("ezabrze_submit_load", Path(__file__).with_name("submit_load.py"))
    figures, failures = check.run(server, clients=8, total=200, crash=True, time_limit=600)
    print(figures)
    assert failures == []
    assert figures["acknowledged_before_kill"] >= 100
    assert figures["new_cases"] >= 200
    # Without the per-process submission lock, 8 clients made a third of the submissions conflict; now only
    # the case's short transaction holds it (ezabrze.policy.cases.creation).
    assert figures["conflicts_retried"] is not None and figures["conflicts_retried"] <= 5
