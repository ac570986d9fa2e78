"""make bench-cluster: the production stack's three ratios, measured in one run and printed.

1. Anonymous home page and a service card through Varnish vs the same pages uncached (one instance
   directly, every request rendered): goal >= 500x.
2. Form submissions/s with 2 instances (through HAProxy) vs 1 instance (directly), same storage, in A-B-A rounds
   (``submission_rounds``), the median of the rounds' ratios: goal >= 1.5x.
3. A service card for a logged-in user (never cached) through Varnish + HAProxy vs one instance directly,
   one request at a time (the proxies' latency): overhead goal <= 10%.

Uses the test stack (deploy/cluster.py --stack cluster-test, fresh, stopped afterwards; with
CLUSTER_TEST_REUSE=1 a running one is used and left running). wrk for pages, tests/cluster/load.py for
submissions. A report is written to bench-results/. Timings are only measured here, never asserted in tests.

Environment: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 16), BENCH_SUBMISSIONS (per run, default
200), BENCH_CLIENTS (default 32), BENCH_SUBMISSION_ROUNDS (default 3).
"""

from pathlib import Path

import datetime
import json
import os
import re
import shutil
import subprocess
import sys


ROOT = Path(__file__).resolve().parents[2]
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", "200"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "32"))
ROUNDS = 4
SUBMISSION_ROUNDS = int(os.environ.get("BENCH_SUBMISSION_ROUNDS", "3"))
WARM_UP = 64



sys.path.insert(0, str(ROOT / "tests"))
import support  # noqa: E402 -- tests/support.py


cluster = support.cluster_lib()
load = support.load_module("ezabrze_cluster_load", ROOT / "tests" / "cluster" / "load.py")


def wrk(url, connections=CONNECTIONS, duration=DURATION, headers=()):
    cmd = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", "--latency"]
    for header in headers:
        cmd += ["-H", header]
    out = subprocess.run(cmd + [url], check=True, capture_output=True, text=True).stdout
    if "Non-2xx or 3xx responses" in out:
        raise SystemExit(f"bench-cluster: {url} answered errors under load:\n{out}")
    rps = float(re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M).group(1))
    return rps, out


def login_cookie(stack):
    import requests

    client = support.load_module("ezabrze_cluster_conftest", ROOT / "tests" / "cluster" / "conftest.py").Client(stack)
    user, password = client.add_user("bench-redaktor", roles=["Editor"]) if not _user_exists(client) else (
        "bench-redaktor", None)
    if password is None:
        password = "Bench-haslo-1!"
        client.rest("PATCH", f"{stack.instance_url(stack.parts[0])}/@users/bench-redaktor", {"password": password})
    session = client.login(stack.url, user, password)
    assert requests.get(stack.url, cookies=session.cookies, timeout=60).status_code == 200
    return f"__ac={session.cookies['__ac']}"


def _user_exists(client):
    import requests

    response = requests.get(f"{client.stack.instance_url(client.stack.parts[0])}/@users/bench-redaktor",
                            headers=client.admin_headers(), timeout=60)
    return response.status_code == 200


def service_card(stack):
    import requests

    response = requests.get(f"{stack.instance_url(stack.parts[0])}/@search",
                            params={"portal_type": "Service", "review_state": "published", "b_size": 1},
                            headers={"Accept": "application/json"}, auth=stack.admin, timeout=60)
    response.raise_for_status()
    return response.json()["items"][0]["@id"].split("/zabrze", 1)[1]


# CPU per component ------------------------------------------------------------------------------------------------
TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid):
    """(ppid, own CPU s, CPU s of waited-for children) of a process from /proc, or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, (int(fields[13]) + int(fields[14])) / TICK


def _tree_cpu(pid):
    """CPU seconds of a process, its live children and the children it has waited for (PostgreSQL backends)."""
    root = _stat(pid)
    if root is None:
        return 0.0
    total = root[1] + root[2]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(entry.name)
            if stat and stat[0] == pid:
                total += stat[1]
    return total


def _machine_busy():
    """CPU seconds all processes of the machine used (every core), from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values[:8]) - idle) / TICK


