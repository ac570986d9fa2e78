"""Notice boards (city-wide and per council), the archive, RSS 2.0 and iCalendar feeds, the notice view."""

from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from email.utils import format_datetime
from ezabrze.policy import _
from ezabrze.policy.councils.content import category_title
from ezabrze.policy.councils.content import council_of
from ezabrze.policy.councils.content import councils
from ezabrze.policy.councils.content import ICouncilsSection
from ezabrze.policy.councils.content import local
from ezabrze.policy.councils.content import MEETING
from ezabrze.policy.councils.content import NOTICE_CATEGORIES
from ezabrze.policy.utils import anonymous_fragment
from ezabrze.policy.utils import counted
from ezabrze.policy.utils import paginate_by_page
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zoneinfo import ZoneInfo
from zope.i18n import translate

import icalendar
import Missing
import xml.etree.ElementTree as ET


WARSAW = ZoneInfo("Europe/Warsaw")
PAGE_SIZE = 10
FEED_SIZE = 50
ICAL_PAST_DAYS = 365

MONTHS = (
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
    "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
)


def polish_day(value):
    """'5 marca 2026 r.' for a date, datetime or DateTime."""
    if value is None:
        return ""
    if isinstance(value, DateTime):
        value = local(value)
    elif isinstance(value, datetime):
        value = local(value)
    return f"{value.day} {MONTHS[value.month - 1]} {value.year} r."


def polish_datetime(value):
    if value is None:
        return ""
    value = local(value)
    return f"{polish_day(value)}, godz. {value:%H:%M}"


def _v(brain, name):
    value = getattr(brain, name, None)
    return None if value is Missing.Value else value


def _never_expires(value):
    return value is None or value.year() >= 2499


def notice_query(paths, archive=False, category=None, council_paths=None):
    """Catalog query of the published notices below ``paths``.

    Current notices: ``effectiveRange`` now (valid from ≤ now ≤ valid until), so an expired notice leaves every
    board at midnight after its last day by itself. Archive: notices whose validity has ended (``expires`` in
    the past) or that an editor archived; ``show_inactive`` because Plone hides expired items from everyone
    without "Access inactive portal content".
    """
    now = DateTime()
    query = {"portal_type": "Notice", "path": {"query": council_paths or paths}}
    if archive:
        query.update(
            review_state=["published", "archived"],
            effective={"query": now, "range": "max"},
            show_inactive=True,
            sort_on="expires",
            sort_order="descending",
        )
    else:
        query.update(review_state="published", effectiveRange=now, sort_on="effective", sort_order="descending")
    if category:
        query["notice_category"] = category
    return query


def archive_results(query):
    """Archived-state notices and those past their validity (the catalog cannot OR the two)."""
    now = DateTime()
    results = []
    for brain in api.portal.get_tool("portal_catalog").searchResults(**query):
        expires = _v(brain, "expires")
        if brain.review_state == "archived" or (expires is not None and expires < now):
            results.append(brain)
    return results


