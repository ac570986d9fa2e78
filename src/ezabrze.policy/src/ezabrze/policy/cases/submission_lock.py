"""Form submissions: which requests are ones, and the process-wide lock around the storing of their case.

A POST to an easyform form (or one of its views, or to ``@citizen-forms/<id>``) is marked after traversal
(``after_traversal``). A marked request stores its case in a short transaction of its own
(``cases.creation.store``), and only that short part runs under ``held()``: the threads of one process then
never conflict with each other on the BTree buckets every case inserts into (consecutive case ids, signs,
intids, paths), while the rest of a submission (validation, the tracking code's hash, the page) and every page
run in parallel. Between the processes of one RelStorage/PostgreSQL database the same short part is kept apart
by a PostgreSQL advisory lock (``cluster.database_lock.cases``), taken after the thread lock. Should two
transactions still conflict there (another writer, a storage without that lock), ``cases.creation`` retries
the short part at once, without replaying the request.

History: until 2026-12 the whole request of a submission held this lock and began its transaction anew
after taking it; with two processes half of the submissions were still replayed whole by ZPublisher, and each
process waited for PostgreSQL's commit with the lock held (README, "Production stack").

A submission that does not get the lock within ``WAIT_SECONDS`` goes on without it (it may then conflict and
is retried in ``cases.creation``; nothing is lost either way).
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.easyform.interfaces import IEasyForm
from ezabrze.policy.cluster import database_lock

import contextlib
import logging
import threading


logger = logging.getLogger("ezabrze.policy.cases")

WAIT_SECONDS = 60
_lock = threading.Lock()
_MARKER = "_ezabrze_form_submission"


def _form_of(published):
    """The easyform the published object belongs to (the form itself or a view of it), or None."""
    for candidate in (published, getattr(published, "context", None), aq_parent(aq_inner(published))):
        if candidate is not None and IEasyForm.providedBy(candidate):
            return candidate
    return None


def is_form_submission(request):
    if request.get("REQUEST_METHOD", "GET").upper() != "POST":
        return False
    published = request.get("PUBLISHED")
    if published is None:
        return False
    if getattr(published, "submits_citizen_form", False):  # POST /@citizen-forms/<id>
        return True
    try:
        return _form_of(published) is not None
    except Exception:  # an odd published object (a method, a file): not a form submission
        return False


def is_marked(request):
    """True for a request published as a form submission (see after_traversal)."""
    return request is not None and bool(getattr(aq_base(request), _MARKER, False))


def after_traversal(event):
    """IPubAfterTraversal: mark a published form submission (its case gets a transaction of its own)."""
    request = event.request
    if is_form_submission(request):
        setattr(request, _MARKER, True)


@contextlib.contextmanager
def held(db):
    """The process-wide lock around the storing of one case (at most ``WAIT_SECONDS`` of waiting), then the
    lock of every process of ``db`` (PostgreSQL only; see ``cluster.database_lock``)."""
    acquired = _lock.acquire(timeout=WAIT_SECONDS)
    if not acquired:
        logger.warning("A case is stored without the submission lock after %ss", WAIT_SECONDS)
    try:
        with database_lock.cases.held(db):
            yield
    finally:
        if acquired:
            _lock.release()
