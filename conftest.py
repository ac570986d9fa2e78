"""Root conftest: pytest-plone's fixtures for every package's tests and the acceptance tests."""

pytest_plugins = ["pytest_plone"]
