"""The strategy portfolio and the network registry are tested on a site with their demo data."""

from ezabrze.policy.testing import STRATEGY_FUNCTIONAL_TESTING
from ezabrze.policy.testing import STRATEGY_INTEGRATION_TESTING
from pytest_plone import fixtures_factory


globals().update(
    fixtures_factory(
        (
            (STRATEGY_FUNCTIONAL_TESTING, "functional"),
            (STRATEGY_INTEGRATION_TESTING, "integration"),
        )
    )
)
