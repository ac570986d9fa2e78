"""An unreachable database answers 503 with Retry-After (ezabrze.policy.cluster), both before the publisher
(WSGI filter) and inside a request (exception view). The real PostgreSQL restart is tested in tests/cluster."""

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


def test_no_exception_view_for_database_errors(portal, http_request):
    """Inside a request a database error gets no exception view (Plone's would answer 500): the publisher
    re-raises it to the WSGI filter above."""
    from ZPublisher.WSGIPublisher import _exc_view_created_response

    for error in (psycopg2.OperationalError("server closed the connection"), psycopg2.InterfaceError("closed")):
        assert queryMultiAdapter((error, http_request), name="index.html") is None
        http_request["PARENTS"] = [portal]
        assert _exc_view_created_response(error, http_request, http_request.response) is False
    # Any other error keeps Plone's own error page.
    assert queryMultiAdapter((ValueError("x"), http_request), name="index.html") is not None
