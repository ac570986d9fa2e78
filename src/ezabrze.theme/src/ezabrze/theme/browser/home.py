"""The home page of the portal: sections visible to the visitor and the latest news."""

from DateTime import DateTime
from ezabrze.theme import _
from plone.memoize.view import memoize
from plone.registry.interfaces import IRegistry
from Products.CMFCore.utils import getToolByName
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError
from zope.component import queryUtility
from zope.i18n import translate


NEWS_LIMIT = 5
# Ids of a top-level section that holds the news ("Wszystkie aktualności" links there).
NEWS_FOLDER_IDS = ("aktualnosci", "news")


class HomeView(BrowserView):
    """Two catalog queries, brains only: no object of the listing is woken up."""

    @property
    def root_path(self):
        return "/".join(self.context.getPhysicalPath())

    @memoize
    def sections(self):
        """Published top-level folders in their order in the site.

        The catalog only returns what the visitor may see; asking for "published" keeps private
        and internal sections (the Intranet) off the home page even for staff and managers.
        """
        catalog = getToolByName(self.context, "portal_catalog")
        brains = catalog(
            path={"query": self.root_path, "depth": 1},
            is_folderish=True,
            review_state="published",
            exclude_from_nav=False,
            sort_on="getObjPositionInParent",
        )
        return [
            {
                "id": brain.getId,
                "title": brain.Title or brain.getId,
                "description": brain.Description,
                "url": brain.getURL(),
            }
            for brain in brains
        ]

    @memoize
    def news(self):
        """The latest published News Items under this root, newest first."""
        catalog = getToolByName(self.context, "portal_catalog")
        brains = catalog(
            path=self.root_path,
            portal_type="News Item",
            review_state="published",
            sort_on="effective",
            sort_order="descending",
            sort_limit=NEWS_LIMIT,
        )[:NEWS_LIMIT]
        return [
            {
                "title": brain.Title or brain.getId,
                "description": brain.Description,
                "url": brain.getURL(),
                "date": self._date(brain),
            }
            for brain in brains
        ]

    def all_news_url(self):
        for section in self.sections():
            if section["id"] in NEWS_FOLDER_IDS:
                return section["url"]
        query = urlencode({"portal_type": "News Item", "sort_on": "effective", "sort_order": "reverse"})
        return f"{self.context.absolute_url()}/@@search?{query}"

    def intro(self):
        description = self.context.Description()
        if description:
            return description
        return translate(
            _(
                "The official portal of the city of Zabrze: e-services, news and information "
                "for residents, businesses and non-governmental organisations."
            ),
            context=self.request,
        )

    def text(self):
        """The rich text of the site root, if an editor wrote one."""
        text = getattr(self.context, "text", None)
        output = getattr(text, "output", None) if text is not None else None
        return output or None

    @memoize
    def _timezone(self):
        registry = queryUtility(IRegistry)
        name = registry.get("plone.portal_timezone") if registry is not None else None
        if not name:
            return None
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            return None

    def _date(self, brain):
        """(ISO date, dd.mm.yyyy) of the publication (creation if the item has no effective date)."""
        value = brain.effective
        if not isinstance(value, DateTime) or value.year() <= 1970:
            value = brain.created
        if not isinstance(value, DateTime):
            return None
        dt = value.asdatetime()
        timezone = self._timezone()
        if timezone is not None:
            dt = dt.astimezone(timezone)
        return {"iso": dt.date().isoformat(), "text": dt.strftime("%d.%m.%Y")}
