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
- `anonymous_fragment(request, context, name, render)`: a rendered fragment or REST sub-structure kept per
  process for anonymous visitors until anything is committed (see its docstring).
"""

from AccessControl import getSecurityManager
from Acquisition import aq_base
from collections import OrderedDict
from pathlib import Path
from plone import api
from plone.app.registry.exportimport.handler import RegistryImporter
from plone.app.textfield.value import RichTextValue
from plone.batching import Batch
from plone.registry.interfaces import IRegistry
from Products.CMFCore.interfaces import ICatalogTool
from zope.component import getUtility
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import directlyProvidedBy

import logging
import threading
import time


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


# Rendered fragments for anonymous visitors (per process)

# A service card's page keeps 14 entries (body, BIP box, navigation portlet, breadcrumbs, next/previous, feed
# links, the portlet columns' visibility and HTML; about 15 kB in all), its REST answer 7: 5,000 entries hold
# some 350 pages, about 5 MB per process.
FRAGMENT_CACHE_SIZE = 5000
_fragments = OrderedDict()
_fragments_lock = threading.Lock()
_NO_FRAGMENT_KEY = object()


def _snapshot_tid(context):
    """The id of the last committed transaction that this request's ZODB connection sees (its MVCC snapshot):
    ZODB's MVCC adapter keeps the first tid after the snapshot, RelStorage's per-connection instance answers
    ``lastTransaction()`` from its own polled view. None if ``context`` is not persistent."""
    connection = getattr(aq_base(context), "_p_jar", None)
    if connection is None:
        return None
    storage = connection._normal_storage  # not a savepoint's temporary storage
    start = getattr(storage, "_start", None)
    return start if start is not None else storage.lastTransaction()


def _fragment_key(request, context):
    """What every anonymous fragment of this request is keyed on, or _NO_FRAGMENT_KEY when the request must
    not use the cache (not anonymous, not a GET/HEAD, unsaved changes in this transaction)."""
    if request.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
        return _NO_FRAGMENT_KEY
    if getSecurityManager().getUser().getUserName() != "Anonymous User":
        return _NO_FRAGMENT_KEY
    connection = getattr(aq_base(context), "_p_jar", None)
    if connection is None or connection._registered_objects or connection._savepoint_storage is not None:
        return _NO_FRAGMENT_KEY  # changed in this very transaction: what is rendered is not committed yet
    key = request.other.get("_ezabrze_fragment_key")
    if key is None:
        catalog = getUtility(ICatalogTool)
        query = request.get("QUERY_STRING", "")
        key = (
            catalog.getCounter(),
            _snapshot_tid(context),
            int(time.time() // 60),  # effective and expiry dates take effect within the minute
            request.get("LANGUAGE", ""),
            tuple(sorted(layer.__identifier__ for layer in directlyProvidedBy(request))),
            request.get("ACTUAL_URL", "") + (f"?{query}" if query else ""),
        )
        request.other["_ezabrze_fragment_key"] = key
    return key


def anonymous_fragment(request, context, name, render):
    """``render()`` (an HTML fragment or a JSON-compatible structure), kept per process for anonymous visitors.

    The entry is keyed on ``name`` and on what the result can depend on for anonymous: the catalog's change
    counter and the last committed transaction the request sees (any committed change, catalog or not,
    makes a new key), the current minute (publication and expiry dates), the request's language, its browser
    layers and its URL with the query string. Logged-in users, non-GET requests and transactions with unsaved
    changes always get ``render()`` itself; so must anything user-specific (CSRF tokens, status messages,
    the toolbar): never pass such a fragment here. At most FRAGMENT_CACHE_SIZE entries (least recently used
    go first). A structure is returned as the same object to every request: callers must not change it.
    """
    key = _fragment_key(request, context)
    if key is _NO_FRAGMENT_KEY:
        return render()
    key = (name, *key)
    with _fragments_lock:
        if key in _fragments:
            _fragments.move_to_end(key)
            return _fragments[key]
    value = render()
    with _fragments_lock:
        _fragments[key] = value
        while len(_fragments) > FRAGMENT_CACHE_SIZE:
            _fragments.popitem(last=False)
    return value


def clear_anonymous_fragments():
    with _fragments_lock:
        _fragments.clear()
