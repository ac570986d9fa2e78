"""The production stack on one machine: PostgreSQL -> N Zope instances (RelStorage) -> HAProxy -> Varnish.

Used by the Makefile (`make cluster`, `make cluster-stop`, `make backup`, ...), by the cluster tests
(tests/cluster/) and by `make bench-cluster`. Standard library only: any python3 runs it.

Two stacks, each with its own ports, database cluster and var/ folder:

* ``cluster``      (make cluster):  Varnish 8100 -> HAProxy 8110 (stats 8111) -> bin/cluster1..N (8101..)
                                    -> PostgreSQL 5433; var/cluster/
* ``cluster-test`` (tests, bench):  ports derived from EZABRZE_TEST_PORT (+200 Varnish, +210/+220 the
                                    instances, +230 HAProxy, +240 stats, +250 PostgreSQL); var/cluster-test/

Everything listens on 127.0.0.1 only. PostgreSQL refuses to run as root: when we are root, its data
directory belongs to the ``postgres`` user and pg_ctl/psql run through ``runuser -u postgres``.
No default password: the database role's and Zope admin's passwords are generated at the first start
(var/<stack>/pgpass, var/<stack>/admin-password, mode 0600).

    python3 deploy/cluster.py [--stack cluster|cluster-test] start|stop|status|url|admin-password
    python3 deploy/cluster.py backup [--keep N] | restore FILE | migrate FILESTORAGE
    python3 deploy/cluster.py instance-start NAME | instance-stop NAME | instance-pid NAME
    python3 deploy/cluster.py pg-start | pg-stop | pg-restart
"""

from pathlib import Path

import argparse
import base64
import datetime
import hashlib
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
HOST = "127.0.0.1"
SITE_ID = "zabrze"
DB_NAME = "ezabrze"
DB_USER = "ezabrze"
PG_OS_USER = "postgres"
START_TIMEOUT = 180


class ClusterError(RuntimeError):
    """A part of the stack could not be set up, started or stopped."""


def say(message):
    print(f"[cluster] {message}", file=sys.stderr, flush=True)


def _wsgi_port(part):
    """The port buildout gave the instance ``part`` (its etc/wsgi.ini)."""
    ini = ROOT / part / "etc" / "wsgi.ini"
    if not ini.exists():
        raise ClusterError(f"{ini} is missing: build first (make build, or make cluster CLUSTER_INSTANCES=N).")
    match = re.search(r"^\s*(?:fast-)?listen\s*=\s*[\d.]+:(\d+)", ini.read_text(), re.M)
    if not match:
        raise ClusterError(f"No listen address in {ini}")
    return int(match.group(1))


def _pg_port_of(part):
    conf = ROOT / part / "etc" / "zope.conf"
    match = re.search(r"port='(\d+)'", conf.read_text())
    if not match:
        raise ClusterError(f"No PostgreSQL port in {conf}")
    return int(match.group(1))


def _reachable_dir(var, name, user):
    """var/<name>, or a folder under /var/tmp when ``user`` cannot reach var/ (a checkout under /root, say).

    As root, PostgreSQL and Varnish's worker run as their own users, which must be able to walk to their
    folders. A fresh clone in a private home directory would not let them: then their folder goes to
    /var/tmp/ezabrze-<stack>-<hash of the checkout path>/<name> (var/<name> is a symlink to it).
    """
    target = var / name
    if not is_root():
        return target
    try:
        entry = pwd.getpwnam(user)
    except KeyError:
        return target
    probe = var
    while not probe.exists():
        probe = probe.parent
    if subprocess.run(["runuser", "-u", entry.pw_name, "--", "test", "-x", str(probe)],
                      check=False, capture_output=True).returncode == 0:
        return target
    digest = hashlib.sha1(str(var).encode()).hexdigest()[:10]
    outside = Path("/var/tmp") / f"ezabrze-{var.name}-{digest}" / name
    outside.parent.mkdir(parents=True, exist_ok=True)
    outside.parent.chmod(0o755)
    var.mkdir(parents=True, exist_ok=True)
    if not target.is_symlink():
        if target.exists():
            shutil.rmtree(target)
        target.symlink_to(outside)
    return outside


