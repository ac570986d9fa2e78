"""A submission's case is stored in a short transaction of its own, on a separate connection, retried here.

Why: every case inserts into the last buckets of BTrees whose keys grow with every case (the year folder's ids,
the catalog's id/path/sign indexes, the intid key references). Two submissions that overlap in time conflict
there when one of them splits a bucket. If the case were written by the request's transaction, its snapshot
would be as old as the request (validation, the PBKDF2 hash, rendering the page) and ZPublisher would replay the
whole request after ``random(0, 2 ** retry)`` seconds of sleep: with two Zope processes 85 of 200 submissions
were replayed whole. Here the snapshot is taken right before the case is written and committed a few
milliseconds later; a conflict costs one more short attempt (abort, fresh snapshot, write again), not a request.

How (``store``):

* Everything that can be prepared in the request is prepared there before (fields, the attachment's bytes, the
  tracking code and its hash, the routing). The sign's number is taken in the short transaction itself, so
  that it commits with its case or not at all (no gaps; one commit per submission).
* Under a process-wide lock and PostgreSQL's advisory lock shared by the processes of the database
  (``submission_lock.held``: the threads and processes do not conflict with each other; only the short part
  is serialized, pages and the rest of the submissions run in parallel), a separate ZODB connection is
  opened with a transaction manager of its own, which is the thread's transaction manager for that time: every
  subscriber that runs on the case's creation (workflow, local roles, intids, the catalog's indexing queue,
  content rules, transactional mail) works in the new transaction through ``transaction.get()``, and the site
  (local utilities, registry, ``api.portal.get()``) is the portal of that connection, acquisition-wrapped
  with the current request (URLs are the request's).
* What the process's previous case changed is loaded in one go first (``_prefetch``: with several processes
  another one has usually changed those objects since).
* ``work(portal)`` writes the case, the indexing queue is processed, the transaction commits. On a
  ConflictError: abort, a short random sleep, again from a fresh snapshot (``MAX_ATTEMPTS``). Any other error:
  abort and raise — the case is stored whole or not at all (a database that is down raises its own error,
  which the WSGI filter answers with 503).
* The request's transaction writes nothing shared: its commit has nothing to conflict with. Its connection
  keeps its older snapshot for the rest of the request (the answer is built from the values ``work`` returns).
  Should the publisher still replay the request after the case committed, the replay answers with that case
  (``remember_for_a_replay``: kept in the WSGI environ a replay is built from), it never stores a second one.

Used only by a published form submission (``submission_lock.after_traversal`` marks the request):
integration tests and scripts write the case with the same function in their current transaction
(``cases.api.create_case``).
"""

from ezabrze.policy.cases import submission_lock
from Products.CMFCore.indexing import getQueue
from Products.CMFCore.indexing import processQueue
from ZODB.POSException import ConflictError
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from ZPublisher.BaseRequest import RequestContainer

import logging
import random
import time
import transaction


logger = logging.getLogger("ezabrze.policy.cases")

MAX_ATTEMPTS = 20


def in_own_transaction(request):
    """True for a published form submission (the only place where a commit of our own is right)."""
    return submission_lock.is_marked(request)


_REPLAY_KEY = "ezabrze.policy.cases.stored"


def remember_for_a_replay(request, answer):
    """Keep what a committed case's answer needs in the WSGI environ the publisher hands to a replay of this
    request (``HTTPRequest.retry`` builds the new request from the same ``_orig_env``): should the rest of the
    request ever raise a ConflictError, the replay answers with the same case instead of storing a second one."""
    environ = getattr(request, "_orig_env", None)
    if isinstance(environ, dict):
        environ[_REPLAY_KEY] = answer


def stored_before_a_replay(request):
    environ = getattr(request, "_orig_env", None)
    return environ.get(_REPLAY_KEY) if isinstance(environ, dict) else None


def _portal_of(connection, portal_path, request):
    app = connection.root()["Application"]
    app = app.__of__(RequestContainer(REQUEST=request))
    return app.unrestrictedTraverse(portal_path)


# The objects the last case transaction of this process changed: the last buckets of the catalog's indexes, their
# lengths, the year folder's tree, the sign counter. The next case changes nearly the same ones; with several
# processes another one has usually changed them meanwhile, and they would be loaded one query at a time with
# the database lock held (measured: a third of the time the lock was held). ``_prefetch`` loads them in one query.
_last_changed = ()


def _prefetch(connection):
    """Load into the storage's cache, in one query, what the last case changed (RelStorage; nothing elsewhere)."""
    if _last_changed:
        try:
            connection.prefetch(_last_changed)
        except Exception:  # noqa: BLE001 -- only an optimization: the objects are loaded one by one then
            logger.debug("Prefetching the last case's objects failed", exc_info=True)


def _remember_changed(connection):
    """Note what this transaction changes (``Connection._registered_objects``: the modified persistent objects that
    were already stored; ZODB has kept that attribute since its beginnings, and a missing one only skips this)."""
    global _last_changed
    changed = getattr(connection, "_registered_objects", None) or ()
    _last_changed = tuple(obj._p_oid for obj in changed if getattr(obj, "_p_oid", None) is not None)


def _abort(tm):
    getQueue().clear()  # index operations of the failed attempt (objects of this connection)
    try:
        tm.abort()
    except Exception:  # the database may be gone (PostgreSQL restarting): the original error matters
        logger.exception("Aborting the case transaction failed")


def store(db, portal_path, request, work, note="ezabrze.policy: case"):
    """Run ``work(portal)`` in a transaction of its own on a separate connection of ``db`` and commit it;
    return what ``work`` returned. ``portal`` is the site at ``portal_path`` in that connection. ``note``: the
    transaction's note, or a function making it of what ``work`` returned."""
    processQueue()  # the request's own pending index operations stay in the request's transaction
    thread_manager = transaction.manager
    with submission_lock.held(db):
        tm = transaction.TransactionManager()
        connection = db.open(transaction_manager=tm)
        request_manager = thread_manager.manager
        request_site = getSite()
        thread_manager.manager = tm  # transaction.get() of every subscriber: the case's transaction
        try:
            for attempt in range(1, MAX_ATTEMPTS + 1):
                tm.begin()  # a fresh snapshot: everything committed so far, by any process
                try:
                    _prefetch(connection)
                    own_portal = _portal_of(connection, portal_path, request)
                    setSite(own_portal)
                    result = work(own_portal)
                    processQueue()
                    tm.get().note(note(result) if callable(note) else note)
                    _remember_changed(connection)
                    tm.commit()
                    if attempt > 1:
                        logger.info("Case stored at attempt %d", attempt)
                    return result
                except ConflictError:
                    _abort(tm)
                    logger.info("Case transaction conflict (attempt %d), retrying", attempt)
                    time.sleep(random.uniform(0, 0.005 * attempt))
                except BaseException:
                    _abort(tm)
                    raise
            raise ConflictError(f"could not store a case after {MAX_ATTEMPTS} attempts")
        finally:
            thread_manager.manager = request_manager
            setSite(request_site)
            try:
                connection.close()
            except Exception:
                logger.exception("Closing the case connection failed")
