"""Form submissions run one at a time per process, on a fresh view of the database (cases/submission_lock.py)."""

from collective.easyform.interfaces import IEasyForm
from ezabrze.policy.cases import submission_lock as serialize
from zope.interface import alsoProvides

import threading
import transaction


class Request(dict):
    """The few things the subscribers read of a Zope request."""


class Event:
    def __init__(self, request):
        self.request = request


class Thing:
    pass


def _form():
    form = Thing()
    alsoProvides(form, IEasyForm)
    return form


def _view_of(context):
    view = Thing()
    view.context = context
    return view


def _request(method="POST", published=None):
    return Request(REQUEST_METHOD=method, PUBLISHED=published)


def test_only_posts_to_a_form_or_its_views_are_submissions():
    form = _form()
    assert serialize.is_form_submission(_request("POST", form))
    assert serialize.is_form_submission(_request("POST", _view_of(form)))
    assert not serialize.is_form_submission(_request("GET", _view_of(form)))
    assert not serialize.is_form_submission(_request("POST", _view_of(Thing())))
    assert not serialize.is_form_submission(_request("POST", None))


def test_submission_takes_the_lock_and_starts_a_fresh_transaction():
    transaction.abort()
    before = transaction.get()
    request = _request("POST", _view_of(_form()))
    serialize.after_traversal(Event(request))
    try:
        assert serialize._lock.locked()
        assert transaction.get() is not before  # begun anew after the lock: sees every earlier commit
        serialize.after_traversal(Event(request))  # a second notification does not deadlock
    finally:
        serialize.release(Event(request))
    assert not serialize._lock.locked()
    serialize.release(Event(request))  # releasing twice is harmless
    assert not serialize._lock.locked()
    transaction.abort()


def test_a_transaction_with_work_in_it_is_kept():
    class DataManager:
        def abort(self, txn):
            pass

        def sortKey(self):
            return "ezabrze-test"

    transaction.abort()
    txn = transaction.get()
    txn.join(DataManager())
    request = _request("POST", _form())
    serialize.after_traversal(Event(request))
    try:
        assert serialize._lock.locked()
        assert transaction.get() is txn
    finally:
        serialize.release(Event(request))
        transaction.abort()


def test_pages_are_not_serialized():
    request = _request("GET", _view_of(_form()))
    serialize.after_traversal(Event(request))
    assert not serialize._lock.locked()


def test_second_submission_waits_for_the_first():
    first, second = _request("POST", _form()), _request("POST", _form())
    order = []
    serialize.after_traversal(Event(first))
    order.append("first in")

    def other():
        serialize.after_traversal(Event(second))
        order.append("second in")
        serialize.release(Event(second))
        transaction.abort()

    thread = threading.Thread(target=other)
    thread.start()
    thread.join(0.3)
    assert order == ["first in"]  # still waiting
    order.append("first out")
    serialize.release(Event(first))
    thread.join(10)
    assert order == ["first in", "first out", "second in"]
    assert not serialize._lock.locked()
    transaction.abort()



def test_lock_released_before_an_abort_that_fails(portal, http_request):
    """The publisher notifies IPubBeforeAbort, then aborts, then IPubFailure; with the database gone the
    abort raises and IPubFailure never comes: the lock is released at IPubBeforeAbort already (ZCML)."""
    from zope.event import notify
    from ZPublisher.pubevents import PubBeforeAbort

    transaction.abort()
    request = http_request
    request.environ["REQUEST_METHOD"] = "POST"
    request["PUBLISHED"] = _view_of(_form())
    serialize.after_traversal(Event(request))
    assert serialize._lock.locked()
    try:
        notify(PubBeforeAbort(request, (RuntimeError, RuntimeError('database gone'), None), False))
        assert not serialize._lock.locked()
    finally:
        serialize.release(Event(request))
    assert not serialize._lock.locked()