class Stack:
    """Ports, paths and instance parts of one stack."""

    def __init__(self, name="cluster", instances=None):
        if name not in ("cluster", "cluster-test"):
            raise ClusterError(f"unknown stack {name!r}")
        self.name = name
        self.var = ROOT / "var" / name
        if name == "cluster":
            count = int(instances or os.environ.get("CLUSTER_INSTANCES", "2"))
            self.parts = [f"cluster{i}" for i in range(1, count + 1)]
            self.varnish_port, self.haproxy_port, self.stats_port = 8100, 8110, 8111
        else:
            base = int(os.environ.get("EZABRZE_TEST_PORT", "18080"))
            self.parts = ["cluster-test1", "cluster-test2"]
            self.varnish_port, self.haproxy_port, self.stats_port = base + 200, base + 230, base + 240
        self.pg_port = _pg_port_of(self.parts[0])
        self.pg_dir = _reachable_dir(self.var, "postgres", PG_OS_USER)
        self.pg_data = self.pg_dir / "data"
        self.pg_run = self.pg_dir / "run"
        self.pg_log = self.pg_dir / "postgres.log"
        self.pgpass = self.var / "pgpass"
        self.admin_password_file = self.var / "admin-password"
        self.backups = ROOT / "var" / "backups" / name

    # URLs -------------------------------------------------------------------------------------------
    @property
    def url(self):
        """The public URL: through Varnish. "localhost" (Plone leaves 127.0.0.1 unthemed)."""
        return f"http://localhost:{self.varnish_port}/{SITE_ID}"

    @property
    def haproxy_url(self):
        return f"http://localhost:{self.haproxy_port}/{SITE_ID}"

    def instance_url(self, part):
        return f"http://localhost:{_wsgi_port(part)}/{SITE_ID}"

    @property
    def varnish_internal_url(self):
        """Where the instances send PURGE requests (plone.cachepurging's caching proxies)."""
        return f"http://{HOST}:{self.varnish_port}"

    @property
    def admin(self):
        return ("admin", self.admin_password_file.read_text().strip())


# Helpers ------------------------------------------------------------------------------------------------
def is_root():
    return os.geteuid() == 0


def run(cmd, check=True, as_postgres=False, capture=False, env=None, timeout=600, **kwargs):
    """Run cmd; as the postgres user when asked and we are root."""
    cmd = [str(c) for c in cmd]
    if as_postgres and is_root():
        cmd = ["runuser", "-u", PG_OS_USER, "--"] + cmd
    result = subprocess.run(
        cmd, check=False, env=env, timeout=timeout, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if capture else None, stderr=subprocess.STDOUT if capture else None,
        text=True, **kwargs,
    )
    if check and result.returncode != 0:
        output = f"\n{result.stdout}" if capture else ""
        raise ClusterError(f"{' '.join(cmd)} failed with exit code {result.returncode}{output}")
    return result


def port_open(port, host=HOST):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, port)) == 0


def http_status(url, timeout=5.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, OSError):
        return None


