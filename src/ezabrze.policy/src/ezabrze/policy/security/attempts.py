"""Failed-login counts shared by every Zope process of one database.

The production stack runs two Zope instances on one RelStorage database behind HAProxy: a count kept in a
process's memory would let an attacker try (instances x limit) passwords, and a restart would forget it. The
counts live in the database instead, next to the application (the ZODB root key ``ezabrze.login_failures``,
outside any Plone site, never exported with one):

* an ``OOBTree`` of key (``login:<name>``, ``addr:<address>``) -> ``FailureLog``, the times of the recent
  failures (wall clock, so every process reads them alike);
* written in a connection and transaction of their own, committed at once: a failed login is counted even
  when the request itself ends in an error and is aborted, and the request's own transaction never
  conflicts with it;
* ``FailureLog`` resolves its own write conflicts (two processes counting the same login at the same time
  keep both failures) and the BTree resolves concurrent new keys; what still conflicts (a bucket split, a
  new tree) is retried a few times and, in the worst case, logged and dropped — never an error for the
  visitor, so a brute-force burst cannot cause a ConflictError storm;
* old entries are pruned when they are written to and, now and then, across the tree.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from ZODB.POSException import ConflictError

import logging
import random
import time
import transaction


logger = logging.getLogger("ezabrze.policy.security")

ROOT_KEY = "ezabrze.login_failures"
KEEP = 100  # failures kept per key: more than any limit
RETRIES = 5
PRUNE_CHANCE = 0.02
PRUNE_BATCH = 500


class FailureLog(Persistent):
    """The times of the recent failed logins for one key."""

    def __init__(self):
        self.times = ()

    def recent(self, since):
        return tuple(moment for moment in self.times if moment > since)

    def _p_resolveConflict(self, old, committed, new):
        """Both writers keep their changes: what ``new`` added is added to ``committed``, what it pruned goes."""
        before = set(old.get("times", ()))
        after = set(new.get("times", ()))
        times = (set(committed.get("times", ())) | (after - before)) - (before - after)
        state = dict(committed)
        state["times"] = tuple(sorted(times)[-KEEP:])
        return state


def _run(db, work, write):
    """``work(tree or None, root)`` in a connection of its own; committed when ``write``. None if it kept conflicting."""
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    try:
        for _attempt in range(RETRIES):
            manager.begin()
            try:
                root = connection.root()
                result = work(root.get(ROOT_KEY), root)
                if write:
                    manager.commit()
                else:
                    manager.abort()
                return result
            except ConflictError:
                manager.abort()
                time.sleep(random.uniform(0.005, 0.05))
        logger.warning("Login failure counts: still conflicting after %d attempts, one count dropped", RETRIES)
        return None
    finally:
        manager.abort()
        connection.close()


def count(db, key, window, now=None):
    """How many failures ``key`` had within the last ``window`` seconds."""
    now = time.time() if now is None else now

    def work(tree, root):
        log = tree.get(key) if tree is not None else None
        return len(log.recent(now - window)) if log is not None else 0

    return _run(db, work, write=False) or 0


def record(db, keys, window, now=None):
    """One failure for each of ``keys``, in one transaction."""
    now = time.time() if now is None else now

    def work(tree, root):
        if tree is None:
            tree = root[ROOT_KEY] = OOBTree()
        for key in keys:
            log = tree.get(key)
            if log is None:
                log = tree[key] = FailureLog()
            log.times = (log.recent(now - window) + (now,))[-KEEP:]
        if random.random() < PRUNE_CHANCE:
            _prune(tree, now - window, keep=set(keys))
        return True

    return bool(_run(db, work, write=True))


def _prune(tree, since, keep):
    stale = []
    for key, log in tree.items():
        if key not in keep and not log.recent(since):
            stale.append(key)
            if len(stale) >= PRUNE_BATCH:
                break
    for key in stale:
        del tree[key]


def reset(db, keys=None):
    """Forget the failures (of ``keys``, or all)."""

    def work(tree, root):
        if tree is None:
            return True
        for key in list(tree.keys()) if keys is None else keys:
            if key in tree:
                del tree[key]
        return True

    _run(db, work, write=True)
