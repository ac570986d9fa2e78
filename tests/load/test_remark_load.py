"""The small load + crash check of the consultations inside `make test` (the full one is
`make bench-remarks`): 8 clients post 200 remarks to one open consultation, the instance is killed with SIGKILL
half-way and started again; then the consultation ends and late posts are refused. Nothing acknowledged lost,
nothing stored after the end, no 5xx."""

from pathlib import Path

import pytest
import support


@pytest.mark.server
def test_remarks_under_load_and_crash_lose_nothing(server):
    check = support.load_module("ezabrze_remark_load", Path(__file__).with_name("remark_load.py"))
    figures, failures = check.run(server, clients=8, total=200, crash=True, time_limit=600)
    print(figures)
    assert failures == []
    assert figures["acknowledged"] == 200 and figures["acknowledged_before_kill"] >= 100
