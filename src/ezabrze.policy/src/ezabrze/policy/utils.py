"""Helpers shared by every feature of the portal (and by ezabrze.ngo): defined here once.

- `rich_text(html)`: a RichTextValue that Plone shows through the safe-HTML transform;
- `publish(obj)`: publish an item unless it already is or its type has no workflow;
- `ensure(container, type_, id_, title, ...)`: get-or-create an item by id (set-up and demo content are idempotent);
- `ensure_group(groupname, title, description)`: get-or-create a group;
- `paginate(sequence, request, size)` (by `b_start`) and `paginate_by_page(...)` (by `?page=N`): one way to cut a
  page, both plone.batching Batches;
- `import_registry_file(path)`: import one registry XML file of a profile (upgrade steps).
- `counted(number, singular, plural, request, domain)`: a count with the plural form its language needs ("1 usługa",
  "3 usługi", "5 usług"; gettext plural forms, the Plural-Forms header of each .po).
"""

from pathlib import Path
from plone import api
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.app.textfield.value import RichTextValue
from plone.batching import Batch
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.i18n import translate
from zope.i18nmessageid import Message

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
    """The page of `sequence` that the request asks for by `b_start` (a plone.batching Batch, `size` per page)."""
    return Batch(sequence, size, batch_start(request))


def page_number(request, name="page"):
    """The 1-based page number `?page=N` of the request (anything else, e.g. a list or text, is page 1)."""
    try:
        return max(1, int(request.form.get(name, 1)))
    except (TypeError, ValueError):
        return 1


def paginate_by_page(sequence, request, size, name="page"):
    """The page of `sequence` that the request asks for by `?page=N` (readable addresses of public boards)."""
    return Batch(sequence, size, (page_number(request, name) - 1) * size)


class _RegistryImportEnviron:
    """What RegistryImporter needs of a GenericSetup import context: no purge, a logger."""

    def shouldPurge(self):
        return False

    def getLogger(self, name):
        return logging.getLogger(f"ezabrze.upgrades.{name}")


def import_registry_file(path):
    """Import one registry XML file of a profile (an upgrade step): importing the whole registry step would
    reset the settings the site's administrators changed since."""
    RegistryImporter(getUtility(IRegistry), _RegistryImportEnviron()).importDocument(Path(path).read_bytes())
def counted(number, singular, plural, request, domain="ezabrze.policy"):
    """`singular`/`plural` (English msgids, "${count}" stands for the number) translated in the plural form of
    `number` for the request's language: Polish has three (1 element, 2-4 elementy, 5+ elementów; 22 elementy,
    12 elementów), English two. Templates call it through their view: Zope page templates have no plural form.
    """
    number = int(number or 0)
    message = Message(singular, domain=domain, msgid_plural=plural, number=number, mapping={"count": number})
    return translate(message, context=request)
