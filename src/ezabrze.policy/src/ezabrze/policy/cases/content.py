from datetime import date
from datetime import datetime
from ezabrze.policy.cases.interfaces import ICase
from plone.dexterity.content import Item
from zope.interface import implementer

import zoneinfo


WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")

# Cases stay out of the catalog's full-text indexes (their metadata, Title included, is kept):
# * personal data do not belong in the site search; staff find a case by its sign (index ``case_sign``)
#   or in their unit's list;
# * every case shares words ("ZAB", the year, the form's title) and adds a unique one (its number), and a
#   ZCTextIndex rewrites the entry of every word it indexes and takes new word ids from a counter that
#   merges concurrent increments: concurrent submissions conflicted on those buckets, and Zope's retries
#   (with their growing back-off sleeps) cut the submission throughput by more than half.
FULL_TEXT_INDEXES = frozenset({"SearchableText", "Title", "Description"})

FINAL_STATES = ("answered", "rejected")


def now():
    return datetime.now(WARSAW)


@implementer(ICase)
class Case(Item):
    """See ICase. ``case_log`` is a tuple of dicts (replaced, never mutated in place)."""

    sign = None
    year = None
    number = None
    form_uid = None
    tracking_hash = None
    unit_id = None
    due_date = None
    submitted = None
    case_log = ()

    def _case_indexes(self, catalog):
        return [name for name in catalog.indexes() if name not in FULL_TEXT_INDEXES]

    def indexObject(self):
        """Catalog the case in every index but the full-text ones (FULL_TEXT_INDEXES)."""
        catalog = self._getCatalogTool()
        if catalog is not None:
            # A reindex with explicit indexes adds an object that is not catalogued yet (metadata too).
            catalog.reindexObject(self, idxs=self._case_indexes(catalog))

    def reindexObject(self, idxs=[], update_metadata=1, uid=None):  # noqa: B006 (CMF's signature)
        if idxs == [] or idxs is None:
            if hasattr(self, "notifyModified"):
                self.notifyModified()
            catalog = self._getCatalogTool()
            if catalog is None:
                return
            idxs = self._case_indexes(catalog)
            return catalog.reindexObject(self, idxs=idxs, update_metadata=update_metadata, uid=uid)
        return super().reindexObject(idxs=idxs, update_metadata=update_metadata, uid=uid)

    def add_log(self, action, state, actor="", comment="", public=False, when=None):
        entry = {
            "time": (when or now()).isoformat(timespec="seconds"),
            "action": action,
            "state": state,
            "actor": actor or "",
            "comment": comment or "",
            "public": bool(public),
        }
        self.case_log = tuple(self.case_log) + (entry,)
        return entry

    def public_log(self):
        """What the resident may see: every state change, and only the comments marked public."""
        result = []
        for entry in self.case_log:
            result.append(
                {
                    "time": entry["time"],
                    "state": entry["state"],
                    "comment": entry["comment"] if entry.get("public") else "",
                }
            )
        return result

    def is_overdue(self, today=None):
        from plone import api

        if self.due_date is None:
            return False
        if api.content.get_state(self, default="") in FINAL_STATES:
            return False
        return self.due_date < (today or date.today())
