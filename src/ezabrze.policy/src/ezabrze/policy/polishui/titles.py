"""Page titles and breadcrumbs that Plone writes in English on Polish pages.

- The browser title (plone.app.layout's title viewlet) writes the context's title as text, never translated:
  plone.app.dexterity's types panel and plone.app.users' member fields panel are contexts titled with an i18n
  message ("Content Types", "Member Fields"), and a type's own pages (its overview, fields, behaviors) are
  titled with the type's stored title ("Page"). The viewlet below translates a message, and takes a type's
  title from its FTI, whose Title() is a message of the type's i18n domain ("Page" -> "Strona").
- The same type's title, in the breadcrumbs of a type's pages: the types panel (``@@dexterity-types``) makes a
  type's schema context with the stored title; the subclass below, registered for the policy's browser layer,
  gives it the FTI's Title(), a message, which the breadcrumbs translate.
- plone.app.contentrules' add views (+rule, +condition, +action) are the context of their forms and have no
  title, so the browser title and the breadcrumbs showed the traversal name ("+rule"). The subclasses below
  have a title; they are registered for the policy's browser layer (configure.zcml), otherwise the same.
Can go when plone.app.layout translates a message title and plone.app.contentrules' add views have titles
(tests/polishui/test_titles.py and the scan in tests/site/test_polish_plone_pages.py show it).
"""

from AccessControl import ClassSecurityInfo
from AccessControl.class_init import InitializeClass
from ezabrze.policy import _
from html import escape
from plone.app.contentrules.browser.adding import RuleActionAdding
from plone.app.contentrules.browser.adding import RuleAdding
from plone.app.contentrules.browser.adding import RuleConditionAdding
from plone.app.dexterity.browser.types import TypesContext
from plone.app.dexterity.interfaces import ITypeSchemaContext
from plone.app.layout.viewlets.common import TitleViewlet
from plone.memoize.view import memoize
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.i18nmessageid import Message


class TranslatedTitleViewlet(TitleViewlet):
    """plone.app.layout's title viewlet, translating a title that is a message or a content type's title."""

    @property
    @memoize
    def page_title(self):
        title = self._title_to_translate()
        if title is None:
            return super().page_title
        return escape(translate(title, context=self.request))

    def _title_to_translate(self):
        fti = getattr(self.context, "fti", None)
        if ITypeSchemaContext.providedBy(self.context) and fti is not None:
            return fti.Title()
        title = getMultiAdapter((self.context, self.request), name="plone_context_state").object_title()
        return title if isinstance(title, Message) else None


class TypesContextWithTranslatedTitles(TypesContext):
    """plone.app.dexterity's types panel: a type's schema context is titled with the FTI's Title(), a message of
    the type's i18n domain, instead of the stored title (the breadcrumbs of a type's pages)."""

    def publishTraverse(self, request, name):
        context = super().publishTraverse(request, name)
        fti = getattr(context, "fti", None)
        if ITypeSchemaContext.providedBy(context) and fti is not None:
            title = fti.Title()
            context.Title = lambda: title
        return context


def _titled(adding_class, title):
    class Titled(adding_class):
        security = ClassSecurityInfo()

        @security.public
        def Title(self):
            return title

    Titled.__name__ = Titled.__qualname__ = "Titled" + adding_class.__name__
    Titled.__doc__ = f"plone.app.contentrules' {adding_class.__name__} with a title: {title}"
    InitializeClass(Titled)
    return Titled


TitledRuleAdding = _titled(RuleAdding, _("Add a content rule"))
TitledRuleConditionAdding = _titled(RuleConditionAdding, _("Add a condition"))
TitledRuleActionAdding = _titled(RuleActionAdding, _("Add an action"))
