"""The kiosk start screen's tile of the consultations open now (ezabrze.theme.kiosk.interfaces.IKioskTile)."""

from ezabrze.ngo import _
from ezabrze.ngo.consultations import CONSULTATION_TYPE
from ezabrze.ngo.consultations import FOLDER_ID
from ezabrze.ngo.consultations.state import days_left
from ezabrze.ngo.consultations.state import effective_state
from ezabrze.ngo.organizations import SECTION_ID
from ezabrze.theme.kiosk.interfaces import IKioskTile
from plone import api
from zope.i18n import translate
from zope.interface import implementer


@implementer(IKioskTile)
class OpenConsultationsTile:
    def __init__(self, site, request):
        self.site = site
        self.request = request

    def tile(self):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(portal_type=CONSULTATION_TYPE, review_state=["scheduled", "open"], sort_on="consultation_end")
        items = []
        for brain in brains:
            consultation = brain.getObject()
            if effective_state(consultation) != "open":
                continue
            left = translate(_("${days} days left", mapping={"days": days_left(consultation.end)}), context=self.request)
            items.append({"title": f"{brain.Title} ({left})", "url": brain.getURL()})
        if not items:
            return None
        return {
            "title": translate(_("Consultations open now"), context=self.request),
            "url": f"{self.site.absolute_url()}/{SECTION_ID}/{FOLDER_ID}",
            "description": translate(_("Give your remarks on the city's draft acts."), context=self.request),
            "items": items[:5],
        }
