from ezabrze.ngo.testing import FUNCTIONAL_TESTING
from ezabrze.ngo.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory


globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)
