"""Form submissions are marked after traversal; only the storing of their case holds the process-wide lock
(cases/submission_lock.py)."""

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


def test_a_submission_is_marked_and_keeps_its_transaction_and_no_lock():
    """The request itself is neither serialized nor begun anew: it writes nothing shared (the case has a
    transaction of its own, cases.creation)."""
    transaction.abort()
    before = transaction.get()
    request = _request("POST", _view_of(_form()))
    assert not serialize.is_marked(request)
    serialize.after_traversal(Event(request))
    assert serialize.is_marked(request)
    assert not serialize._lock.locked()
    assert transaction.get() is before
    transaction.abort()


def test_pages_are_not_marked():
    request = _request("GET", _view_of(_form()))
    serialize.after_traversal(Event(request))
    assert not serialize.is_marked(request)
    assert not serialize.is_marked(None)


def test_storing_waits_for_the_other_thread_of_the_process():
    order = []
    with serialize.held(None):
        order.append("first in")

        def other():
            with serialize.held(None):
                order.append("second in")

        thread = threading.Thread(target=other)
        thread.start()
        thread.join(0.3)
        assert order == ["first in"]  # still waiting
        order.append("first out")
    thread.join(10)
    assert order == ["first in", "first out", "second in"]
    assert not serialize._lock.locked()


def test_lock_is_released_when_the_storing_fails():
    try:
        with serialize.held(None):
            raise RuntimeError("database gone")
    except RuntimeError:
        pass
    assert not serialize._lock.locked()


def test_storing_goes_on_without_the_lock_after_the_wait(monkeypatch):
    monkeypatch.setattr(serialize, "WAIT_SECONDS", 0.05)
    with serialize.held(None):
        entered = []

        def other():
            with serialize.held(None):
                entered.append(True)

        thread = threading.Thread(target=other)
        thread.start()
        thread.join(10)
        assert entered == [True]  # went on without it
        assert serialize._lock.locked()  # the first one still holds it, and only it releases it
    assert not serialize._lock.locked()
