"""Password reset that tells nobody whether an account exists, and never shows a mail server's error.

Plone's ``mail_password`` answers "The username you entered could not be found." for an unknown login (so
anyone can test logins) and lets a failing mail server's exception ("[Errno 111] Connection refused") reach
the visitor. This view gives every request the same confirmation page; what went wrong is logged for the
administrators.
"""

from Products.Five import BrowserView
from zope.component import getMultiAdapter

import logging


logger = logging.getLogger("ezabrze.policy.security")


class MailPasswordView(BrowserView):
    def __call__(self):
        if self.request.method != "POST":
            self.request.response.redirect(self.context.absolute_url() + "/mail_password_form")
            return ""
        login = self.request.form.get("userid", "")
        login = login if isinstance(login, str) else ""
        registration = self.context.portal_registration
        try:
            registration.mailPassword(login, self.request, immediate=True)
        except Exception as exc:  # unknown login, no e-mail, mail server down: the same answer for all
            logger.warning("Password reset for %r not sent: %s: %s", login[:100], type(exc).__name__, exc)
        return getMultiAdapter((self.context, self.request), name="mail_password_response")()
