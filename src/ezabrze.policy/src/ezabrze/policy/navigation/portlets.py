"""The navigation portlet of plone.app.portlets and the portlet columns, kept for anonymous visitors
(``anonymous_fragment``).

The stock renderer builds the navigation tree with a catalog query and renders it on every page view, twice
(``available`` builds the tree as well). Pages deeper in the site (service cards, units, the catalogue) show
the portlet; for anonymous visitors both its availability and its HTML are the same until something is
committed, so they are kept per page URL, portlet manager and assignment. Logged-in users get the stock
rendering.
"""

from ezabrze.policy.interfaces import IBrowserLayer
from ezabrze.policy.utils import anonymous_fragment
from plone.app.portlets.interfaces import IColumn
from plone.app.portlets.manager import ColumnPortletManagerRenderer as StockColumnPortletManagerRenderer
from plone.app.portlets.portlets.navigation import Renderer
from zope.component import adapter
from zope.interface import Interface
from zope.publisher.interfaces.browser import IBrowserView


class NavigationRenderer(Renderer):
    def _fragment_name(self, part):
        manager = getattr(self.manager, "__name__", "")
        assignment = getattr(self.data, "__name__", "")
        return f"navigation-portlet:{part}:{manager}:{assignment}"

    @property
    def available(self):
        return anonymous_fragment(
            self.request, self.context, self._fragment_name("available"), lambda: Renderer.available.fget(self)
        )

    def render(self):
        return anonymous_fragment(self.request, self.context, self._fragment_name("html"), super().render)


# Portlets whose HTML depends only on the content, the site's settings, the URL and the language (the key of an
# anonymous fragment), never on the visitor's cookies or form input: a column of only these is kept.
KEPT_PORTLET_MODULES = frozenset((
    __name__,  # NavigationRenderer above
    "plone.app.portlets.portlets.navigation",
    "plone.app.portlets.portlets.search",
    "plone.app.portlets.portlets.actions",
    "plone.app.portlets.portlets.news",
    "plone.app.portlets.portlets.events",
    "plone.app.portlets.portlets.recent",
    "plone.portlet.static.static",
))


@adapter(Interface, IBrowserLayer, IBrowserView, IColumn)
class ColumnPortletManagerRenderer(StockColumnPortletManagerRenderer):
    """A portlet column (the left and right columns, the footer portlets), kept for anonymous visitors.

    The stock renderer finds the column's portlets by walking up from the page to the site (assignments and
    blocking at every level) and asks each one whether it is available, for the main template's
    ``have_portlets`` (whether to show the column at all) and again to render it: work that grows with the
    page's depth (a card or unit three levels down, against a stock Document at the root). For anonymous
    visitors its visibility and its HTML are kept per page URL, column and view, like the navigation portlet
    itself, when every portlet shown is of a type known not to depend on the visitor (KEPT_PORTLET_MODULES);
    the stock ``update()`` runs only when the HTML is made.

    Registered for this package's browser layer, this renderer would also win over plone.app.portlets' edit
    renderers (@@manage-portlets) and the dashboard's, which are registered for the default layer: the
    configure.zcml registers those stock classes for this layer as well, so that they keep their place.
    """

    def _fragment_name(self, part):
        view = getattr(self.__parent__, "__name__", "")
        path = "/".join(self.context.getPhysicalPath())
        return f"portlet-column:{part}:{self.manager.__name__}:{path}:{view}"

    @property
    def visible(self):
        return anonymous_fragment(self.request, self.context, self._fragment_name("visible"),
                                  lambda: StockColumnPortletManagerRenderer.visible.fget(self))

    def update(self):
        """Nothing yet: the stock update runs in ``render()`` when the HTML is made."""

    def render(self):
        """The kept HTML when every portlet shown is of a type in KEPT_PORTLET_MODULES; otherwise (say a login
        portlet, which fills in the login name from the visitor's cookie) the column is rendered for each
        request, and only that it cannot be kept is remembered."""
        fresh = []

        def render_and_check():
            fresh.append(self.render_fresh())
            keepable = all(type(p["renderer"]).__module__ in KEPT_PORTLET_MODULES for p in self.portletsToShow())
            return (keepable, fresh[0])

        keepable, html = anonymous_fragment(self.request, self.context, self._fragment_name("html"),
                                            render_and_check)
        if fresh:
            return fresh[0]
        return html if keepable else self.render_fresh()

    def render_fresh(self):
        StockColumnPortletManagerRenderer.update(self)
        return StockColumnPortletManagerRenderer.render(self)
