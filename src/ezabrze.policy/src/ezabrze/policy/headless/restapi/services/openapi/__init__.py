"""REST: GET /@openapi — the OpenAPI 3.1 document of the portal's own endpoints."""
