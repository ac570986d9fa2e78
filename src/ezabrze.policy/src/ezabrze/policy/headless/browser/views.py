"""@@api: the OpenAPI document as a page for people (Polish, headings and tables for screen readers)."""

from ezabrze.policy.headless import document as openapi
from Products.Five.browser import BrowserView

import json
import re


def paragraphs(text):
    """Blocks of a description (blank-line separated), whitespace joined."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text or "") if block.strip()]


def type_of(data, schema):
    """A short human description of a schema: "string", "boolean", "jedno z: a, b", "Error"…"""
    if not isinstance(schema, dict):
        return ""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "enum" in schema:
        return "jedno z: " + ", ".join(str(v) for v in schema["enum"])
    kind = schema.get("type", "")
    if isinstance(kind, list):
        kind = " | ".join(k for k in kind)
    return kind or ("jeden z wariantów" if "oneOf" in schema or "anyOf" in schema else "")


class APIDocumentationView(BrowserView):
    def __call__(self):
        self.doc = openapi.document(self.context.absolute_url())
        return self.index()

    @property
    def openapi_url(self):
        return f"{self.context.absolute_url()}/@openapi"

    def intro(self):
        return paragraphs(self.doc["info"].get("description", ""))

    def sections(self):
        doc = self.doc
        tags = {tag["name"]: tag.get("description", "") for tag in doc.get("tags", [])}
        grouped = {name: [] for name in tags}
        for path, method, operation, shared in openapi.operations(doc):
            tag = (operation.get("tags") or ["inne"])[0]
            grouped.setdefault(tag, []).append(self._operation(path, method, operation, shared))
        return [
            {"id": f"api-{name}", "title": name.capitalize(), "description": tags.get(name, ""), "operations": ops}
            for name, ops in grouped.items()
            if ops
        ]

    def _operation(self, path, method, operation, shared):
        doc = self.doc
        parameters = []
        for parameter in list(shared) + list(operation.get("parameters", [])):
            parameter = openapi.resolve(doc, parameter)
            parameters.append(
                {
                    "name": parameter["name"],
                    "where": {"path": "ścieżka", "query": "zapytanie", "header": "nagłówek"}.get(
                        parameter["in"], parameter["in"]
                    ),
                    "required": "tak" if parameter.get("required") else "nie",
                    "type": type_of(doc, parameter.get("schema")),
                    "description": parameter.get("description", ""),
                }
            )
        body = operation.get("requestBody")
        example = None
        fields = []
        if body:
            media = body.get("content", {}).get("application/json", {})
            schema = openapi.resolve(doc, media.get("schema", {}))
            required = set(schema.get("required", []))
            for name, prop in (schema.get("properties") or {}).items():
                fields.append(
                    {
                        "name": name,
                        "required": "tak" if name in required else "nie",
                        "type": type_of(doc, prop),
                        "description": prop.get("description", ""),
                    }
                )
            if "example" in media:
                example = json.dumps(media["example"], ensure_ascii=False, indent=2)
        responses = []
        for code, response in operation.get("responses", {}).items():
            response = openapi.resolve(doc, response)
            schema = response.get("content", {}).get("application/json", {}).get("schema")
            responses.append(
                {"code": code, "description": response.get("description", ""), "schema": type_of(doc, schema)}
            )
        anchor = re.sub(r"[^a-z0-9]+", "-", f"{method}-{path}".lower()).strip("-")
        return {
            "id": f"op-{anchor}",
            "method": method.upper(),
            "path": path,
            "summary": operation.get("summary", ""),
            "description": paragraphs(operation.get("description", "")),
            "parameters": parameters,
            "fields": fields,
            "example": example,
            "responses": responses,
            "login": "security" in operation and {} not in operation["security"],
        }
