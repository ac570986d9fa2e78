"""Acceptance harness: one real, throw-away Plone instance (bin/instance-test) for the whole session.

The ``server`` fixture stops any leftover test instance, wipes var/test, creates the site "zabrze"
with scripts/create_site.py, starts http://localhost:18080/zabrze and stops it at the end of the
session (also on Ctrl-C, SIGTERM or failure). It never touches port 8080 or var/filestorage.
Tests that use it carry the ``server`` marker: ``bin/pytest tests -m "not server"`` skips them.
While writing tests, ``EZABRZE_REUSE_URL=http://localhost:18080/zabrze`` uses a server started by hand
(``python3 tests/server.py start``) instead of a fresh one.
"""

from pathlib import Path

import contextlib
import os
import pytest
import sys


# tests/support.py and the other shared files of tests/ are imported by name (importlib mode does not put
# a test's folder on sys.path).
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

import support  # noqa: E402


server_lib = support.server_lib()
ADMIN = server_lib.ADMIN


def pytest_collection_modifyitems(items):
    """Every test that uses the real server is marked ``server`` even if its module forgot to."""
    for item in items:
        if {"server", "server_process"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.server)


@pytest.fixture(scope="session")
def server_process():
    """The ``tests/server.py`` Server of the session's fresh site (None when EZABRZE_REUSE_URL reuses one).

    A module that needs the instance started with other settings restarts it with ``server_lib.restart`` and
    restarts it back afterwards (tests/directory)."""
    if os.environ.get("EZABRZE_REUSE_URL"):  # a server started by hand (tests/server.py start), kept
        yield None
        return
    error = None
    with contextlib.ExitStack() as stack:
        try:
            instance = stack.enter_context(server_lib.running_server())
        except server_lib.ServerError as exc:
            error = str(exc)
        if error is not None:
            pytest.fail(f"Could not start the test instance:\n{error}", pytrace=False)
        yield instance


@pytest.fixture(scope="session")
def server(server_process):
    """Base URL of the freshly created site, "http://localhost:18080/zabrze".

    localhost, because Plone leaves 127.0.0.1 unthemed (see BASE_URL in tests/server.py).
    """
    return server_process.url if server_process is not None else os.environ["EZABRZE_REUSE_URL"]


@pytest.fixture(scope="session")
def admin_auth():
    return ADMIN
