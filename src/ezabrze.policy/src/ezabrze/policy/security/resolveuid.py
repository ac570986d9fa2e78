"""``resolveuid/<uid>`` redirects only to what the visitor may see.

plone.outputfilters looks the UID up without a security check and redirects to the item's address, so anyone
could learn the path (and title words) of an intranet item from its UID. Here the lookup respects the
visitor's permissions: an item they may not see is "not found", exactly like a UID that does not exist.
"""

from plone import api
from plone.outputfilters.browser.resolveuid import ResolveUIDView
from zExceptions import NotFound


class SecureResolveUIDView(ResolveUIDView):
    def __call__(self):
        catalog = api.portal.get_tool("portal_catalog")
        if not isinstance(self.uuid, str) or len(catalog.searchResults(UID=self.uuid)) != 1:  # restricted search
            raise NotFound("The link you followed is broken")
        return super().__call__()
