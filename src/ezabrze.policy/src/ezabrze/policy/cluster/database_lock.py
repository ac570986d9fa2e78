"""A lock shared by every Zope process of one RelStorage/PostgreSQL database: a PostgreSQL advisory lock.

Why: the short transaction that stores a submission's case (``cases.creation.store``) inserts into the same
last BTree buckets as every other case (ids, signs, the catalog's indexes). Within one process a thread lock
keeps those transactions apart (``cases.submission_lock``); between processes they overlapped and one of two
conflicted at commit: measured with two instances, 75 of 200 case transactions and 21 of 200 sign transactions
were retried, each retry doing the whole work again and invalidating the other process's caches. Taken around
that short part, this lock makes the processes queue for a few milliseconds instead of conflicting.

It is only an optimization: correctness never depends on it. ZODB still detects every conflict and
``cases.creation`` still retries one (an editor's change of the cases folder, say). So whenever the lock cannot
be had, the work goes on without it:

* the storage is not RelStorage on PostgreSQL (``make start``'s FileStorage, the tests' DemoStorage): there is
  one process, the thread lock is enough;
* the lock's connection fails (PostgreSQL restarting): it is dropped and opened again on the next use; the
  case's own commit then fails the same way and the request answers 503 (``cluster.wsgi``);
* another process holds it for longer than ``WAIT_SECONDS`` (PostgreSQL's ``lock_timeout``).

A process that dies holding the lock loses its PostgreSQL session, and PostgreSQL releases the lock at once.

The lock is a session-level advisory lock with two 32-bit keys (``pg_advisory_lock(int, int)``): that key space
never overlaps RelStorage's own advisory locks, which take one 64-bit key (object ids, -1 commit, -2 pack). One
connection per process and name, opened lazily through the storage's own connection manager (same driver, DSN
and options as the storage), used only while the caller's thread lock is held.
"""

import contextlib
import logging
import threading


logger = logging.getLogger("ezabrze.policy.cluster")

NAMESPACE = 1_742_020_026  # the first key of every lock of ours: "ezabrze" among the advisory locks
WAIT_SECONDS = 30


def connection_manager(db):
    """RelStorage's connection manager of ``db``'s storage when it is RelStorage on PostgreSQL, else None."""
    storage = getattr(db, "storage", None)
    adapter = getattr(storage, "_adapter", None)  # RelStorage keeps its adapter here (RelStorage 3 and 4)
    manager = getattr(adapter, "connmanager", None)
    if manager is None or "postgresql" not in type(adapter).__module__:
        return None
    return manager


class DatabaseLock:
    """One named advisory lock of the database; ``held()`` waits for it (see the module's doc)."""

    def __init__(self, key, name):
        self.key = key
        self.name = name
        self._connections = {}  # id(connection manager) -> (manager, connection, cursor)
        self._guard = threading.Lock()  # the connection of a process is used by one thread at a time

    def _open(self, manager):
        conn, cursor = manager.open(application_name=f"ezabrze lock: {self.name}")
        conn.autocommit = True  # a session lock: no transaction stays open while it is held
        cursor.execute("SET lock_timeout = %s", (f"{WAIT_SECONDS}s",))
        return conn, cursor

    def _drop(self, manager):
        """Forget (and close) the connection of ``manager``; never raises: its session may be gone already."""
        entry = self._connections.pop(id(manager), None)
        if entry is not None:
            try:
                manager.close(entry[1], entry[2])
            except Exception:  # noqa: BLE001
                logger.debug("Closing the lock's connection failed", exc_info=True)

    def _cursor(self, manager):
        entry = self._connections.get(id(manager))
        if entry is None or entry[1].closed:
            if entry is not None:
                self._drop(manager)
            conn, cursor = self._open(manager)
            entry = self._connections[id(manager)] = (manager, conn, cursor)
        return entry[2]

    def _acquire(self, manager):
        """True once the lock is held; False (logged) when it cannot be had: the caller goes on without it."""
        for attempt in (1, 2):  # a connection broken by a PostgreSQL restart is opened again once
            try:
                cursor = self._cursor(manager)
                cursor.execute("SELECT pg_advisory_lock(%s, %s)", (NAMESPACE, self.key))
                cursor.fetchall()
                return True
            except Exception as exc:  # noqa: BLE001 -- only an optimization: never fail the request here
                self._drop(manager)
                if attempt == 2 or "lock timeout" in str(exc):
                    logger.warning("Database lock %r not taken (%s); going on without it", self.name, exc)
                    return False
        return False

    def _release(self, manager):
        """Unlock on the session that took the lock; a session that is gone has released it already."""
        entry = self._connections.get(id(manager))
        if entry is None or entry[1].closed:
            self._drop(manager)
            return
        try:
            entry[2].execute("SELECT pg_advisory_unlock(%s, %s)", (NAMESPACE, self.key))
            entry[2].fetchall()
        except Exception:  # noqa: BLE001 -- the session was lost meanwhile: its locks went with it
            logger.warning("Database lock %r: unlock failed, the connection is dropped", self.name, exc_info=True)
            self._drop(manager)

    @contextlib.contextmanager
    def held(self, db):
        """Hold the lock among all processes of ``db``'s PostgreSQL database (nothing for other storages).
        Yields True when the lock is held, False when the work goes on without it."""
        manager = connection_manager(db)
        if manager is None:
            yield False
            return
        if not self._guard.acquire(timeout=WAIT_SECONDS):
            logger.warning("Database lock %r: its connection is busy; going on without it", self.name)
            yield False
            return
        try:
            acquired = self._acquire(manager)
            try:
                yield acquired
            finally:
                if acquired:
                    self._release(manager)
        finally:
            self._guard.release()


cases = DatabaseLock(1, "cases")
