"""The consultation clock thread (consultations/state.py, ClockThread and _tick) against a real database: it
fires the end (and start) of a consultation on time with a frozen, shifted clock and without a page view, a run
that fails is logged and the next one works, and two instances running at the same moment do not both fire a
transition (the ZODB conflict of the second commit, then its retry finds nothing to do). No sleep is longer than
a fraction of a second: the thread ticks every 0.05 s and the tests poll."""

from datetime import timedelta
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.setup import folder
from ezabrze.ngo.testing import make_consultation
from ezabrze.ngo.testing import NOW
from plone import api

import pytest
import threading
import time
import transaction


TICK = 0.05


@pytest.fixture
def consultation(functional_portal, frozen):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    login(functional_portal, TEST_USER_NAME)
    with api.env.adopt_roles(["Manager"]):
        c = make_consultation(folder(), NOW + timedelta(hours=1), NOW + timedelta(days=7, hours=1), id_="zegar",
                              short_period_reason="Test zegara")
    transaction.commit()
    return c


@pytest.fixture
def db(functional):
    return functional["zodbDB"]


@pytest.fixture
def threads(monkeypatch):
    monkeypatch.setattr(state, "RETRY_DELAY", 0.01)
    started = []

    def start(db):
        thread = state.ClockThread(db, TICK)
        thread.start()
        started.append(thread)
        return thread

    yield start
    for thread in started:
        thread.stop()


def stored(c):
    transaction.begin()  # see what the clock's own connections committed
    return api.content.get_state(c)


def wait_for(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(TICK)
    return False


def transitions(c):
    transaction.begin()
    return [entry.get("action") for entry in c.workflow_history["ezabrze_ngo_consultation_workflow"]]


def test_fires_the_start_and_the_end_on_time(consultation, db, threads, frozen):
    thread = threads(db)
    assert wait_for(lambda: thread.runs >= 3)
    assert stored(consultation) == "scheduled"  # before its time nothing happens
    frozen.set(NOW + timedelta(hours=1) - timedelta(seconds=1))
    runs = thread.runs
    assert wait_for(lambda: thread.runs >= runs + 2)
    assert stored(consultation) == "scheduled"
    frozen.set(NOW + timedelta(hours=1))
    assert wait_for(lambda: stored(consultation) == "open")
    end = NOW + timedelta(days=7, hours=1)
    frozen.set(end - timedelta(seconds=1))
    runs = thread.runs
    assert wait_for(lambda: thread.runs >= runs + 2)
    assert stored(consultation) == "open"
    frozen.set(end)  # the end, to the second
    assert wait_for(lambda: stored(consultation) == "closed")
    catalog = api.portal.get_tool("portal_catalog")
    assert [b.getId for b in catalog.unrestrictedSearchResults(portal_type="Consultation", review_state="closed")] \
        == ["zegar"]
    assert thread.failures == 0 and thread.is_alive()


def test_survives_a_failing_run(consultation, db, threads, frozen, monkeypatch):
    original = state.sync_all_sites
    calls = []

    def failing_then_working(app):
        calls.append(1)
        if len(calls) <= 3:  # the three attempts of the first run fail
            raise RuntimeError("database hiccup")
        return original(app)

    monkeypatch.setattr(state, "sync_all_sites", failing_then_working)
    frozen.set(NOW + timedelta(days=30))
    thread = threads(db)
    assert wait_for(lambda: stored(consultation) == "closed")
    assert thread.failures == 1 and thread.is_alive()
    assert transitions(consultation)[-2:] == ["open", "close"]


def test_two_instances_do_not_both_fire(consultation, db, threads, frozen, monkeypatch):
    """Both clocks compute and fire "open" before either commits (a barrier holds them): one commit wins, the
    other conflicts, is aborted and retried, and finds the consultation open already."""
    original = state.sync_all_sites
    barrier = threading.Barrier(2, timeout=5)
    done = []

    def overlapping(app):
        result = original(app)
        if len(done) < 2:
            done.append(threading.current_thread().name)
            barrier.wait()  # both have fired "open" in their own transaction, neither has committed
        return result

    monkeypatch.setattr(state, "sync_all_sites", overlapping)
    frozen.set(NOW + timedelta(hours=2))
    first, second = threads(db), threads(db)
    assert wait_for(lambda: stored(consultation) == "open")
    assert wait_for(lambda: first.runs >= 2 and second.runs >= 2)
    assert len(done) == 2
    assert transitions(consultation).count("open") == 1
    assert first.failures == second.failures == 0


def test_clock_thread_follows_its_setting(monkeypatch, functional):
    monkeypatch.setenv("EZABRZE_NGO_CLOCK_SECONDS", "0")
    assert state.clock_thread(None) is None
    monkeypatch.setenv("EZABRZE_NGO_CLOCK_SECONDS", "30")
    thread = state.clock_thread(None)
    try:
        assert thread.is_alive() and thread.seconds == 30 and thread.daemon
    finally:
        thread.stop()
    assert not thread.is_alive() and thread.runs == 0
