"""What the files under tests/ share to reach each other: they are scripts and test modules, not a package
(pytest runs with --import-mode=importlib), so one file loads another by its path, once, under a fixed name.

``import support``: tests/conftest.py puts tests/ on sys.path for pytest; a file that also runs on its own
(the load checks, bench_cluster.py) puts it there itself first.
"""

from pathlib import Path

import importlib.util
import sys


ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"


def load_module(name, path):
    """The module of the file ``path``, imported once as ``name``."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def server_lib():
    """tests/server.py: the throw-away test instance (start, stop, kill, its URL and admin credentials)."""
    return load_module("ezabrze_acceptance_server", TESTS / "server.py")


def cluster_lib():
    """deploy/cluster.py: the production stack (PostgreSQL, instances, HAProxy, Varnish)."""
    return load_module("ezabrze_deploy_cluster", ROOT / "deploy" / "cluster.py")


def smtp_lib():
    """The local SMTP sink of the tests (ezabrze.policy.testing.smtp, standard library + aiosmtpd)."""
    return load_module("ezabrze_cases_testing", ROOT / "src/ezabrze.policy/src/ezabrze/policy/testing/smtp.py")


def accessibility_checks():
    """tests/browser/test_accessibility.py: axe-core (run_axe, format_violations, open_page, WCAG_TAGS)."""
    return load_module("ezabrze_browser_accessibility", TESTS / "browser" / "test_accessibility.py")
