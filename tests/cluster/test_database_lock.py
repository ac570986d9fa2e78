"""The lock shared by the processes of one PostgreSQL database (ezabrze.policy.cluster.database_lock), on the
stack's real PostgreSQL. Two RelStorage databases opened here stand for two Zope processes; each has its own
``DatabaseLock`` object, as each process has its own module. A key of the tests' own is used, so the running
instances' case lock is never touched."""

from ezabrze.policy.cluster import database_lock

import os
import pytest
import support
import threading
import time


pytestmark = pytest.mark.cluster

KEY = 9_001


@pytest.fixture
def databases(stack):
    import ZODB.config

    os.environ["PGPASSFILE"] = str(stack.pgpass)
    section = support.cluster_lib().relstorage_section(stack)
    opened = [ZODB.config.databaseFromString("%import relstorage\n<zodb>\n" + section + "\n</zodb>\n")
              for _ in range(2)]
    yield opened
    for db in opened:
        db.close()


def _sessions_holding(stack):
    """PostgreSQL sessions (application names) holding the tests' advisory lock."""
    return support.cluster_lib().psql(stack, (
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
        f"WHERE l.locktype = 'advisory' AND l.granted AND l.classid = {database_lock.NAMESPACE} "
        f"AND l.objid = {KEY} AND l.objsubid = 2"), database="ezabrze").splitlines()


def test_the_storage_of_the_instances_has_a_lock(databases):
    assert database_lock.connection_manager(databases[0]) is not None


def test_a_second_process_waits_until_the_first_releases(stack, databases):
    first, second = database_lock.DatabaseLock(KEY, "test"), database_lock.DatabaseLock(KEY, "test")
    order = []
    with first.held(databases[0]) as acquired:
        assert acquired
        assert _sessions_holding(stack) == ["ezabrze lock: test"]

        def other():
            with second.held(databases[1]) as other_acquired:
                order.append(("second in", other_acquired))

        thread = threading.Thread(target=other)
        thread.start()
        thread.join(1.0)
        assert order == []  # waiting in PostgreSQL
        order.append("first out")
    thread.join(30)
    assert order == ["first out", ("second in", True)]
    assert _sessions_holding(stack) == []  # released by the second one too


def test_a_process_goes_on_without_the_lock_after_the_wait(stack, databases, monkeypatch):
    monkeypatch.setattr(database_lock, "WAIT_SECONDS", 1)
    first, second = database_lock.DatabaseLock(KEY, "test"), database_lock.DatabaseLock(KEY, "test")
    with first.held(databases[0]):
        started = time.monotonic()
        with second.held(databases[1]) as acquired:
            assert acquired is False  # lock_timeout: the work goes on (ZODB's conflict detection remains)
        assert 0.9 <= time.monotonic() - started < 10
        assert len(_sessions_holding(stack)) == 1


def test_a_lost_session_releases_the_lock_and_is_opened_again(stack, databases):
    """A process that dies holding the lock loses its session: PostgreSQL releases the lock. The process whose
    lock connection was cut (PostgreSQL restarted) opens a new one on the next use."""
    lock = database_lock.DatabaseLock(KEY, "test")
    with lock.held(databases[0]) as acquired:
        assert acquired
        support.cluster_lib().psql(stack, (
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ezabrze lock: test'"))
        deadline = time.monotonic() + 10
        while _sessions_holding(stack) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _sessions_holding(stack) == []
    # (the release failed quietly: the session was gone)
    with lock.held(databases[0]) as acquired:
        assert acquired
        assert _sessions_holding(stack) == ["ezabrze lock: test"]
    assert _sessions_holding(stack) == []
