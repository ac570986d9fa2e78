"""An unreachable database answers 503 with Retry-After (ezabrze.policy.cluster), both before the publisher
(WSGI filter) and inside a request (exception view). The real PostgreSQL restart is tested in tests/cluster."""

from ezabrze.policy.cluster.browser import DatabaseUnavailableView
from ezabrze.policy.cluster.wsgi import database_unavailable
from ezabrze.policy.cluster.wsgi import DatabaseUnavailable
from zope.component import queryMultiAdapter

import psycopg2
import pytest


def _call(app):
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"] = status
        started["headers"] = dict(headers)

    body = b"".join(app({"REQUEST_METHOD": "POST", "PATH_INFO": "/zabrze/formularz"}, start_response))
    return started, body


@pytest.mark.parametrize("error", [psycopg2.OperationalError("connection refused"), psycopg2.InterfaceError("closed")])
def test_filter_turns_database_errors_into_503(error):
    def app(environ, start_response):
        raise error

    started, body = _call(database_unavailable(app, {}))
    assert started["status"] == "503 Service Unavailable"
    assert started["headers"]["Retry-After"] == "10"
    assert started["headers"]["Cache-Control"] == "no-store"
    assert "Serwis chwilowo niedostępny".encode() in body


def test_filter_leaves_other_errors_and_answers_alone():
    def broken(environ, start_response):
        raise ValueError("a bug")

    with pytest.raises(ValueError):
        _call(DatabaseUnavailable(broken))

    def fine(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    started, body = _call(DatabaseUnavailable(fine))
    assert started["status"] == "200 OK" and body == b"ok"


def test_exception_view_inside_a_request(portal, http_request):
    error = psycopg2.OperationalError("server closed the connection unexpectedly")
    view = queryMultiAdapter((error, http_request), name="index.html")
    assert isinstance(view, DatabaseUnavailableView)
    body = view()
    assert http_request.response.getStatus() == 503
    assert http_request.response.getHeader("Retry-After") == "10"
    assert "Serwis chwilowo niedostępny" in body
    # Any other error keeps Plone's own error page.
    other = queryMultiAdapter((ValueError("x"), http_request), name="index.html")
    assert not isinstance(other, DatabaseUnavailableView)
