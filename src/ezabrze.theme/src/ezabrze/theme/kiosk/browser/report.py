"""@@infokiosk-statystyki: anonymous page views per kiosk and page for a period (staff only)."""

from collections import Counter
from datetime import date
from datetime import timedelta
from ezabrze.theme import _
from ezabrze.theme.kiosk import usage
from ezabrze.theme.kiosk.mode import configured_kiosks
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

import datetime as dt


DEFAULT_DAYS = 30


def parse_day(value):
    try:
        return dt.date.fromisoformat((value or "").strip()) if isinstance(value, str) else None
    except ValueError:
        return None


class UsageReportView(BrowserView):
    index = ViewPageTemplateFile("templates/report.pt")

    def __call__(self):
        form = self.request.form
        today = date.today()
        self.error = None
        first, last = parse_day(form.get("od")), parse_day(form.get("do"))
        if (form.get("od") and first is None) or (form.get("do") and last is None):
            self.error = _("Enter the dates as YYYY-MM-DD, e.g. 2026-01-31.")
            self.request.response.setStatus(400)
        last = last or today
        first = first or (last - timedelta(days=DEFAULT_DAYS - 1))
        if first > last:
            first, last = last, first
        self.first, self.last = first, last
        db = self.context._p_jar.db()
        usage.flush(db)
        self.rows = usage.fresh_report(db, self.context._p_oid, first.isoformat(), last.isoformat())
        return self.index()

    def kiosks(self):
        """[(id, location, views)] of every configured kiosk (also those without views), most used first."""
        totals = Counter()
        for _day, kiosk_id, _page, count in self.rows:
            totals[kiosk_id] += count
        known = configured_kiosks()
        ids = set(known) | set(totals)
        rows = [(kiosk_id, known[kiosk_id].location if kiosk_id in known else "", totals[kiosk_id]) for kiosk_id in ids]
        return sorted(rows, key=lambda row: (-row[2], row[0]))

    def pages(self):
        """[(kiosk id, page, views)], most viewed first."""
        totals = Counter()
        for _day, kiosk_id, page, count in self.rows:
            totals[(kiosk_id, page)] += count
        return sorted(((k, p, n) for (k, p), n in totals.items()), key=lambda row: (-row[2], row[0], row[1]))

    def total(self):
        return sum(row[3] for row in self.rows)
