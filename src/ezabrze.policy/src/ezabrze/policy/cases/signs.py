"""Case signs ZAB/<year>/<NNNNNN>: unique under any concurrency, never resolved by conflict resolution.

Design (see README, "Cases"):

* The counter is a small persistent object of its own (``SignCounter``, an attribute of /sprawy) with a
  plain dict year -> last number. It has NO ``_p_resolveConflict``: two transactions that both change it
  always get a ConflictError and one of them is retried. (``BTrees.Length.Length`` would merge the two
  increments and hand the same number to both transactions: duplicates. It is deliberately not used.)
* A number is taken in the transaction that stores its case (``cases.api._write_case``), so both commit
  together or neither does: the numbering has no gaps and a sign never points to a missing case. For a
  published submission that transaction is the short one of ``cases.creation.store``, begun right before the
  case is written, under the lock of the process and of the database: under ZODB's MVCC, a counter changed
  inside a whole (long) submission request would make nearly every pair of concurrent submissions conflict.
  If two transactions still take a number from the same state (a storage without the database lock), one of
  them gets a ConflictError and is retried there: never a duplicate.
  (Until 2026-12 the number was committed in a transaction of its own before the case: a second commit per
  submission, and a gap whenever the case then failed.)
* Belt and braces: the case id in /sprawy/<year>/ is its number, so two cases with the same sign could not
  be committed either (same key inserted twice into the folder's BTree is an unresolvable conflict).
"""

from persistent import Persistent


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
