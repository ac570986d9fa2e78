"""Checking real responses against the portal's OpenAPI document (tests only)."""

from ezabrze.policy.headless import document as openapi
from jsonschema import Draft202012Validator
from jsonschema import FormatChecker

import re


def load():
    return openapi.document()


def _match_path(template, path):
    pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^?]+", re.escape(template)) + "$"
    return re.match(pattern, path) is not None


def operation(doc, path, method):
    """The operation of the document that ``path`` (below the site, e.g. /@citizen-forms/x) falls under."""
    candidates = [t for t in doc["paths"] if _match_path(t, path) and method.lower() in doc["paths"][t]]
    if not candidates:
        raise AssertionError(f"{method.upper()} {path} is not in the OpenAPI document")
    # The most specific template: the most literal characters.
    template = max(candidates, key=lambda t: len(re.sub(r"\{[^}]+\}", "", t)))
    return template, doc["paths"][template][method.lower()]


def response_schema(doc, path, method, status):
    template, op = operation(doc, path, method)
    responses = op.get("responses", {})
    response = responses.get(str(status)) or responses.get("default")
    if response is None:
        raise AssertionError(f"status {status} of {method.upper()} {template} is not documented")
    response = openapi.resolve(doc, response)
    return response.get("content", {}).get("application/json", {}).get("schema")


def errors(doc, schema, data):
    """Messages of ``data`` against ``schema`` (its $refs into the document's components resolved)."""
    root = dict(schema, components=doc["components"])
    validator = Draft202012Validator(root, format_checker=FormatChecker())
    return [f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def assert_matches(doc, path, method, response):
    """The requests ``response`` (status, JSON body) is what the document promises for ``path``."""
    schema = response_schema(doc, path, method, response.status_code)
    if response.status_code == 204:  # no content: nothing more to match
        assert not response.content, response.content[:200]
        return response
    assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers
    if schema is not None:
        found = errors(doc, schema, response.json())
        assert not found, f"{method.upper()} {path} {response.status_code}: {found}"
    return response
