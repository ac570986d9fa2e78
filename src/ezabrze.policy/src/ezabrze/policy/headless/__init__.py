"""Headless API: the published contract of every endpoint the portal adds or changes.

``openapi.yaml`` is the OpenAPI 3.1 document; ``GET /@openapi`` serves it as JSON (with the site's own address
in ``servers``) and ``@@api`` shows it to people. Tests validate real responses against its schemas, and
schemathesis fuzzes the running test instance over it (tests/test_api_fuzz.py).
"""

DOCUMENT_FILE = "openapi.yaml"
