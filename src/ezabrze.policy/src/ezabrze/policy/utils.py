"""Helpers shared by every feature of the portal (and by ezabrze.ngo): defined here once.

- `rich_text(html)`: a RichTextValue that Plone shows through the safe-HTML transform;
- `publish(obj)`: publish an item unless it already is or its type has no workflow;
- `ensure(container, type_, id_, title, ...)`: get-or-create an item by id (set-up and demo content are idempotent);
- `ensure_group(groupname, title, description)`: get-or-create a group;
- `batch_start(request)` and `paginate(sequence, request, size)`: one way to read `b_start` and cut a page.
"""

from plone import api
from plone.app.textfield.value import RichTextValue
from plone.batching import Batch

import logging


logger = logging.getLogger("ezabrze.policy")


def rich_text(html):
    return RichTextValue(html.strip(), "text/html", "text/x-html-safe")


def publish(obj):
    """Publish unless already published or the type has no workflow."""
    if api.content.get_state(obj, default=None) not in ("published", None):
        api.content.transition(obj, to_state="published")


def ensure(container, type_, id_, title, description="", **fields):
    """The item `id_` in `container`, created with the given fields when missing (an existing one is kept as is)."""
    obj = container.get(id_)
    if obj is None:
        obj = api.content.create(
            container=container,
            type=type_,
            id=id_,
            title=title,
            description=description,
            **fields,
        )
        logger.info("Created %s", "/".join(obj.getPhysicalPath()))
    return obj


def ensure_group(groupname, title, description=""):
    """The group `groupname`, created when missing. Returns (group, created)."""
    group = api.group.get(groupname=groupname)
    if group is not None:
        return group, False
    group = api.group.create(groupname=groupname, title=title, description=description)
    return group, True


def batch_start(request):
    """The `b_start` of the request as a non-negative int (anything else, e.g. a list or text, is 0)."""
    value = request.form.get("b_start", 0)
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0


def paginate(sequence, request, size):
    """The page of `sequence` that the request asks for (a plone.batching Batch, `size` items per page)."""
    return Batch(sequence, size, batch_start(request))
