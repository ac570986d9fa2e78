"""Plone's viewlets whose work grows with a page's depth, kept for anonymous visitors (``anonymous_fragment``).

Profiled against a stock Document at the site's root (``scripts/profile_pages.py``), a service card or a unit
three levels down spends more on the breadcrumbs (one ``breadcrumbs_view`` per level, each looking up the
parent's default page), on next/previous navigation (asked of the parent folder, with catalog queries when it is
enabled) and on the feed links (the syndication settings of the context). Their HTML depends only on the
content, its parents and the site's settings, so for anonymous visitors it is the same until anything is
committed: it is kept per page URL (and query string), viewlet manager, viewlet, context and view, like the
navigation portlet. Logged-in users, non-GET requests and transactions with unsaved changes get the stock
rendering.

The stock ``update()`` runs only when the HTML is rendered (inside ``render()``): a kept fragment needs none
of its work.
"""

from ezabrze.policy.utils import anonymous_fragment
from plone.app.layout.links.viewlets import RSSViewlet as StockRSSViewlet
from plone.app.layout.nextprevious.view import NextPreviousLinksViewlet as StockNextPreviousLinksViewlet
from plone.app.layout.nextprevious.view import NextPreviousViewlet as StockNextPreviousViewlet
from plone.app.layout.viewlets.common import PathBarViewlet as StockPathBarViewlet


class KeptForAnonymous:
    """Mixin for a stock viewlet class: its HTML kept for anonymous visitors (see the module)."""

    def update(self):
        """Nothing yet: the stock update runs in ``render()`` when the HTML is made."""

    def fragment_name(self):
        manager = getattr(self.manager, "__name__", "")
        view = getattr(self.view, "__name__", "")
        path = "/".join(self.context.getPhysicalPath())
        return f"viewlet:{manager}:{self.__name__}:{path}:{view}"

    def render(self):
        return anonymous_fragment(self.request, self.context, self.fragment_name(), self.render_fresh)

    def render_fresh(self):
        super().update()
        return super().render()


class PathBarViewlet(KeptForAnonymous, StockPathBarViewlet):
    """The breadcrumbs."""


class NextPreviousViewlet(KeptForAnonymous, StockNextPreviousViewlet):
    """The links to the next and previous item of the folder, below the content."""


class NextPreviousLinksViewlet(KeptForAnonymous, StockNextPreviousLinksViewlet):
    """The same as <link rel="next/previous"> in the page's head."""


class RSSViewlet(KeptForAnonymous, StockRSSViewlet):
    """The feed links in the page's head."""
