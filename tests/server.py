"""Start and stop the throw-away test instance (bin/instance-test, http://localhost:18080/zabrze).

One implementation for everybody who needs a real server:

* tests/conftest.py (the session fixture ``server``) uses ``running_server()``;
* tests that need the instance started with other settings (tests/directory: the city's directory in its
  environment) use ``restart()`` on the session's server (fixture ``server_process``) and restart it back;
* scripts/bench.sh runs a command inside it: ``python3 tests/server.py run -- CMD...``;
* by hand: ``python3 tests/server.py start|stop|status|url``.

Only the standard library is used, so any python3 can run it (no need for bin/zopepy).

A fresh server means: stop a leftover test instance, wipe var/test, run scripts/create_site.py,
start ``bin/instance-test console`` in its own process group (output in var/test/log/console.log)
and wait until the site answers 200. Our pid file, var/instance-test-harness.pid (outside var/test),
lets a later run stop a server that an interrupted run left behind; one started by hand with
``bin/instance-test start`` (zdaemon) is stopped too. var/instance-test-harness.lock (flock) keeps
two runs on one checkout from wiping each other's server: the second one waits.
"""

from pathlib import Path

import argparse
import atexit
import base64
import contextlib
import fcntl
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parent.parent
CTL = ROOT / "bin" / "instance-test"
INSTANCE_HOME = ROOT / "instance-test"  # made by buildout (parts-directory is the repository root)
HOST = "127.0.0.1"
# EZABRZE_TEST_PORT: another port for a second checkout on the same machine (make passes it to buildout).
PORT = int(os.environ.get("EZABRZE_TEST_PORT", "18080"))
SITE_ID = "zabrze"

