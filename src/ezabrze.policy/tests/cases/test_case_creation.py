"""A published submission stores its case in a short transaction of its own on a separate connection, retried
there on a conflict (cases/creation.py). Functional layer: real commits on the test's DemoStorage."""

from collective.easyform.api import get_actions
from collective.honeypot.config import HONEYPOT_FIELD
from datetime import datetime
from ezabrze.policy.cases import api as cases_api
from ezabrze.policy.cases import creation
from ezabrze.policy.cases import ratelimit
from ezabrze.policy.cases import submission_lock
from ezabrze.policy.cases.content import WARSAW
from plone import api
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import setRequest

import contextlib
import io
import pytest
import threading
import transaction


FORM = "dla-mieszkancow/formularze/zglos-problem"
YEAR = 1997  # a year without a folder yet: both submissions create /sprawy/1997, a certain conflict


@pytest.fixture
def portal(functional_portal):
    ratelimit.submissions.reset()
    transaction.commit()
    return functional_portal


def _submit_in_a_thread(db, portal_path, index, results):
    """One published submission, as a Zope worker thread runs it: its own connection and request."""
    connection = db.open()
    try:
        app = makerequest(connection.root()["Application"])
        request = app.REQUEST
        request["REMOTE_ADDR"] = f"192.0.2.{20 + index}"
        request.form[HONEYPOT_FIELD] = ""
        setRequest(request)
        portal = app.unrestrictedTraverse(portal_path)
        setSite(portal)
        request["PUBLISHED"] = form = portal.unrestrictedTraverse(FORM)
        request["REQUEST_METHOD"] = "POST"
        submission_lock.after_traversal(type("Event", (), {"request": request})())
        fields = {"category": "inne", "description": f"Zgłoszenie {index}", "address": "ul. Wolności 286",
                  "email": f"jan{index}@example.com"}
        created, code = cases_api.create_case(form, get_actions(form)["utworz_sprawe"], fields, request)
        transaction.commit()  # the request's own transaction: nothing shared in it
        results[index] = (created, code)
    except BaseException as exc:  # noqa: BLE001 -- reported by the test
        transaction.abort()
        results[index] = exc
    finally:
        setSite(None)
        setRequest(None)
        connection.close()