def cpu_snapshot(stack):
    """CPU seconds so far of each part of the stack, the load generator (this process) and the whole machine."""
    times = os.times()
    snapshot = {"load generator (this process: client threads, SMTP)": times.user + times.system}
    for part in stack.parts:
        pid = cluster.instance_pid(part)
        snapshot[f"Zope {part}"] = _tree_cpu(pid) if pid else 0.0
    postmaster = stack.pg_data / "postmaster.pid"
    snapshot["PostgreSQL (all backends)"] = (
        _tree_cpu(int(postmaster.read_text().split()[0])) if postmaster.exists() else 0.0)
    haproxy = stack.var / "haproxy.pid"
    snapshot["HAProxy"] = _tree_cpu(int(haproxy.read_text().split()[0])) if haproxy.exists() else 0.0
    snapshot["machine, every process"] = _machine_busy()
    return snapshot


def cpu_during(stack, action):
    """Run ``action``; returns (its result, {component: CPU s}, wall s) — who used the cores meanwhile."""
    import time

    before, started = cpu_snapshot(stack), time.monotonic()
    result = action()
    after, wall = cpu_snapshot(stack), time.monotonic() - started
    used = {name: round(after[name] - before[name], 1) for name in before}
    ours = sum(value for name, value in used.items() if name != "machine, every process")
    used["other processes of the machine (other users)"] = round(used["machine, every process"] - ours, 1)
    return result, used, round(wall, 1)


def cpu_table(title, used, wall):
    cores = os.cpu_count()
    lines = [f"{title}: {wall} s wall, {cores} cores = {round(wall * cores, 1)} CPU s available"]
    for name, value in used.items():
        lines.append(f"    {name:<48} {value:>7} CPU s  {100 * value / (wall * cores):5.1f} % of the machine")
    return "\n".join(lines)


def submission_rounds(stack, a):
    """Form submissions/s of one instance (directly) and of two (through HAProxy), A-B-A: one, two, one, two, ...,
    one. Each round's ratio is its two-instance run against the mean of the one-instance runs on either side of it,
    so a change of the machine's speed during the bench (other tenants of the host: 6-11 % of the CPU stolen was
    seen) hits both sides of a ratio alike; the median of the rounds is the figure. A warm-up through both instances
    goes first, not counted (a cold instance compiles templates and fills its caches in its first submissions)."""
    import statistics

    def run(url):
        (result, failures), used, wall = cpu_during(
            stack, lambda: load.run(stack, url, clients=CLIENTS, total=SUBMISSIONS))
        if failures:
            raise SystemExit(f"bench-cluster: submissions failed: {failures}")
        return result["submissions_per_s"], used, wall

    load.run(stack, stack.haproxy_url, clients=CLIENTS, total=WARM_UP)
    ones, twos = [run(a)], []
    for _ in range(SUBMISSION_ROUNDS):
        twos.append(run(stack.haproxy_url))
        ones.append(run(a))
    ratios = [round(twos[i][0] / ((ones[i][0] + ones[i + 1][0]) / 2), 2) for i in range(SUBMISSION_ROUNDS)]

    def total(runs):
        names = runs[0][1].keys()
        return {name: round(sum(used[name] for _, used, _ in runs), 1) for name in names}, round(
            sum(wall for _, _, wall in runs), 1)

    (cpu_one, wall_one), (cpu_two, wall_two) = total(ones), total(twos)
    return {
        "submissions_ratio": statistics.median(ratios),
        "submissions_round_ratios": ratios,
        "submissions_1_instance_runs": [rate for rate, _, _ in ones],
        "submissions_2_instances_runs": [rate for rate, _, _ in twos],
        "submissions_1_instance_per_s": statistics.median(rate for rate, _, _ in ones),
        "submissions_2_instances_per_s": statistics.median(rate for rate, _, _ in twos),
        "cpu_1_instance": cpu_one, "cpu_wall_1_instance": wall_one,
        "cpu_2_instances": cpu_two, "cpu_wall_2_instances": wall_two,
    }


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("bench-cluster: wrk is missing (make system-deps)")
    reuse = os.environ.get("CLUSTER_TEST_REUSE") == "1"
    stack = cluster.Stack("cluster-test")
    if not reuse:
        cluster.stop(stack)
        cluster.wipe(stack)
        cluster.start(stack)
    try:
        return measure(stack)
    finally:
        if not reuse:
            cluster.stop(stack)


