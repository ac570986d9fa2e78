"""Reading the OpenAPI document (once per process) and resolving its references."""

from copy import deepcopy
from ezabrze.policy.headless import DOCUMENT_FILE
from functools import lru_cache
from pathlib import Path

import yaml


PATH = Path(__file__).parent / DOCUMENT_FILE
METHODS = ("get", "post", "put", "patch", "delete")


@lru_cache(maxsize=1)
def _loaded():
    with PATH.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def document(base_url=None):
    """The document as a new dict; ``servers`` names ``base_url`` when given."""
    data = deepcopy(_loaded())
    if base_url:
        data["servers"] = [{"url": base_url, "description": "Ten portal."}]
    return data


def resolve(data, node):
    """``node`` with a top-level local ``$ref`` (``#/components/...``) followed, repeatedly."""
    while isinstance(node, dict) and "$ref" in node:
        target = data
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def operations(data):
    """(path, method, operation, path-level parameters) of every operation, in the document's order."""
    for path, item in data.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method in item:
                yield path, method, item[method], shared
