from datetime import date
from datetime import datetime
from ezabrze.policy.cases.interfaces import ICase
from plone.dexterity.content import Item
from zope.interface import implementer

import zoneinfo


WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")

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
