"""Anonymous usage counts per kiosk, day and page (no IP, no query string, nothing typed).

Why not a write per page view: kiosk pages are anonymous GET requests; writing the ZODB in them would make
every page view a transaction that can conflict with the others (17 kiosks, and the rest of the portal) and
would trip plone.protect's check of writes on GET.

So each process counts in memory (a dict under a lock) and adds its counts to the database at most every
``FLUSH_SECONDS`` (and whenever the report is opened), in its own connection and transaction. The stored
counters are ``BTrees.Length.Length`` objects, whose conflict resolution adds concurrent increments, in
OOBTrees (day -> kiosk -> page), whose buckets resolve concurrent inserts of different keys; a flush that
still conflicts is retried and, failing that, its counts are put back for the next flush. A crash loses at
most the last ``FLUSH_SECONDS`` of counts of that process: acceptable for statistics.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from datetime import date
from ZODB.POSException import ConflictError
from zope.annotation.interfaces import IAnnotations

import logging
import threading
import time
import transaction


logger = logging.getLogger("ezabrze.theme.kiosk")

ANNOTATION_KEY = "ezabrze.theme.kiosk.usage"
FLUSH_SECONDS = 60
MAX_PAGE_LENGTH = 200
RETRIES = 3

_lock = threading.Lock()
_pending = {}  # (site oid, day iso, kiosk id, page) -> count
_last_flush = [time.monotonic()]


def page_key(path):
    """The counted page: the path below the kiosk root without "@@", "view" and empty segments."""
    names = [name[2:] if name.startswith("@@") else name for name in (path or "").split("/")]
    names = [name for name in names if name and name != "view"]
    return "/".join(names)[:MAX_PAGE_LENGTH] or "start"


def count(site, kiosk_id, path, day=None):
    """Count one page view in memory; flush to the database when ``FLUSH_SECONDS`` have passed."""
    key = (site._p_oid, (day or date.today()).isoformat(), kiosk_id, page_key(path))
    with _lock:
        _pending[key] = _pending.get(key, 0) + 1
        due = time.monotonic() - _last_flush[0] >= FLUSH_SECONDS
    if due:
        flush(site._p_jar.db())


def _take_pending():
    with _lock:
        taken = dict(_pending)
        _pending.clear()
        _last_flush[0] = time.monotonic()
    return taken


def _put_back(counts):
    with _lock:
        for key, value in counts.items():
            _pending[key] = _pending.get(key, 0) + value


def usage_tree(site, create=False):
    annotations = IAnnotations(site)
    tree = annotations.get(ANNOTATION_KEY)
    if tree is None and create:
        tree = annotations[ANNOTATION_KEY] = OOBTree()
    return tree


def _add(site, day, kiosk_id, page, value):
    days = usage_tree(site, create=True)
    kiosks = days.get(day)
    if kiosks is None:
        kiosks = days[day] = OOBTree()
    pages = kiosks.get(kiosk_id)
    if pages is None:
        pages = kiosks[kiosk_id] = OOBTree()
    counter = pages.get(page)
    if counter is None:
        counter = pages[page] = Length()
    counter.change(value)


def flush(db):
    """Add the counts of this process to the database (own connection and transaction)."""
    counts = _take_pending()
    if not counts:
        return 0
    for attempt in range(RETRIES):
        manager = transaction.TransactionManager()
        connection = db.open(transaction_manager=manager)
        try:
            manager.begin()
            for (oid, day, kiosk_id, page), value in counts.items():
                _add(connection.get(oid), day, kiosk_id, page, value)
            manager.get().note("ezabrze.theme.kiosk: usage counts")
            manager.commit()
            return sum(counts.values())
        except ConflictError:
            manager.abort()
            logger.info("Kiosk usage flush conflicted (attempt %d)", attempt + 1)
        except Exception:
            manager.abort()
            logger.exception("Kiosk usage flush failed; the counts are kept for the next one")
            break
        finally:
            connection.close()
    _put_back(counts)
    return 0


def report(site, first_day=None, last_day=None):
    """[(day, kiosk id, page, count)] stored for the days in [first_day, last_day] (ISO strings)."""
    tree = usage_tree(site)
    if tree is None:
        return []
    rows = []
    for day, kiosks in tree.items(min=first_day, max=last_day):
        for kiosk_id, pages in kiosks.items():
            for page, counter in pages.items():
                rows.append((day, kiosk_id, page, counter()))
    return rows


def fresh_report(db, site_oid, first_day=None, last_day=None):
    """The report as stored now, read in a new connection (the caller's may predate the last flush)."""
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        return report(connection.get(site_oid), first_day, last_day)
    finally:
        manager.abort()
        connection.close()


def count_kiosk_page(event):
    """IPubBeforeCommit subscriber: count a successful HTML page of a kiosk-mode request."""
    from ezabrze.theme.kiosk.mode import current_kiosk
    from zope.component.hooks import getSite

    request = event.request
    kiosk = current_kiosk(request)
    if kiosk is None or request.get("REQUEST_METHOD") not in ("GET", "POST"):
        return
    response = request.response
    if response.getStatus() != 200 or not (response.getHeader("Content-Type") or "").startswith("text/html"):
        return
    site = getSite()
    if site is None or getattr(site, "_p_jar", None) is None:
        return
    try:
        count(site, kiosk.id, request.get("ezabrze.kiosk.page", ""))
    except Exception:  # statistics never break a page
        logger.exception("Kiosk usage count failed")


def rename_kiosks(site, renames):
    """Move the stored counts of kiosk ids that changed ({old id: new id}) to the new ids, adding them to what
    the new id already has. Returns the number of page views moved."""
    tree = usage_tree(site)
    moved = 0
    for day, kiosks in (tree.items() if tree is not None else ()):
        for old_id, new_id in renames.items():
            pages = kiosks.get(old_id)
            if pages is None or old_id == new_id:
                continue
            for page, counter in pages.items():
                _add(site, day, new_id, page, counter())
                moved += counter()
            del kiosks[old_id]
    return moved
