"""The search page with Polish plural forms for the number of results ("1 element pasuje", "3 elementy pasują",
"5 elementów pasuje"); everything else is Plone's search view."""

from ezabrze.policy.utils import counted
from Products.CMFPlone.browser.search import Search


class PluralSearch(Search):
    def found_words(self, number):
        return counted(
            number, "item matching your search terms", "items matching your search terms", self.request
        )
