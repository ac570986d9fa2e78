"""Root conftest: pytest-plone's fixtures for every package's tests and the acceptance tests."""

import os


# Compile the packages' .po files into .mo when their ZCML registers the translations (the .mo files are
# not in git). The tests assert the Polish texts residents see, so this must not depend on an earlier start
# of an instance having compiled them.
os.environ["zope_i18n_compile_mo_files"] = "true"

pytest_plugins = ["pytest_plone"]
