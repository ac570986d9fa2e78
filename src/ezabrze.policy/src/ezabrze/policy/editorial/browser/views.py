"""Send-back form, the workflow view of the Classic UI that shows refusals, the control panel, "my work"."""

from AccessControl import Unauthorized
from DateTime import DateTime
from datetime import date
from ezabrze.policy import _
from ezabrze.policy.editorial.workflow import four_eyes_applies
from ezabrze.policy.editorial.workflow import IEditorialSettings
from ezabrze.policy.editorial.workflow import is_author
from ezabrze.policy.editorial.workflow import last_rejection
from ezabrze.policy.editorial.workflow import REGISTRY_PREFIX
from ezabrze.policy.editorial.workflow import REJECT
from ezabrze.policy.interfaces import IBrowserLayer
from plone import api
from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.protect import CheckAuthenticator
from plone.restapi.controlpanels import RegistryConfigletPanel
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zope.component import adapter
from zope.interface import Interface

import Missing
import transaction


STALE_MONTHS = 12


class SendBackForm(BrowserView):
    """The reviewer's "Send back" with its required reason (the workflow menu links here)."""

    error = None

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and form.get("form.buttons.send_back"):
            CheckAuthenticator(self.request)
            reason = (form.get("reason") or "").strip()
            try:
                api.portal.get_tool("portal_workflow").doActionFor(self.context, REJECT, comment=reason)
            except WorkflowException as error:
                self.error = str(error)
            else:
                IStatusMessage(self.request).add(_("The item was sent back to its author."), type="info")
                return self.request.response.redirect(self.context.absolute_url())
        elif self.request.method == "POST" and form.get("form.buttons.cancel"):
            return self.request.response.redirect(self.context.absolute_url())
        return self.index()


class StatusModify(ContentStatusModifyView):
    """content_status_modify that turns a refused transition into an error message instead of an error page."""

    def __call__(self, workflow_action=None, comment="", effective_date=None, expiration_date=None, **kwargs):
        try:
            return super().__call__(workflow_action, comment, effective_date, expiration_date, **kwargs)
        except WorkflowException as error:
            transaction.doom()
            IStatusMessage(self.request).add(str(error), type="error")
            target = "@@zwroc-do-poprawy" if workflow_action == REJECT else "content_status_history"
            return self.request.response.redirect(f"{self.context.absolute_url()}/{target}")


class EditorialSettingsForm(RegistryEditForm):
    schema = IEditorialSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Four-eyes rule")
    description = _("Which content must be published by someone else than its author.")


class EditorialSettingsControlPanel(ControlPanelFormWrapper):
    form = EditorialSettingsForm


@adapter(Interface, IBrowserLayer)
class EditorialSettingsConfigletPanel(RegistryConfigletPanel):
    """@controlpanels/ezabrze-editorial"""

    schema = IEditorialSettings
    schema_prefix = REGISTRY_PREFIX
    configlet_id = "ezabrze-editorial"
    configlet_category_id = "Products"
    title = _("Four-eyes rule")
    group = "Products"


def _v(brain, name):
    value = getattr(brain, name, None)
    return None if value is Missing.Value else value


def _when(value):
    if value is None:
        return ""
    if not isinstance(value, DateTime):
        value = DateTime(value)
    return value.strftime("%d.%m.%Y %H:%M")


class MyWork(BrowserView):
    """"Moja praca": drafts, items waiting for my review, items sent back to me, stale service cards."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your work.")
        self.userid = api.user.get_current().getId()
        return self.index()

    def _row(self, brain, **extra):
        row = {
            "title": brain.Title or brain.getId,
            "url": brain.getURL(),
            "type": brain.portal_type,
            "modified": _when(_v(brain, "modified")),
            "path": "/".join(brain.getPath().split("/")[2:-1]),
        }
        row.update(extra)
        return row

    def drafts(self):
        rows = []
        for brain in api.content.find(Creator=self.userid, review_state="private", sort_on="modified",
                                      sort_order="descending"):
            obj = brain.getObject()
            if last_rejection(obj) is None:
                rows.append(self._row(brain))
        return rows

    def sent_back(self):
        rows = []
        for brain in api.content.find(Creator=self.userid, review_state="private", sort_on="modified",
                                      sort_order="descending"):
            rejection = last_rejection(brain.getObject())
            if rejection is not None:
                actor = api.user.get(userid=rejection.get("actor"))
                rows.append(
                    self._row(
                        brain,
                        reason=rejection.get("comments") or "",
                        by=(actor.getProperty("fullname") or actor.getId()) if actor else rejection.get("actor"),
                        when=_when(rejection.get("time")),
                    )
                )
        return rows

    def to_review(self):
        rows = []
        for brain in api.content.find(review_state="pending", sort_on="modified"):
            obj = brain.getObject()
            if not api.user.has_permission("Review portal content", obj=obj):
                continue
            if four_eyes_applies(obj) and is_author(obj, self.userid):
                continue
            rows.append(self._row(brain, author=", ".join(obj.listCreators())))
        return rows

    def stale_services(self):
        """Service cards the user may edit whose last review is older than 12 months (or missing)."""
        today = date.today()
        from ezabrze.policy.catalogue.browser.views import one_year_before  # 29 February has no year before

        cutoff = DateTime(one_year_before(today).isoformat())
        catalog = api.portal.get_tool("portal_catalog")
        rows = []
        if "catalogue_last_review" not in catalog.indexes():
            return rows
        for brain in catalog.searchResults(portal_type="Service", sort_on="catalogue_last_review"):
            reviewed = _v(brain, "catalogue_last_review")
            if reviewed is not None and DateTime(str(reviewed)) >= cutoff:
                continue
            obj = brain.getObject()
            if not api.user.has_permission("Modify portal content", obj=obj):
                continue
            rows.append(self._row(brain, last_review=_when(reviewed)[:10] if reviewed else None))
        return rows
