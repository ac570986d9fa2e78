"""The button "Synchronizuj z katalogiem" of the staff directory: a POST (CSRF token) runs the synchronisation
and shows its report; GET shows the form and the last reports."""

from ezabrze.policy import _
from ezabrze.policy.directory import sync
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate


LABELS = {
    "title": _("Full name"),
    "position": _("Position"),
    "unit": _("Unit"),
    "phone": _("Phone"),
    "room": _("Room"),
    "email": _("E-mail"),
    "archived": _("Archived (left the office)"),
}


class SyncView(BrowserView):
    report = None
    error = None

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            try:
                self.report = sync.synchronize(actor=api.user.get_current().getId())
            except sync.DirectoryUnavailable as error:
                self.error = translate(error.args[0], context=self.request)
                IStatusMessage(self.request).add(self.error, "error")
            else:
                IStatusMessage(self.request).add(
                    translate(_("The staff directory is synchronised with the city's directory."),
                              context=self.request),
                    "info",
                )
        return self.index()

    def reports(self):
        return sync.reports(self.context)

    def field_labels(self, fields):
        return ", ".join(translate(LABELS.get(name, name), context=self.request) for name in fields)
