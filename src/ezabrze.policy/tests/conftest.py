from ezabrze.policy.testing import FUNCTIONAL_TESTING
from ezabrze.policy.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import pytest


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture
def untranslated(monkeypatch):
    """Every translation asked for while the test runs, and which of them have no Polish entry
    (ezabrze.policy.testing.polish)."""
    from ezabrze.policy.testing import polish

    return polish.watch_untranslated(monkeypatch)
