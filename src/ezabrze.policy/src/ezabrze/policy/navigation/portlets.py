"""The navigation portlet of plone.app.portlets, kept for anonymous visitors (``anonymous_fragment``).

The stock renderer builds the navigation tree with a catalog query and renders it on every page view, twice
(``available`` builds the tree as well). Pages deeper in the site (service cards, units, the catalogue) show
the portlet; for anonymous visitors both its availability and its HTML are the same until something is
committed, so they are kept per page URL, portlet manager and assignment. Logged-in users get the stock
rendering.
"""

from ezabrze.policy.utils import anonymous_fragment
from plone.app.portlets.portlets.navigation import Renderer


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
