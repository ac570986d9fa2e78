from datetime import date
from ezabrze.theme.utils import get_settings
from ezabrze.theme.utils import statement_url
from ezabrze.theme.utils import tel_href
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter


class SettingsViewletBase(ViewletBase):
    def update(self):
        super().update()
        self.settings = get_settings()
        self.statement_url = statement_url(self.site_url, self.settings.accessibility_statement)


class SkipLinksViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/skiplinks.pt")


class AccessibilityStatementMetaViewlet(SettingsViewletBase):
    """The meta tag recommended by the Polish digital accessibility act (ustawa o dostępności cyfrowej)."""

    index = ViewPageTemplateFile("templates/statement_meta.pt")


class FooterViewlet(SettingsViewletBase):
    index = ViewPageTemplateFile("templates/footer.pt")

    def update(self):
        super().update()
        self.year = date.today().year
        self.tel_href = tel_href(self.settings.phone)
        self.mailto_href = f"mailto:{self.settings.email}"

    def site_actions(self):
        context_state = getMultiAdapter((self.context, self.request), name="plone_context_state")
        return context_state.actions("site_actions")
