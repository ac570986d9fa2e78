"""The kiosk start screen's tile of the grant calls accepting offers now (ezabrze.theme.kiosk.interfaces.IKioskTile)."""

from ezabrze.ngo import _
from ezabrze.ngo.competitions import CALL_TYPE
from ezabrze.ngo.competitions import FOLDER_ID
from ezabrze.ngo.competitions.state import accepting
from ezabrze.ngo.organizations import SECTION_ID
from ezabrze.theme.kiosk.interfaces import IKioskTile
from plone import api
from zope.i18n import translate
from zope.interface import implementer


@implementer(IKioskTile)
class OpenGrantCallsTile:
    def __init__(self, site, request):
        self.site = site
        self.request = request

    def tile(self):
        catalog = api.portal.get_tool("portal_catalog")
        items = [
            {"title": brain.Title, "url": brain.getURL()}
            for brain in catalog(portal_type=CALL_TYPE, review_state="announced", sort_on="grant_deadline")
            if accepting(brain.getObject())
        ]
        if not items:
            return None
        return {
            "title": translate(_("Grant calls open now"), context=self.request),
            "url": f"{self.site.absolute_url()}/{SECTION_ID}/{FOLDER_ID}",
            "description": translate(_("Open competitions for NGOs: offers are accepted until the deadline."),
                                     context=self.request),
            "items": items[:5],
        }