class NoticeListing(BrowserView):
    """Shared by the city-wide board (ICouncilsSection) and a council's board (IDistrictCouncil)."""

    archive = False
    body_template = ViewPageTemplateFile("templates/board_body.pt")

    def body(self):
        """Filters, notices and pages: the same for every anonymous visitor until something is committed (or the
        minute changes: notices enter and leave the board by their dates), so kept for them
        (``anonymous_fragment``, by URL with the query string); logged-in users get it fresh."""
        return anonymous_fragment(self.request, self.context, f"notice-board-body:{self.__name__}",
                                  lambda: self.body_template())

    def __call__(self):
        self.request.response.setHeader("Cache-Control", "max-age=0, must-revalidate")
        return self.index()

    @property
    def is_city_wide(self):
        return ICouncilsSection.providedBy(self.context)

    def section(self):
        return self.context if self.is_city_wide else self.context.aq_parent

    def council_options(self):
        selected = self.selected_council()
        return [
            {"id": c.getId(), "title": c.Title(), "selected": c.getId() == selected}
            for c in councils()
        ]

    def category_options(self):
        selected = self.selected_category()
        return [
            {"id": value, "title": translate(title, context=self.request), "selected": value == selected}
            for value, title in NOTICE_CATEGORIES
        ]

    def selected_category(self):
        value = self.request.form.get("category")
        return value if value in dict(NOTICE_CATEGORIES) else None

    def selected_council(self):
        if not self.is_city_wide:
            return None
        value = self.request.form.get("council")
        return value if value in {c.getId() for c in councils()} else None

    def _paths(self):
        selected = self.selected_council()
        if selected:
            return ["/".join(self.context.getPhysicalPath()) + "/" + selected]
        return ["/".join(self.context.getPhysicalPath())]

    def batch(self):
        if getattr(self, "_batch", None) is None:
            self._batch = paginate_by_page(self.results(), self.request, PAGE_SIZE)
        return self._batch

    def page(self):
        return self.batch().pagenumber

    def results(self):
        if getattr(self, "_results", None) is None:
            query = notice_query(self._paths(), archive=self.archive, category=self.selected_category())
            if self.archive:
                self._results = archive_results(query)
            else:
                self._results = api.portal.get_tool("portal_catalog").searchResults(**query)
        return self._results

    def total(self):
        return len(self.results())

    def found_text(self):
        return counted(self.total(), "${count} notice found", "${count} notices found", self.request)

    def pages(self):
        return max(1, self.batch().numpages)

    def items(self):
        titles = {c.getId(): c.Title() for c in councils()}
        items = []
        for brain in self.batch():
            path = brain.getPath().split("/")
            council_id = next((p for p in path if p in titles), None)
            category = _v(brain, "notice_category")
            expires = _v(brain, "expires")
            meeting = _v(brain, "notice_meeting_start") if category == MEETING else None
            items.append(
                {
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "description": brain.Description,
                    "category": category,
                    "category_title": translate(category_title(category), context=self.request),
                    "council": titles.get(council_id),
                    "valid_from": polish_day(_v(brain, "effective")),
                    "valid_until": None if _never_expires(expires) else polish_day(expires),
                    "meeting": polish_datetime(meeting) if meeting else None,
                    "archived": brain.review_state == "archived",
                }
            )
        return items

    def _url(self, **params):
        base = {}
        if self.selected_council():
            base["council"] = self.selected_council()
        if self.selected_category():
            base["category"] = self.selected_category()
        base.update({k: v for k, v in params.items() if v is not None})
        query = urlencode(base)
        return f"{self.form_action()}?{query}" if query else self.form_action()

    def form_action(self):
        url = self.context.absolute_url()
        return f"{url}/archiwum-ogloszen" if self.archive else url

    def pagination(self):
        if self.pages() <= 1:
            return []
        return [
            {"number": n, "url": self._url(page=n), "current": n == self.page()}
            for n in range(1, self.pages() + 1)
        ]

    def previous_url(self):
        return self._url(page=self.page() - 1) if self.page() > 1 else None

    def next_url(self):
        return self._url(page=self.page() + 1) if self.page() < self.pages() else None

    def feed_urls(self):
        url = self.context.absolute_url()
        return {
            "rss": f"{url}/ogloszenia.rss",
            "ical": f"{url}/posiedzenia.ics",
            "archive": f"{url}/archiwum-ogloszen",
            "board": f"{url}/tablica-ogloszen",
        }

    def can_add(self):
        return not self.is_city_wide and api.user.has_permission("ezabrze.policy: Add Notice", obj=self.context)


class NoticeBoard(NoticeListing):
    archive = False


class NoticeArchive(NoticeListing):
    archive = True


class NoticeView(BrowserView):
    def category(self):
        return translate(category_title(self.context.notice_category), context=self.request)

    def council(self):
        return council_of(self.context)

    def valid_from(self):
        return polish_day(self.context.valid_from)

    def valid_until(self):
        return polish_day(self.context.valid_until) if self.context.valid_until else None

    def expired(self):
        return self.context.is_expired() or api.content.get_state(self.context, default=None) == "archived"

    def meeting(self):
        if not self.context.is_meeting() or not self.context.meeting_start:
            return None
        return {
            "start": polish_datetime(self.context.meeting_start),
            "start_iso": local(self.context.meeting_start).isoformat(),
            "end": local(self.context.meeting_end).strftime("%H:%M") if self.context.meeting_end else None,
            "place": self.context.meeting_place,
        }

    def attachments(self):
        items = []
        for brain in api.content.find(
            context=self.context, depth=1, portal_type=["File", "Image"], sort_on="getObjPositionInParent"
        ):
            mime = _v(brain, "mime_type") or ""
            items.append(
                {
                    "title": brain.Title or brain.getId,
                    "url": f"{brain.getURL()}/@@download/{'image' if brain.portal_type == 'Image' else 'file'}",
                    "format": mime.split("/")[-1].upper().replace("VND.OASIS.OPENDOCUMENT.TEXT", "ODT"),
                    "size": _v(brain, "getObjSize"),
                }
            )
        return items