def test_two_concurrent_submissions_both_become_complete_cases_without_a_request_retry(portal, monkeypatch):
    """Two processes (two threads without the process lock) store a case at the same moment: both first
    attempts create the new year's folder, the second commit conflicts and is retried inside
    ``creation.store`` — no ConflictError reaches the request, both cases are whole, the signs differ."""
    monkeypatch.setattr(cases_api, "now", lambda: datetime(YEAR, 6, 1, 12, 0, tzinfo=WARSAW))
    monkeypatch.setattr(submission_lock, "held", contextlib.nullcontext)  # one lock per process: two processes
    barrier = threading.Barrier(2, timeout=30)
    attempts = []
    write_case = cases_api._write_case

    def write_and_wait(*args, **kwargs):
        result = write_case(*args, **kwargs)
        attempts.append(threading.get_ident())
        if len(attempts) <= 2:
            barrier.wait()  # both first attempts have written, neither has committed
        return result

    monkeypatch.setattr(cases_api, "_write_case", write_and_wait)
    db, path = portal._p_jar.db(), portal.getPhysicalPath()
    results = {}
    threads = [threading.Thread(target=_submit_in_a_thread, args=(db, path, i, results)) for i in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for index in (1, 2):
        assert not isinstance(results[index], BaseException), results[index]
    assert len(attempts) == 3  # one retry of the short transaction, not of the request
    signs = {results[i][0].sign for i in (1, 2)}
    assert len(signs) == 2
    transaction.begin()  # see what the threads committed
    catalog = api.portal.get_tool("portal_catalog")
    for index in (1, 2):
        created, code = results[index]
        case = cases_api.find_case(created.sign)
        assert case is not None and case.getId() == created.sign.rsplit("/", 1)[1]
        assert case.aq_parent.getId() == str(YEAR)
        assert case.requester_email == f"jan{index}@example.com" == created.requester_email
        assert api.content.get_state(case) == "registered"
        assert cases_api.unit_group(case.unit_id) in dict(case.get_local_roles())
        assert [b.getPath() for b in catalog.unrestrictedSearchResults(case_sign=created.sign)] == [
            "/".join(case.getPhysicalPath())]
        assert created.url.endswith(f"/sprawy/{YEAR}/{case.getId()}")
        assert cases_api.lookup(created.sign, code, portal.REQUEST) is not None


def test_a_case_and_its_number_commit_together_a_failed_case_takes_no_number(portal, monkeypatch):
    """The sign's number is taken in the case's short transaction: one that fails leaves no gap, the next
    case gets the number after the last stored one."""
    monkeypatch.setattr(cases_api, "now", lambda: datetime(YEAR, 6, 1, 12, 0, tzinfo=WARSAW))
    grant_unit = cases_api.grant_unit

    def broken(case, unit_id):
        raise RuntimeError("the unit's group is gone")

    db, path = portal._p_jar.db(), portal.getPhysicalPath()
    results = {}
    _submit_in_a_thread(db, path, 1, results)  # the first case of the year
    monkeypatch.setattr(cases_api, "grant_unit", broken)
    _submit_in_a_thread(db, path, 2, results)
    monkeypatch.setattr(cases_api, "grant_unit", grant_unit)
    _submit_in_a_thread(db, path, 3, results)
    assert isinstance(results[2], RuntimeError)
    assert [results[i][0].sign for i in (1, 3)] == [f"ZAB/{YEAR}/000001", f"ZAB/{YEAR}/000002"]
    transaction.begin()
    assert portal["sprawy"]._sign_counter.peek(YEAR) == 2
    assert sorted(portal["sprawy"][str(YEAR)].objectIds()) == ["000001", "000002"]


def test_a_failing_case_is_stored_not_at_all_and_the_request_is_untouched(portal):
    """An error inside the short transaction aborts all of it; the thread's transaction manager and site
    are the request's again."""
    request_transaction = transaction.get()
    db, path = portal._p_jar.db(), portal.getPhysicalPath()

    def work(own_portal):
        assert own_portal._p_jar is not portal._p_jar  # a connection of its own
        assert transaction.get() is not request_transaction  # subscribers join the case's transaction
        with api.env.adopt_roles(["Manager"]):
            api.content.create(container=own_portal, type="Document", id="half-written", title="x")
        raise ValueError("broken")

    with pytest.raises(ValueError):
        creation.store(db, path, portal.REQUEST, work)
    assert transaction.get() is request_transaction
    assert api.portal.get() is portal
    transaction.begin()
    assert "half-written" not in portal.objectIds()
    assert not api.portal.get_tool("portal_catalog").unrestrictedSearchResults(id="half-written")


def test_a_stored_case_commits_at_once_and_only_its_own_writes(portal):
    """What ``work`` writes is committed by ``store``; what the request wrote meanwhile is not."""
    db, path = portal._p_jar.db(), portal.getPhysicalPath()
    portal.setTitle("changed by the request")

    def work(own_portal):
        with api.env.adopt_roles(["Manager"]):
            api.content.create(container=own_portal, type="Document", id="stored-alone", title="x")
        return own_portal.absolute_url()

    assert creation.store(db, path, portal.REQUEST, work) == portal.absolute_url()
    transaction.abort()  # the request fails after the case committed: the case stays
    assert "stored-alone" in portal.objectIds()
    assert portal.Title() != "changed by the request"
    assert len(api.portal.get_tool("portal_catalog").unrestrictedSearchResults(id="stored-alone")) == 1


def test_a_replayed_request_answers_with_its_stored_case_and_stores_no_second_one(portal):
    """Should the publisher replay a submission after its case has committed (a ConflictError later in the
    request), the replay gets the same sign and code and no second case is stored."""
    request = portal.REQUEST
    request["REQUEST_METHOD"] = "POST"
    request["PUBLISHED"] = form = portal.unrestrictedTraverse(FORM)
    submission_lock.after_traversal(type("Event", (), {"request": request})())
    action = get_actions(form)["utworz_sprawe"]
    fields = {"category": "inne", "description": "Raz", "address": "ul. Wolności 286", "email": "raz@example.com"}
    created, code = cases_api.create_case(form, action, fields, request)
    request.stdin = io.BytesIO()  # (the test request's stdin is pytest's, which cannot seek)
    replay = request.retry()
    replay["REQUEST_METHOD"], replay["PUBLISHED"] = "POST", form
    submission_lock.after_traversal(type("Event", (), {"request": replay})())
    assert cases_api.create_case(form, action, fields, replay) == (created, code)
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Case")
    assert [brain._unrestrictedGetObject().sign for brain in brains] == [created.sign]


def test_the_next_case_prefetches_what_the_last_one_changed(portal, monkeypatch):
    """What a case transaction changed (the sign counter, the year folder's tree, the catalog's last buckets) is
    loaded in one go when the next one begins: on RelStorage one query instead of one per object, with the
    database lock held."""
    from ZODB.Connection import Connection

    prefetched = []
    monkeypatch.setattr(Connection, "prefetch", lambda self, *args: prefetched.append(list(args[0])))
    monkeypatch.setattr(creation, "_last_changed", ())
    db, path = portal._p_jar.db(), portal.getPhysicalPath()
    results = {}
    _submit_in_a_thread(db, path, 1, results)
    assert prefetched == []  # nothing known yet
    counter_oid = portal["sprawy"]._sign_counter._p_oid
    assert counter_oid in creation._last_changed
    assert len(creation._last_changed) > 20  # the catalog's buckets and lengths too
    first = creation._last_changed
    _submit_in_a_thread(db, path, 2, results)
    assert prefetched == [list(first)]
    assert all(not isinstance(results[i], BaseException) for i in (1, 2)), results
