"""Views of the kiosk mode: the start screen, the "not available" page, the reset, the page elements."""

from DateTime import DateTime
from ezabrze.theme import _
from ezabrze.theme.kiosk.interfaces import IKioskTile
from ezabrze.theme.kiosk.mode import CREDENTIAL_COOKIES
from ezabrze.theme.kiosk.mode import current_kiosk
from ezabrze.theme.kiosk.mode import kiosk_settings
from ezabrze.theme.utils import get_settings
from plone.memoize.view import memoize
from Products.CMFCore.utils import getToolByName
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.component import getAdapters
from zope.component import queryMultiAdapter
from zope.i18n import translate

import json


CATALOGUE_INTERFACE = "ezabrze.policy.catalogue.interfaces.IServiceCatalogue"
COUNCILS_SECTION = "rady-dzielnic"
NOTICE_BOARD_VIEW = "tablica-ogloszen"
CASE_STATUS_VIEW = "status-sprawy"
NEWS_FOLDER_IDS = ("aktualnosci", "news")
LIST_LIMIT = 3


class KioskViewBase(BrowserView):
    @property
    def kiosk(self):
        return current_kiosk(self.request)

    @property
    def site(self):
        return self.context

    def kiosk_url(self):
        return self.site.absolute_url()

    def t(self, msgid):
        return translate(msgid, context=self.request)


class KioskElements(KioskViewBase):
    """What the kiosk transform adds to every page: the bar, the head elements and translated strings."""

    bar = ViewPageTemplateFile("templates/bar.pt")
    head_template = ViewPageTemplateFile("templates/head.pt")

    def __call__(self):
        # Used by the transform; opened by URL it shows the bar (nothing else is published).
        return self.bar()

    def head(self):
        return self.head_template()

    def resource_url(self, name):
        return f"{self.kiosk_url()}/++plone++ezabrze.kiosk/{name}"

    def location(self):
        kiosk = self.kiosk
        return kiosk.location if kiosk is not None else ""

    def strings(self):
        return {
            "external": self.t(_("QR code")),
            "download": self.t(_("Download to your phone (QR code)")),
            "qr": self.t(_("QR code of the address")),
            "scan": self.t(_("Scan the code with your phone's camera.")),
        }

    def config(self):
        settings = kiosk_settings()
        kiosk = self.kiosk
        return json.dumps(
            {
                "kiosk": kiosk.id if kiosk is not None else "",
                "idleSeconds": settings.idle_seconds if settings else 90,
                "countdownSeconds": settings.countdown_seconds if settings else 15,
                "startUrl": self.kiosk_url(),
                "resetUrl": f"{self.kiosk_url()}/@@infokiosk-reset",
                "strings": {
                    "countdownTitle": self.t(_("Are you still there?")),
                    "countdownText": self.t(
                        _(
                            "kiosk_countdown_text",
                            default="In ${seconds} s everything typed here is erased and the kiosk returns "
                            "to the start screen.",
                            mapping={"seconds": "{seconds}"},
                        )
                    ),
                    "continue": self.t(_("Continue")),
                    "endNow": self.t(_("Finish now")),
                    "keyboard": self.t(_("On-screen keyboard")),
                    "space": self.t(_("Space")),
                    "backspace": self.t(_("Delete a character")),
                    "shift": self.t(_("Capital letters")),
                    "hide": self.t(_("Hide the keyboard")),
                    "enter": self.t(_("Confirm")),
                },
            },
            ensure_ascii=True,
        ).replace("</", "<\\/")


