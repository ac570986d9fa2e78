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


@pytest.fixture
def fresh_fragments():
    """The per-process cache of anonymous fragments (utils.anonymous_fragment) empty before and after the test."""
    from ezabrze.policy import utils

    utils.clear_anonymous_fragments()
    yield
    utils.clear_anonymous_fragments()