def wait_for(check, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    raise ClusterError(f"{what} within {timeout}s")


def _read_pid(path):
    try:
        pid = int(Path(path).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return pid


def _stop_pid(path, sig=signal.SIGTERM, timeout=20):
    pid = _read_pid(path)
    if pid is None:
        return False
    os.kill(pid, sig)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _read_pid(path) == pid:
        time.sleep(0.2)
    if _read_pid(path) == pid:
        os.kill(pid, signal.SIGKILL)
    Path(path).unlink(missing_ok=True)
    return True


# PostgreSQL -----------------------------------------------------------------------------------------------
def _chown_postgres(path):
    if is_root():
        entry = pwd.getpwnam(PG_OS_USER)
        shutil.chown(path, entry.pw_uid, entry.pw_gid)


def pg_init(stack):
    """Create the database cluster (once), owned by postgres when we are root."""
    if not (PG_BIN / "initdb").exists():
        raise ClusterError(f"{PG_BIN}/initdb is missing: run scripts/system_deps.sh (postgresql-15).")
    if (stack.pg_data / "PG_VERSION").exists():
        return False
    stack.pg_dir.mkdir(parents=True, exist_ok=True)
    for path in (stack.pg_dir, stack.pg_run):
        path.mkdir(parents=True, exist_ok=True)
        path.chmod(0o700)
        _chown_postgres(path)
    say(f"initdb {stack.pg_data}")
    # Unix socket (a 0700 folder of the server's user): the superuser "postgres", as the OS user postgres
    # (peer) when we are root, else as whoever owns the folder (trust). TCP: password (scram) only.
    local_auth = "peer" if is_root() else "trust"
    run([PG_BIN / "initdb", "-D", stack.pg_data, "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
         f"--auth-local={local_auth}", "--auth-host=scram-sha-256"], as_postgres=True, capture=True)
    conf = stack.pg_data / "postgresql.conf"
    with open(conf, "a", encoding="utf-8") as handle:
        handle.write((DEPLOY / "postgresql.conf").read_text())
    return True


def pg_running(stack):
    return run([PG_BIN / "pg_ctl", "-D", stack.pg_data, "status"], check=False, as_postgres=True,
               capture=True).returncode == 0


def pg_start(stack):
    pg_init(stack)
    if pg_running(stack):
        return
    stack.pg_log.touch()
    _chown_postgres(stack.pg_log)
    say(f"starting PostgreSQL on {HOST}:{stack.pg_port}")
    options = f"-p {stack.pg_port} -k {stack.pg_run} -c listen_addresses={HOST}"
    run([PG_BIN / "pg_ctl", "-D", stack.pg_data, "-l", stack.pg_log, "-o", options, "-w", "-t", "60",
         "start"], as_postgres=True, capture=True)


def pg_stop(stack, mode="fast"):
    if (stack.pg_data / "PG_VERSION").exists() and pg_running(stack):
        say("stopping PostgreSQL")
        run([PG_BIN / "pg_ctl", "-D", stack.pg_data, "-m", mode, "-w", "-t", "60", "stop"],
            as_postgres=True, capture=True)


def psql(stack, sql, database="postgres"):
    """Run sql as the postgres superuser over the Unix socket (peer authentication)."""
    result = run([PG_BIN / "psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", stack.pg_run,
                  "-p", stack.pg_port, "-U", "postgres", "-d", database, "-c", sql],
                 as_postgres=True, capture=True)
    return result.stdout.strip()


def _password_file(path, make):
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(make())
    return path.read_text()


def db_password(stack):
    line = _password_file(
        stack.pgpass, lambda: f"{HOST}:{stack.pg_port}:*:{DB_USER}:{secrets.token_urlsafe(24)}\n"
    )
    return line.strip().rsplit(":", 1)[1]


def pg_ensure_database(stack):
    """The role and the database of RelStorage (idempotent); the role's password is the one in pgpass."""
    password = db_password(stack)
    if psql(stack, f"SELECT 1 FROM pg_roles WHERE rolname = '{DB_USER}'") != "1":
        say(f"creating the role {DB_USER}")
        psql(stack, f"CREATE ROLE {DB_USER} LOGIN PASSWORD '{password}'")
    else:
        psql(stack, f"ALTER ROLE {DB_USER} PASSWORD '{password}'")
    if psql(stack, f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'") != "1":
        say(f"creating the database {DB_NAME}")
        psql(stack, f"CREATE DATABASE {DB_NAME} OWNER {DB_USER} ENCODING 'UTF8' TEMPLATE template0")


def pg_env(stack):
    """Environment for libpq clients (pg_dump, zodbconvert) connecting as the RelStorage role."""
    return dict(os.environ, PGPASSFILE=str(stack.pgpass), PGHOST=HOST, PGPORT=str(stack.pg_port),
                PGUSER=DB_USER, PGDATABASE=DB_NAME)


# Zope instances ------------------------------------------------------------------------------------------------
def admin_password(stack):
    return _password_file(stack.admin_password_file, lambda: secrets.token_urlsafe(18) + "\n").strip()


def _write_inituser(part, password):
    """Zope creates the Manager "admin" from inituser when the database has no user yet (then deletes it)."""
    digest = base64.b64encode(hashlib.sha1(password.encode("utf-8")).digest()).decode("ascii")
    path = ROOT / part / "inituser"
    path.write_text(f"admin:{{SHA}}{digest}\n", encoding="ascii")
    path.chmod(0o600)


def _instance_dirs(stack, part):
    """The folders of the instance that zope.conf expects (buildout makes them only when it installs the part)."""
    for sub in ("", "log", "blobcache", "cache", part):
        (stack.var / part / sub).mkdir(parents=True, exist_ok=True)
    (stack.var / part / "blobcache").chmod(0o700)


def ctl(part, *args, check=True, capture=True, timeout=300):
    return run([ROOT / "bin" / part, *args], check=check, capture=capture, cwd=ROOT, timeout=timeout)


def instance_pid(part):
    """Pid of the Zope process of ``part`` (zdaemon's child), or None."""
    output = ctl(part, "status", check=False).stdout or ""
    match = re.search(r"pid=(\d+)", output)
    return int(match.group(1)) if match and "running" in output else None


def create_site(stack):
    """Create the site with demo content if it is missing (scripts/create_site.py, as make start does)."""
    part = stack.parts[0]
    say(f"creating the site if it is missing (bin/{part} run scripts/create_site.py)")
    result = ctl(part, "run", "scripts/create_site.py", check=False, timeout=1200)
    if result.returncode != 0 or f"site /{SITE_ID}" not in result.stdout:
        raise ClusterError("scripts/create_site.py failed:\n" + "\n".join(result.stdout.splitlines()[-40:]))
    result = ctl(part, "run", "deploy/configure_site.py", "--caching-proxy", stack.varnish_internal_url,
                 check=False, timeout=600)
    if result.returncode != 0:
        raise ClusterError(f"deploy/configure_site.py failed:\n{result.stdout[-3000:]}")


def instance_start(stack, part):
    if instance_pid(part):
        return
    _instance_dirs(stack, part)
    say(f"starting {part} on {HOST}:{_wsgi_port(part)}")
    ctl(part, "start")


def instance_stop(part):
    if (ROOT / "bin" / part).exists():
        ctl(part, "stop", check=False)


def wait_instance(stack, part, timeout=START_TIMEOUT):
    url = f"http://{HOST}:{_wsgi_port(part)}/ok"
    wait_for(lambda: http_status(url) == 200, timeout, f"{part} did not answer {url}")


# HAProxy and Varnish -------------------------------------------------------------------------------------------
def _render(template, target, values):
    text = (DEPLOY / template).read_text()
    for key, value in values.items():
        text = text.replace("@" + key + "@", str(value))
    leftover = re.findall(r"@[A-Z_]+@", text)
    if leftover:
        raise ClusterError(f"{template}: no value for {leftover}")
    target.write_text(text)
    return target


def haproxy_config(stack):
    servers = "\n".join(
        f"    server {part} {HOST}:{_wsgi_port(part)} check" for part in stack.parts
    )
    return _render("haproxy.cfg.in", stack.var / "haproxy.cfg", {
        "BIND": f"{HOST}:{stack.haproxy_port}", "STATS": f"{HOST}:{stack.stats_port}",
        "SERVERS": servers, "PIDFILE": stack.var / "haproxy.pid",
        "ERRORFILE503": DEPLOY / "haproxy-503.http",
    })


def haproxy_start(stack):
    config = haproxy_config(stack)
    run(["haproxy", "-c", "-q", "-f", config], capture=True)
    pid = _read_pid(stack.var / "haproxy.pid")
    if pid:
        say("reloading HAProxy")
        run(["haproxy", "-D", "-f", config, "-p", stack.var / "haproxy.pid", "-sf", pid], capture=True)
    else:
        say(f"starting HAProxy on {HOST}:{stack.haproxy_port} (stats http://{HOST}:{stack.stats_port}/)")
        run(["haproxy", "-D", "-f", config, "-p", stack.var / "haproxy.pid"], capture=True)
    wait_for(lambda: port_open(stack.haproxy_port), 20, "HAProxy did not listen")


def varnish_start(stack):
    if _read_pid(stack.var / "varnish.pid"):
        return
    vcl = _render("varnish.vcl.in", stack.var / "varnish.vcl", {
        "BACKEND_HOST": HOST, "BACKEND_PORT": stack.haproxy_port,
    })
    workdir = _reachable_dir(stack.var, "varnish", "varnish") if is_root() else stack.var / "varnish"
    workdir.mkdir(parents=True, exist_ok=True)
    say(f"starting Varnish on {HOST}:{stack.varnish_port}")
    cmd = ["varnishd", "-a", f"{HOST}:{stack.varnish_port}", "-f", vcl, "-n", workdir,
           "-P", stack.var / "varnish.pid", "-T", "none", "-s", f"malloc,{os.environ.get('VARNISH_MEMORY', '256m')}",
           "-p", "default_grace=300", "-p", "thread_pool_min=20"]
    if is_root():
        # Debian's varnish package made the users varnish/vcache: the worker process drops to them.
        cmd += ["-j", "unix,user=varnish"]
    else:
        cmd += ["-j", "none"]
    run(cmd, capture=True)
    wait_for(lambda: port_open(stack.varnish_port), 30, "Varnish did not listen")


# The whole stack -------------------------------------------------------------------------------------------
def start(stack, create=True):
    for tool in ("haproxy", "varnishd"):
        if shutil.which(tool) is None:
            raise ClusterError(f"{tool} is missing: run scripts/system_deps.sh (make system-deps).")
    stack.var.mkdir(parents=True, exist_ok=True)
    pg_start(stack)
    pg_ensure_database(stack)
    password = admin_password(stack)
    for part in stack.parts:
        _instance_dirs(stack, part)
        _write_inituser(part, password)
    if create and not any(instance_pid(part) for part in stack.parts):
        create_site(stack)
    for part in stack.parts:
        instance_start(stack, part)
    for part in stack.parts:
        wait_instance(stack, part)
    haproxy_start(stack)
    varnish_start(stack)
    wait_for(lambda: http_status(stack.url, timeout=30) == 200, START_TIMEOUT,
             f"{stack.url} did not answer 200")
    return stack.url


def stop(stack, database=True):
    if _stop_pid(stack.var / "varnish.pid"):
        say("stopped Varnish")
    if _stop_pid(stack.var / "haproxy.pid"):
        say("stopped HAProxy")
    for part in stack.parts:
        instance_stop(part)
    if database:
        pg_stop(stack)


def wipe(stack):
    """Delete every file of the (stopped) stack: var/<stack> and its folders outside (see _reachable_dir)."""
    for folder in (stack.pg_dir, _reachable_dir(stack.var, "varnish", "varnish") if is_root() else None):
        if folder is not None and folder.exists() and not str(folder).startswith(str(stack.var)):
            shutil.rmtree(folder)
    if stack.var.exists():
        shutil.rmtree(stack.var)


def status(stack):
    lines = [f"PostgreSQL {HOST}:{stack.pg_port}: {'running' if pg_running(stack) else 'stopped'}"]
    for part in stack.parts:
        pid = instance_pid(part)
        lines.append(f"{part} {HOST}:{_wsgi_port(part)}: {'running, pid %d' % pid if pid else 'stopped'}")
    lines.append(f"HAProxy {HOST}:{stack.haproxy_port}: "
                 f"{'running' if _read_pid(stack.var / 'haproxy.pid') else 'stopped'}")
    lines.append(f"Varnish {HOST}:{stack.varnish_port}: "
                 f"{'running' if _read_pid(stack.var / 'varnish.pid') else 'stopped'}")
    return "\n".join(lines)


# Backup, restore, migration -------------------------------------------------------------------------------------
def backup(stack, keep=7):
    """pg_dump of the whole database: objects AND blobs (blobs live in the database), custom format."""
    pg_start(stack)
    stack.backups.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = stack.backups / f"{DB_NAME}-{stamp}.dump"
    partial = target.with_suffix(".dump.partial")
    say(f"pg_dump -> {target}")
    run([PG_BIN / "pg_dump", "--format=custom", "--blobs", "--no-owner", "--file", partial],
        env=pg_env(stack), capture=True)
    partial.rename(target)
    dumps = sorted(stack.backups.glob(f"{DB_NAME}-*.dump"))
    for old in dumps[:-keep] if keep > 0 else []:
        say(f"removing the old backup {old.name} (keeping the newest {keep})")
        old.unlink()
    return target


def restore(stack, dump):
    """Replace the database by the dump (the instances are stopped meanwhile and started again)."""
    dump = Path(dump).resolve()
    if not dump.exists():
        raise ClusterError(f"{dump} does not exist")
    running = [part for part in stack.parts if instance_pid(part)]
    for part in stack.parts:
        instance_stop(part)
    pg_start(stack)
    say(f"restoring {dump.name} into a fresh database {DB_NAME}")
    psql(stack, f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
    pg_ensure_database(stack)
    run([PG_BIN / "pg_restore", "--no-owner", "--role", DB_USER, "--exit-on-error", "-d", DB_NAME, dump],
        env=pg_env(stack), capture=True)
    for part in stack.parts:
        # The local caches describe the old database: start from empty ones.
        for sub in ("cache", "blobcache"):
            shutil.rmtree(stack.var / part / sub, ignore_errors=True)
        _instance_dirs(stack, part)
    for part in running:
        instance_start(stack, part)
    for part in running:
        wait_instance(stack, part)
    if _read_pid(stack.var / "varnish.pid"):
        ban_all(stack)


def ban_all(stack):
    request = urllib.request.Request(f"{stack.varnish_internal_url}/", method="BAN",
                                     headers={"X-Ban-Url": "."})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def migrate(stack, filestorage, blobstorage, database=DB_NAME):
    """Copy a FileStorage (make start's var/filestorage) into the stack's database with zodbconvert.

    The destination is emptied first (``--clear``). ``database``: another database of the same server (tests).
    """
    filestorage, blobstorage = Path(filestorage).resolve(), Path(blobstorage).resolve()
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", database):
        raise ClusterError(f"{database!r} is not a database name (lower-case letters, digits, _)")
    if not filestorage.exists():
        raise ClusterError(f"{filestorage} does not exist (make start creates it)")
    if database == DB_NAME and any(instance_pid(part) for part in stack.parts):
        raise ClusterError("stop the cluster's instances first (make cluster-stop)")
    pg_start(stack)
    pg_ensure_database(stack)
    if psql(stack, f"SELECT 1 FROM pg_database WHERE datname = '{database}'") != "1":
        psql(stack, f"CREATE DATABASE {database} OWNER {DB_USER} ENCODING 'UTF8' TEMPLATE template0")
    conf = stack.var / f"zodbconvert-{database}.conf"
    conf.write_text(zodbconvert_config(stack, filestorage, blobstorage, database))
    conf.chmod(0o600)
    say(f"zodbconvert {filestorage} -> PostgreSQL {HOST}:{stack.pg_port}/{database}")
    result = run([ROOT / "bin" / "zodbconvert", "--clear", conf], env=dict(os.environ, PGPASSFILE=str(stack.pgpass)),
                 cwd=ROOT, capture=True, timeout=7200)
    if database == DB_NAME:
        for part in stack.parts:
            for sub in ("cache", "blobcache"):
                shutil.rmtree(stack.var / part / sub, ignore_errors=True)
    return result.stdout


def relstorage_section(stack, database=DB_NAME, name=""):
    """The <relstorage> section of the instances' zope.conf, for ``database``, with a blob cache of its own."""
    zope_conf = (ROOT / stack.parts[0] / "etc" / "zope.conf").read_text()
    section = re.search(r"<relstorage>.*?</relstorage>", zope_conf, re.S).group(0)
    section = section.replace("dbname='ezabrze'", f"dbname='{database}'")
    blob_dir = stack.var / f"blobcache-{database}"
    section = re.sub(r"(?m)^(\s*)blob-dir \S+", rf"\g<1>blob-dir {blob_dir}", section)
    section = re.sub(r"\s*cache-local-dir \S+", "", section)  # no persistent cache file for a one-off
    return section.replace("<relstorage>", f"<relstorage {name}>".replace(" >", ">"), 1)


def zodbconvert_config(stack, filestorage, blobstorage, database=DB_NAME):
    return (
        "%import relstorage\n"
        f"<filestorage source>\n  path {filestorage}\n  blob-dir {blobstorage}\n  read-only true\n"
        f"</filestorage>\n{relstorage_section(stack, database, 'destination')}\n"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(prog="deploy/cluster.py", description=__doc__.split("\n")[0])
    parser.add_argument("--stack", default=os.environ.get("CLUSTER_STACK", "cluster"))
    sub = parser.add_subparsers(dest="command", required=True)
    start_cmd = sub.add_parser("start", help="start everything (site created if missing), print the URL")
    start_cmd.add_argument("--no-site", action="store_true")
    stop_cmd = sub.add_parser("stop", help="stop everything")
    stop_cmd.add_argument("--keep-database", action="store_true")
    sub.add_parser("status")
    sub.add_parser("url")
    sub.add_parser("admin-password")
    backup_cmd = sub.add_parser("backup", help="pg_dump (objects and blobs) to var/backups/<stack>/")
    backup_cmd.add_argument("--keep", type=int, default=int(os.environ.get("BACKUP_KEEP", "7")))
    restore_cmd = sub.add_parser("restore", help="restore a dump (default: the newest)")
    restore_cmd.add_argument("dump", nargs="?")
    migrate_cmd = sub.add_parser("migrate", help="zodbconvert a FileStorage into the database")
    migrate_cmd.add_argument("--filestorage", default=str(ROOT / "var" / "filestorage" / "Data.fs"))
    migrate_cmd.add_argument("--blobstorage", default=str(ROOT / "var" / "blobstorage"))
    migrate_cmd.add_argument("--database", default=DB_NAME, help="a database of the stack's server (tests)")
    for name in ("instance-start", "instance-stop", "instance-pid"):
        sub.add_parser(name).add_argument("part")
    for name in ("pg-start", "pg-stop", "pg-restart", "ban-all"):
        sub.add_parser(name)
    args = parser.parse_args(argv)
    try:
        stack = Stack(args.stack)
        if args.command == "start":
            url = start(stack, create=not args.no_site)
            print(url)
        elif args.command == "stop":
            stop(stack, database=not args.keep_database)
        elif args.command == "status":
            print(status(stack))
        elif args.command == "url":
            print(stack.url)
        elif args.command == "admin-password":
            print(admin_password(stack))
        elif args.command == "backup":
            print(backup(stack, keep=args.keep))
        elif args.command == "restore":
            dump = args.dump
            if dump is None:
                dumps = sorted(stack.backups.glob(f"{DB_NAME}-*.dump"))
                if not dumps:
                    raise ClusterError(f"no backup in {stack.backups}")
                dump = dumps[-1]
            restore(stack, dump)
        elif args.command == "migrate":
            migrate(stack, args.filestorage, args.blobstorage, database=args.database)
        elif args.command == "instance-start":
            instance_start(stack, args.part)
            wait_instance(stack, args.part)
        elif args.command == "instance-stop":
            instance_stop(args.part)
        elif args.command == "instance-pid":
            print(instance_pid(args.part) or "")
        elif args.command == "pg-start":
            pg_start(stack)
        elif args.command == "pg-stop":
            pg_stop(stack)
        elif args.command == "pg-restart":
            pg_stop(stack)
            pg_start(stack)
        elif args.command == "ban-all":
            ban_all(stack)
    except ClusterError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