class StartView(KioskViewBase):
    """The start screen of a kiosk: large tiles, the kiosk's district first."""

    index = ViewPageTemplateFile("templates/start.pt")

    def __call__(self):
        return self.index()

    @memoize
    def catalog(self):
        return getToolByName(self.site, "portal_catalog")

    @property
    def root_path(self):
        return "/".join(self.site.getPhysicalPath())

    @memoize
    def catalogue(self):
        """The e-services catalogue folder (ezabrze.policy), if the portal has one."""
        brains = self.catalog()(object_provides=CATALOGUE_INTERFACE, sort_on="path", sort_limit=1)
        return brains[0] if len(brains) else None

    def search_action(self):
        catalogue = self.catalogue()
        return catalogue.getURL() if catalogue is not None else f"{self.kiosk_url()}/@@search"

    def az_url(self):
        catalogue = self.catalogue()
        return f"{catalogue.getURL()}/@@uslugi-a-z" if catalogue is not None else None

    def life_events_url(self):
        catalogue = self.catalogue()
        return catalogue.getURL() if catalogue is not None else None

    def status_url(self):
        if queryMultiAdapter((self.site, self.request), name=CASE_STATUS_VIEW) is None:
            return None
        return f"{self.kiosk_url()}/@@{CASE_STATUS_VIEW}"

    def _items(self, brains):
        return [{"title": brain.Title or brain.getId, "url": brain.getURL()} for brain in brains[:LIST_LIMIT]]

    @memoize
    def news(self):
        brains = self.catalog()(
            path=self.root_path,
            portal_type="News Item",
            review_state="published",
            sort_on="effective",
            sort_order="descending",
            sort_limit=LIST_LIMIT,
        )
        return self._items(brains)

    def news_url(self):
        for news_id in NEWS_FOLDER_IDS:
            folder = self.site.get(news_id)
            if folder is not None:
                return folder.absolute_url()
        query = urlencode({"portal_type": "News Item", "sort_on": "effective", "sort_order": "reverse"})
        return f"{self.kiosk_url()}/@@search?{query}"

    @memoize
    def councils(self):
        return self.site.get(COUNCILS_SECTION)

    @memoize
    def district_council(self):
        councils = self.councils()
        kiosk = self.kiosk
        if councils is None or kiosk is None or not kiosk.district:
            return None
        return councils.get(kiosk.district)

    def district_name(self):
        council = self.district_council()
        if council is not None:
            return getattr(council, "district", None) or council.Title()
        return self.kiosk.district if self.kiosk is not None else ""

    def _notices(self, folder):
        brains = self.catalog()(
            path="/".join(folder.getPhysicalPath()),
            portal_type="Notice",
            review_state="published",
            sort_on="effective",
            sort_order="descending",
            sort_limit=LIST_LIMIT,
            expires={"query": DateTime(), "range": "min"},
        )
        return self._items(brains)

    def _board_url(self, folder):
        if queryMultiAdapter((folder, self.request), name=NOTICE_BOARD_VIEW) is not None:
            return f"{folder.absolute_url()}/@@{NOTICE_BOARD_VIEW}"
        return folder.absolute_url()

    @memoize
    def district_notices(self):
        council = self.district_council()
        if council is None:
            return None
        return {"title": council.Title(), "url": self._board_url(council), "notices": self._notices(council)}

    @memoize
    def all_notices_url(self):
        councils = self.councils()
        return self._board_url(councils) if councils is not None else None

    def contact(self):
        return get_settings()

    def opening_hours(self):
        settings = kiosk_settings()
        text = (settings.opening_hours if settings else "") or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    @memoize
    def extra_tiles(self):
        """Tiles of other features (consultations, grant calls, the network map): named IKioskTile adapters."""
        tiles = []
        for name, adapter in sorted(getAdapters((self.site, self.request), IKioskTile), key=lambda x: x[0]):
            tile = adapter.tile()
            if tile:
                tiles.append(dict(tile, id=name))
        return tiles


class UnavailableView(KioskViewBase):
    """Login, editing, management: "not available in the kiosk" (403), with the way back to the start."""

    index = ViewPageTemplateFile("templates/unavailable.pt")

    def __call__(self):
        self.request.response.setStatus(403)
        return self.index()


class ResetView(KioskViewBase):
    """End of a kiosk session: every cookie and the site's storage cleared, back to the start screen."""

    def __call__(self):
        response = self.request.response
        names = set(self.request.cookies) | set(CREDENTIAL_COOKIES)
        site_path = "/".join(self.site.getPhysicalPath())
        for name in sorted(names):
            response.expireCookie(name, path="/")
            if site_path not in ("", "/"):
                # A cookie set for the site's path is another cookie: expire it too (raw header, as the
                # response keeps one cookie per name).
                response.addHeader(
                    "Set-Cookie", f"{name}=deleted; Path={site_path}; Max-Age=0; Expires=Wed, 31 Dec 1997 23:59:59 GMT"
                )
        response.setHeader("Clear-Site-Data", '"cache", "cookies", "storage"')
        response.setHeader("Cache-Control", "no-store, private")
        return response.redirect(f"{self.kiosk_url()}?reset=1", lock=True)
