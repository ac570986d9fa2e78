"""Case signs ZAB/<year>/<NNNNNN>: unique under any concurrency, never resolved by conflict resolution.

Design (see README, "Cases"):

* The counter is a small persistent object of its own (``SignCounter``, an attribute of /sprawy) with a
  plain dict year -> last number. It has NO ``_p_resolveConflict``: two transactions that both change it
  always get a ConflictError and one of them is retried. (``BTrees.Length.Length`` would merge the two
  increments and hand the same number to both transactions: duplicates. It is deliberately not used.)
* A number is taken in a short transaction of its own, on a separate ZODB connection, while a
  process-wide lock is held, and committed before the case is created. Under ZODB's MVCC a transaction
  sees the database as of its start, so a counter changed inside each (long) submission request would make
  nearly every pair of concurrent submissions conflict and exhaust Zope's retries (5xx under load). The
  short transaction starts after the lock is taken, so within one process it never conflicts; between
  processes (ZEO clients) it conflicts at most briefly and is retried right here.
* The price: a request that fails after taking its number (validation never does — it runs first — but a
  crash or an unresolvable conflict elsewhere may) leaves a gap in the numbering. A gap never duplicates a
  sign, and the case creation itself stays all-or-nothing.
* Belt and braces: the case id in /sprawy/<year>/ is its number, so two cases with the same sign could not
  be committed either (same key inserted twice into the folder's BTree is an unresolvable conflict).
"""

from persistent import Persistent
from ZODB.POSException import ConflictError
from ZODB.utils import z64

import logging
import random
import threading
import time
import transaction


logger = logging.getLogger("ezabrze.policy.cases")

_lock = threading.Lock()
MAX_ATTEMPTS = 50


class SignCounter(Persistent):
    """Last number used per year. Deliberately without conflict resolution."""

    def __init__(self):
        self.last = {}

    def take(self, year):
        number = self.last.get(year, 0) + 1
        self.last = {**self.last, year: number}  # a new dict: the change is seen by persistence
        return number

    def peek(self, year):
        return self.last.get(year, 0)


def format_sign(prefix, year, number):
    return f"{prefix}/{year}/{number:06d}"


def parse_sign(sign):
    """('ZAB', 2026, 123) for 'ZAB/2026/000123'; None for anything else."""
    if not isinstance(sign, str):
        return None
    parts = sign.strip().upper().split("/")
    if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
        return None
    if len(parts[1]) != 4 or not 6 <= len(parts[2]) <= 9 or not (parts[1] + parts[2]).isascii():
        return None  # (at most 9 digits and only ASCII ones: int() of 5,000 digits or of "²" raises)
    return parts[0], int(parts[1]), int(parts[2])


def _committed(obj):
    """True if obj is stored in the database (not only added in the current transaction)."""
    jar = getattr(obj, "_p_jar", None)
    if jar is None or obj._p_oid is None:
        return False
    obj._p_activate()  # a ghost's _p_serial is z64 until it is loaded
    return obj._p_serial != z64


def next_number(counter, year):
    """Take the next number of ``year`` from ``counter`` and make it durable at once.

    ``counter`` must be loaded through the current request's connection. If it has not been committed yet
    (tests that build everything in one transaction), the number is taken inside the current transaction.
    """
    if not _committed(counter):
        return counter.take(year)
    db = counter._p_jar.db()
    oid = counter._p_oid
    with _lock:
        tm = transaction.TransactionManager(explicit=True)
        connection = db.open(transaction_manager=tm)
        try:
            for attempt in range(1, MAX_ATTEMPTS + 1):
                tm.begin()
                try:
                    own = connection.get(oid)
                    number = own.take(year)
                    tm.get().note(f"ezabrze.policy: case sign {year}/{number:06d}")
                    tm.commit()
                    return number
                except ConflictError:
                    tm.abort()
                    logger.info("Sign counter conflict (attempt %d), retrying", attempt)
                    time.sleep(random.uniform(0, 0.01 * attempt))
                except BaseException:
                    tm.abort()
                    raise
            raise ConflictError(f"could not take a case sign after {MAX_ATTEMPTS} attempts")
        finally:
            connection.close()