def _load_admin_secrets():
    import importlib.util

    spec = importlib.util.spec_from_file_location("admin_secrets", ROOT / "scripts" / "admin_secrets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


admin_secrets = _load_admin_secrets()
# The Zope root user of buildout.cfg ([admin] of var/secrets.cfg, random, made by the first build).
ADMIN = admin_secrets.ensure()["admin"]
# The Plone-level Manager of the site (scripts/create_site.py creates it).
SITE_ADMIN = admin_secrets.ensure()["site-admin"]
# "localhost", not "127.0.0.1": Plone serves hosts listed in IThemeSettings.hostnameBlacklist
# ("Unthemed host names", by default ["127.0.0.1"]) WITHOUT the Diazo theme (no Barceloneta CSS).
# Tests and benchmarks must see the pages as visitors do, so they use a themed host name.
BASE_URL = f"http://localhost:{PORT}/{SITE_ID}"
VAR = ROOT / "var" / "test"
LOG_DIR = VAR / "log"
CONSOLE_LOG = LOG_DIR / "console.log"
PID_FILE = ROOT / "var" / "instance-test-harness.pid"
LOCK_FILE = ROOT / "var" / "instance-test-harness.lock"
LOCK_TIMEOUT = 1800
START_TIMEOUT = 120
CREATE_SITE_TIMEOUT = 900
CREATE_SITE = "scripts/create_site.py"


class ServerError(RuntimeError):
    """The test instance could not be prepared, started or stopped."""


def _say(message):
    print(f"[instance-test] {message}", file=sys.stderr, flush=True)


def log_tail(lines=40):
    """The last lines of every var/test/log/*.log, for error messages."""
    parts = []
    for path in sorted(LOG_DIR.glob("*.log")):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            parts.append(f"--- {path}: {exc}")
            continue
        tail = "\n".join(text.splitlines()[-lines:])
        parts.append(f"--- last {lines} lines of {path.relative_to(ROOT)}:\n{tail}")
    return "\n".join(parts) if parts else f"(no log files in {LOG_DIR})"


def http_status(url, timeout=5.0):
    """HTTP status of GET url (redirects followed), or None when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, OSError):
        return None


def port_in_use(host=HOST, port=PORT):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, port)) == 0


def _check_built():
    if not os.access(CTL, os.X_OK):
        raise ServerError(f"{CTL} is missing: build first (make build).")


def _process_group_alive(pgid):
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_zombie(pid):
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] == "Z"


def _stop_process_group(pgid, timeout=20.0, process=None):
    """SIGINT (clean Zope shutdown), then SIGTERM, then SIGKILL to the whole process group.

    process: our Popen of the group leader, reaped while waiting (a zombie still counts as alive).
    """
    def alive():
        if process is not None:
            process.poll()
        elif _is_zombie(pgid):  # not our child: whoever adopted it reaps it (or not) later
            return False
        return _process_group_alive(pgid)

    for sig, wait in ((signal.SIGINT, timeout), (signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if not alive():
                return
            time.sleep(0.2)


def _harness_pid():
    try:
        return int(PID_FILE.read_text().strip())
    except (OSError, ValueError):
        return None


def kill_and_restart_when(result, at_count, stop_event):
    """For the load checks: once `at_count` answers were acknowledged (``result.acknowledged`` under
    ``result.lock``), SIGKILL the test instance and start it again; sets ``result.kill_time`` and
    ``result.restarted``. Returns without killing when ``stop_event`` is set first."""
    while not stop_event.is_set():
        with result.lock:
            done = len(result.acknowledged)
        if done >= at_count:
            break
        time.sleep(0.05)
    else:
        return
    pid = _harness_pid()
    if pid is None:
        raise RuntimeError("no harness pid file: is the test instance running (tests/server.py)?")
    result.kill_time = time.monotonic()
    os.killpg(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while port_in_use() and time.monotonic() < deadline:
        time.sleep(0.2)
    result.restarted = start()  # stopped at exit of this process (atexit)


def _is_our_instance(pid):
    """True if pid still runs this checkout's instance-test (guards against a recycled pid).

    `bin/instance-test console` ends up as `instance-test/bin/interpreter .../serve.py .../wsgi.ini`.
    """
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return False
    return any(arg == str(CTL) or arg.startswith(f"{INSTANCE_HOME}/") for arg in cmdline)


def stop_leftovers():
    """Stop any instance-test still running: one left by an interrupted run, or a zdaemon one."""
    _check_built()
    pid = _harness_pid()
    if pid is not None:
        if _is_our_instance(pid):
            _say(f"stopping the test server left running (process group {pid})")
            _stop_process_group(pid)
        PID_FILE.unlink(missing_ok=True)
    # A server started with `bin/instance-test start` (zdaemon); harmless when none runs.
    subprocess.run(
        [str(CTL), "stop"], cwd=ROOT, stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False,
    )
    deadline = time.monotonic() + 20
    while port_in_use():
        if time.monotonic() > deadline:
            raise ServerError(
                f"Port {PORT} is still in use by a process this harness did not start. "
                f"Stop it (e.g. `ss -ltnp 'sport = :{PORT}'` shows which) and run again."
            )
        time.sleep(0.5)


def reset_storage():
    """Delete var/test: every fresh start begins with an empty Data.fs."""
    if VAR.exists():
        shutil.rmtree(VAR)
    for directory in _var_directories():
        directory.mkdir(parents=True, exist_ok=True)
        if "blob" in directory.name:
            directory.chmod(0o700)  # ZODB wants a private blob directory
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    write_inituser()


def write_inituser(user=ADMIN[0], password=ADMIN[1]):
    """(Re)write instance-test/inituser, as buildout's zope2instance recipe does.

    Zope creates the Manager "admin" from this file when it opens an empty Data.fs, and then
    deletes the file: without rewriting it, a wiped var/test would have no admin user.
    """
    digest = base64.b64encode(hashlib.sha1(password.encode("utf-8")).digest()).decode("ascii")
    path = INSTANCE_HOME / "inituser"
    path.write_text(f"{user}:{{SHA}}{digest}\n", encoding="ascii")
    path.chmod(0o644)


def _var_directories():
    """The directories under var/test that buildout made for instance-test and Zope expects.

    Read from the generated configuration (zope.conf refuses a missing clienthome or Data.fs folder):
    a path whose last part has a dot is a file (its folder is needed), any other is a folder.
    """
    pattern = re.compile(re.escape(str(VAR)) + r"(/[^\s'\"),]*)?")
    found = set()
    for conf in (INSTANCE_HOME / "etc").glob("*"):
        if not conf.is_file():
            continue
        for match in pattern.finditer(conf.read_text(encoding="utf-8", errors="replace")):
            path = Path(match.group(0))
            found.add(path.parent if "." in path.name else path)
    return sorted(found)


def create_site():
    """Run scripts/create_site.py in the (stopped) test instance; raise with its output if it fails."""
    _check_built()
    _say(f"creating the site (bin/instance-test run {CREATE_SITE})")
    try:
        result = subprocess.run(
            [str(CTL), "run", CREATE_SITE], cwd=ROOT, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            timeout=CREATE_SITE_TIMEOUT, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ServerError(
            f"{CREATE_SITE} did not finish in {CREATE_SITE_TIMEOUT}s. Output:\n{exc.output}"
        ) from exc
    output = result.stdout or ""
    if result.returncode != 0 or f"site /{SITE_ID}" not in output:
        raise ServerError(
            f"`bin/instance-test run {CREATE_SITE}` failed (exit code {result.returncode}). "
            f"Last 40 lines of its output:\n" + "\n".join(output.splitlines()[-40:])
        )
    return output


class Server:
    """A running `bin/instance-test console`, in its own process group."""

    def __init__(self, process, url=BASE_URL):
        self.process = process
        self.url = url

    @property
    def pid(self):
        return self.process.pid

    def stop(self):
        if self.process.poll() is None:
            _say(f"stopping the test server (pid {self.pid})")
            _stop_process_group(self.pid, process=self.process)
        if _harness_pid() == self.pid:
            PID_FILE.unlink(missing_ok=True)


def _default_sigint():
    # A background job of a non-interactive shell inherits SIGINT ignored; Zope must get it back,
    # since SIGINT is how we shut it down cleanly.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(timeout=START_TIMEOUT, detach=False, environment=None):
    """Start bin/instance-test on the existing var/test storage and wait until the site answers 200.

    Unless detach is true, the server is also stopped when this Python process exits. environment: variables
    added to the instance's environment (e.g. the EZABRZE_DIRECTORY_* settings of the city's directory).
    """
    _check_built()
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    _say(f"starting {BASE_URL} (bin/instance-test console, output in {CONSOLE_LOG.relative_to(ROOT)})")
    env = dict(os.environ, **environment) if environment else None
    with open(CONSOLE_LOG, "ab") as log:
        process = subprocess.Popen(
            [str(CTL), "console"], cwd=ROOT, stdin=subprocess.DEVNULL,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=_default_sigint, env=env,
        )
    PID_FILE.write_text(f"{process.pid}\n")
    server = Server(process)
    if not detach:
        atexit.register(server.stop)
    try:
        wait_until_ready(process, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def restart(server, environment=None, timeout=START_TIMEOUT):
    """Stop the running ``server`` and start the instance again on the same storage (the site and what earlier
    tests stored stay), with ``environment`` added to its process environment — or without any additions.

    ``server`` then controls the new process, so whoever stops it (``running_server``) stops the new one.
    """
    server.stop()
    deadline = time.monotonic() + 30
    while port_in_use() and time.monotonic() < deadline:
        time.sleep(0.2)
    server.process = start(timeout=timeout, detach=True, environment=environment).process
    return server


def wait_until_ready(process=None, timeout=START_TIMEOUT, url=BASE_URL):
    deadline = time.monotonic() + timeout
    status = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServerError(
                f"bin/instance-test console exited with code {process.returncode} before {url} "
                f"answered.\n{log_tail()}"
            )
        status = http_status(url)
        if status == 200:
            return
        time.sleep(0.5)
    raise ServerError(
        f"{url} did not answer 200 within {timeout}s (last status: {status or 'no answer'}).\n{log_tail()}"
    )


def fresh_server(timeout=START_TIMEOUT, detach=False):
    """Stop leftovers, wipe var/test, create the site, start the instance and wait for it."""
    stop_leftovers()
    reset_storage()
    create_site()
    return start(timeout=timeout, detach=detach)


@contextlib.contextmanager
def harness_lock(timeout=LOCK_TIMEOUT, wait=True):
    """Exclusive use of bin/instance-test and var/test by this process (flock, freed on exit)."""
    LOCK_FILE.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK_FILE, "a+") as lock:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                lock.seek(0)
                holder = lock.read().strip() or "?"
                if not wait or time.monotonic() > deadline:
                    raise ServerError(
                        f"Another run (pid {holder}) is using bin/instance-test "
                        f"({LOCK_FILE.relative_to(ROOT)} is locked)."
                    ) from None
                if not told:
                    _say(f"waiting for another run (pid {holder}) to finish with bin/instance-test")
                    told = True
                time.sleep(2)
        lock.seek(0)
        lock.truncate()
        lock.write(f"{os.getpid()}\n")
        lock.flush()
        try:
            yield
        finally:
            lock.seek(0)
            lock.truncate()
            fcntl.flock(lock, fcntl.LOCK_UN)


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


@contextlib.contextmanager
def sigterm_as_keyboard_interrupt():
    """A SIGTERM (CI time-out, `kill`) would end Python without `finally`: make it a KeyboardInterrupt."""
    previous = None
    if threading.current_thread() is threading.main_thread():
        if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            previous = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def running_server(timeout=START_TIMEOUT):
    """A fresh test server for the duration of the block; stopped afterwards, also on Ctrl-C/SIGTERM."""
    with sigterm_as_keyboard_interrupt(), harness_lock():
        server = fresh_server(timeout=timeout)
        try:
            yield server
        finally:
            server.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="tests/server.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run", help="fresh server, run CMD (with EZABRZE_URL set) and stop the server; exits with CMD's code"
    )
    run.add_argument("cmd", nargs=argparse.REMAINDER, help="-- command and its arguments")
    sub.add_parser("start", help="fresh server left running in the background (no lock held afterwards)")
    sub.add_parser("stop", help="stop the test instance (also a leftover or a zdaemon one)")
    sub.add_parser("status", help="exit 0 if the site answers 200, 1 otherwise")
    sub.add_parser("url", help="print the site URL")
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
            if not cmd:
                parser.error("run needs a command: tests/server.py run -- CMD [ARGS...]")
            with running_server() as server:
                env = dict(os.environ, EZABRZE_URL=server.url)
                return subprocess.run(cmd, env=env, check=False).returncode
        elif args.command == "start":
            with harness_lock():
                server = fresh_server(detach=True)
            _say(f"running, pid {server.pid}; stop it with: python3 tests/server.py stop")
            print(server.url)
        elif args.command == "stop":
            with harness_lock(wait=False):
                stop_leftovers()
        elif args.command == "status":
            return 0 if http_status(BASE_URL) == 200 else 1
        elif args.command == "url":
            print(BASE_URL)
    except ServerError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