def measure(stack):
    import requests

    a = stack.instance_url(stack.parts[0])
    card = service_card(stack)
    figures, reports = {}, []
    # 1. Anonymous pages: Varnish vs uncached (one instance directly).
    for name, path in (("home", ""), ("service_card", card)):
        for _ in range(3):
            requests.get(f"{stack.url}{path}", timeout=60)
        assert requests.get(f"{stack.url}{path}", timeout=60).headers["X-Cache"] == "HIT"
        cached, out_cached = wrk(f"{stack.url}{path}")
        uncached, out_uncached = wrk(f"{a}{path}")
        figures[f"{name}_varnish_rps"] = cached
        figures[f"{name}_uncached_rps"] = uncached
        figures[f"{name}_cache_ratio"] = round(cached / uncached, 1)
        reports += [f"--- {name} through Varnish", out_cached, f"--- {name} uncached", out_uncached]
    # 2. Submissions: 2 instances (HAProxy) vs 1 instance (directly), A-B-A (see submission_rounds).
    # Who uses the 2 cores meanwhile (the load generator, each instance, PostgreSQL, everybody else): whether
    # a second instance can add throughput at all on this machine.
    rounds = submission_rounds(stack, a)
    figures.update(rounds)
    cpu_report = (cpu_table("submissions, 1 instance (all its runs)", rounds["cpu_1_instance"],
                            rounds["cpu_wall_1_instance"]) + "\n"
                  + cpu_table("submissions, 2 instances (all their runs)", rounds["cpu_2_instances"],
                              rounds["cpu_wall_2_instances"]))
    # 3. Logged-in service card: the whole stack vs one instance, one request at a time.
    # Alternating short runs, so that a change of the machine's load hits both sides alike.
    cookie = f"Cookie: {login_cookie(stack)}"
    # Through the stack both instances answer, directly only the first: each renders the page for this user a
    # few times first, so that neither side is measured with a cold instance.
    for part in stack.parts:
        for _ in range(5):
            requests.get(f"{stack.instance_url(part)}{card}", headers=dict([cookie.split(": ", 1)]), timeout=60)
    stacked_runs, direct_runs = [], []
    for _ in range(ROUNDS):
        direct_runs.append(wrk(f"{a}{card}", connections=1, duration=max(2, DURATION // 2), headers=[cookie]))
        stacked_runs.append(wrk(f"{stack.url}{card}", connections=1, duration=max(2, DURATION // 2),
                                headers=[cookie]))
    stacked = round(sum(rps for rps, _ in stacked_runs) / ROUNDS, 2)
    direct = round(sum(rps for rps, _ in direct_runs) / ROUNDS, 2)
    out_stacked = "\n".join(out for _, out in stacked_runs)
    out_direct = "\n".join(out for _, out in direct_runs)
    figures["logged_in_stack_rps"] = stacked
    figures["logged_in_direct_rps"] = direct
    figures["proxy_overhead_percent"] = round((direct / stacked - 1) * 100, 1)
    reports += ["--- logged-in card through the stack", out_stacked, "--- logged-in card directly", out_direct]

    print(json.dumps(figures, indent=2))
    print()
    print(f"1. anonymous pages, Varnish vs uncached: home {figures['home_cache_ratio']}x, "
          f"service card {figures['service_card_cache_ratio']}x (goal >= 500x)")
    print(f"2. submissions/s, 2 instances vs 1: {figures['submissions_ratio']}x, median of "
          f"{len(figures['submissions_round_ratios'])} A-B-A rounds (rounds "
          f"{min(figures['submissions_round_ratios'])}-{max(figures['submissions_round_ratios'])}x; 1 instance "
          f"{figures['submissions_1_instance_runs']}/s, 2 instances {figures['submissions_2_instances_runs']}/s; "
          f"goal >= 1.5x)")
    print(cpu_report)
    print(f"3. logged-in service card, proxies' overhead: {figures['proxy_overhead_percent']}% (goal <= 10%)")
    (ROOT / "bench-results").mkdir(exist_ok=True)
    report = ROOT / "bench-results" / f"bench-cluster-{datetime.datetime.now():%Y%m%d-%H%M%S}.txt"
    load_average = Path("/proc/loadavg").read_text().split()[:3]
    report.write_text(
        f"date: {datetime.datetime.now().isoformat()}\nmachine: {os.cpu_count()} cores, load {load_average}\n"
        + json.dumps(figures, indent=2) + "\n\n" + cpu_report + "\n\n" + "\n".join(reports)
    )
    print(f"report: {report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
