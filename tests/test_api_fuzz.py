"""schemathesis (requirements-test.txt) fuzzes the started test instance over its own OpenAPI document
(/@openapi), as anonymous and as an editor: no answer may be a 5xx, and every answer must match the
document (status code, content type, schema). Kept short (few examples per operation) so `make test` stays fast.

schemathesis runs as a command from .venv (``SCHEMATHESIS`` names another executable), not as a pytest plugin:
its dependencies stay out of buildout's eggs.
"""

from pathlib import Path

import os
import pytest
import requests
import secrets
import subprocess


pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
EXECUTABLE = os.environ.get("SCHEMATHESIS") or str(ROOT / ".venv" / "bin" / "schemathesis")
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
MAX_EXAMPLES = "8"
SEED = "20261202"  # the same cases every run: a failure can be reproduced


@pytest.fixture(scope="module")
def editor(server, admin_auth):
    """A user with the Editor role on the site (created for this run; random password)."""
    username, password = "redaktor-fuzz", secrets.token_urlsafe(18)
    response = requests.post(
        f"{server}/@users",
        json={"username": username, "email": "redaktor-fuzz@um.zabrze.pl", "password": password,
              "roles": ["Member", "Editor", "Contributor"]},
        headers={"Accept": "application/json"},
        auth=admin_auth,
        timeout=60,
    )
    assert response.status_code == 201, response.text
    return username, password


def fuzz(server, workdir, *extra):
    if not os.access(EXECUTABLE, os.X_OK):
        pytest.fail(f"{EXECUTABLE} is missing: `make test` installs requirements-test.txt into .venv", pytrace=False)
    command = [
        EXECUTABLE, "run", f"{server}/@openapi",
        "--url", server,
        "--checks", CHECKS,
        "--max-examples", MAX_EXAMPLES,
        "--phases", "examples,coverage,fuzzing",
        "--seed", SEED,
        "--workers", "1",
        "--request-timeout", "60",
        "--no-shrink",
        "--suppress-health-check", "all",
        "--warnings", "off",
        "-H", "Accept: application/json",
        *extra,
    ]
    # schemathesis keeps its state in ./.schemathesis: a throw-away directory, not the checkout
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, cwd=workdir)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    return output


def test_fuzz_as_anonymous(server, tmp_path):
    fuzz(server, tmp_path)


def test_fuzz_as_editor(server, editor, tmp_path):
    fuzz(server, tmp_path, "--auth", f"{editor[0]}:{editor[1]}")


def test_fuzz_registry_as_administrator(server, admin_auth, tmp_path):
    """PATCH @registry as the administrator, only that operation: bodies of every shape (objects of unknown
    records, lists, strings, numbers, null) are 400 with the documented error, never a 5xx. The document's
    example sets a record to its default value, so the registry of the test site does not change."""
    fuzz(server, tmp_path, "--auth", f"{admin_auth[0]}:{admin_auth[1]}", "--include-path", "/@registry")