def _feed_scope(context):
    """(paths, title, link) of the feed of a council or of all councils."""
    path = "/".join(context.getPhysicalPath())
    return [path], context.Title(), context.absolute_url()


class NoticesRSS(BrowserView):
    """RSS 2.0 of the current notices (newest first)."""

    def __call__(self):
        paths, title, link = _feed_scope(self.context)
        brains = api.portal.get_tool("portal_catalog").searchResults(**notice_query(paths))[:FEED_SIZE]
        rss = ET.Element("rss", version="2.0", attrib={"xmlns:atom": "http://www.w3.org/2005/Atom"})
        channel = ET.SubElement(rss, "channel")
        ET.SubElement(channel, "title").text = f"{title} — ogłoszenia"
        ET.SubElement(channel, "link").text = link
        ET.SubElement(channel, "description").text = translate(
            _("Current notices of the district councils of Zabrze."), context=self.request
        )
        ET.SubElement(channel, "language").text = "pl"
        ET.SubElement(
            channel,
            "atom:link",
            href=f"{link}/ogloszenia.rss",
            rel="self",
            type="application/rss+xml",
        )
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(datetime.now(WARSAW))
        for brain in brains:
            item = ET.SubElement(channel, "item")
            ET.SubElement(item, "title").text = brain.Title
            ET.SubElement(item, "link").text = brain.getURL()
            ET.SubElement(item, "guid", isPermaLink="true").text = brain.getURL()
            effective = _v(brain, "effective")
            if effective is not None:
                ET.SubElement(item, "pubDate").text = format_datetime(local(effective))
            ET.SubElement(item, "description").text = brain.Description or brain.Title
            category = _v(brain, "notice_category")
            if category:
                ET.SubElement(item, "category").text = translate(category_title(category), context=self.request)
        self.request.response.setHeader("Content-Type", "application/rss+xml; charset=utf-8")
        return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="utf-8")


class MeetingsICal(BrowserView):
    """iCalendar of the council meetings (published meeting notices, last 12 months and future)."""

    def __call__(self):
        paths, title, link = _feed_scope(self.context)
        now = DateTime()
        query = {
            "portal_type": "Notice",
            "path": {"query": paths},
            "review_state": ["published", "archived"],
            "notice_category": MEETING,
            "effective": {"query": now, "range": "max"},
            "notice_meeting_start": {"query": now - ICAL_PAST_DAYS, "range": "min"},
            "sort_on": "notice_meeting_start",
            "show_inactive": True,
        }
        cal = icalendar.Calendar()
        cal.add("prodid", "-//Urzad Miejski w Zabrzu//e-Zabrze//PL")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", f"{title} — posiedzenia")
        cal.add("x-wr-timezone", "Europe/Warsaw")
        for brain in api.portal.get_tool("portal_catalog").searchResults(**query):
            notice = brain.getObject()
            start = local(notice.meeting_start)
            end = local(notice.meeting_end) if notice.meeting_end else start + timedelta(hours=2)
            event = icalendar.Event()
            event.add("uid", f"{brain.UID}@e-zabrze")
            event.add("summary", notice.Title())
            event.add("dtstart", start)
            event.add("dtend", end)
            event.add("dtstamp", datetime.now(WARSAW))
            event.add("location", notice.meeting_place or "")
            event.add("url", notice.absolute_url())
            council = council_of(notice)
            if council is not None:
                event.add("organizer", f"mailto:{council.email or 'rady.dzielnic@um.zabrze.pl'}",
                          parameters={"cn": council.Title()})
            if notice.Description():
                event.add("description", notice.Description())
            cal.add_component(event)
        if hasattr(cal, "add_missing_timezones"):
            cal.add_missing_timezones()
        self.request.response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        self.request.response.setHeader(
            "Content-Disposition", f'inline; filename="{self.context.getId()}-posiedzenia.ics"'
        )
        return cal.to_ical()


