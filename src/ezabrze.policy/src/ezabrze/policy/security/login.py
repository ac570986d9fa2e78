"""Login throttling: after too many wrong passwords for one login name (or from one address) within the
window, further attempts — the right password too — are refused until the window has passed.

Both ways in are throttled: the Classic UI form (``@@login``) and REST (``POST @login``, 429). The counts
live in memory per Zope process (ezabrze.policy.cases.ratelimit); failed attempts are logged with the
client's address (ezabrze.policy.security.proxies).
"""

from ezabrze.policy import _
from ezabrze.policy.cases.ratelimit import SlidingWindowLimiter
from ezabrze.policy.directory.plugin import UNAVAILABLE_FLAG
from ezabrze.policy.directory.plugin import UNAVAILABLE_MESSAGE
from ezabrze.policy.security.proxies import client_address
from pathlib import Path
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.services.auth.login import Login
from Products.CMFPlone.browser import login as login_package
from Products.CMFPlone.browser.login.login import LoginForm
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

import logging


logger = logging.getLogger("ezabrze.policy.security")

FAILURES_PER_LOGIN = 5
FAILURES_PER_ADDRESS = 20
WINDOW_SECONDS = 15 * 60

failures = SlidingWindowLimiter()

THROTTLED = _(
    "login_throttled",
    default="Too many failed login attempts. Wait ${minutes} minutes and try again.",
    mapping={"minutes": WINDOW_SECONDS // 60},
)


def _keys(login, request):
    return (f"login:{login.strip().lower()}", FAILURES_PER_LOGIN), (f"addr:{client_address(request)}",
                                                                    FAILURES_PER_ADDRESS)


def throttled(login, request):
    return any(not failures.allowed(key, limit, WINDOW_SECONDS) for key, limit in _keys(login, request))


def record_failure(login, request):
    logger.warning("Failed login for %r from %s", login[:100], client_address(request))
    for key, limit in _keys(login, request):
        failures.hit(key, limit, WINDOW_SECONDS)


class ThrottledLoginForm(LoginForm):
    """Plone's login form (and its template), refusing a throttled login before it is completed."""

    index = ViewPageTemplateFile(str(Path(login_package.__file__).parent / "templates" / "login.pt"))

    def update(self):
        login = self.request.form.get("__ac_name")
        submitted = self.request.method == "POST" and isinstance(login, str) and bool(login)
        if submitted and throttled(login, self.request):
            for key in [k for k in self.request.form if k.endswith("buttons.login")]:
                del self.request.form[key]  # the login button is not handled: no login cookie
            self.request.response.expireCookie("__ac", path="/")
            self.request.response.setStatus(429)
            IStatusMessage(self.request).addStatusMessage(translate(THROTTLED, context=self.request), "error")
            logger.warning("Throttled login for %r from %s", login[:100], client_address(self.request))
            return super().update()
        result = super().update()
        if submitted and api.user.is_anonymous():
            if self.request.get(UNAVAILABLE_FLAG):
                # the city's directory did not answer: not the person's wrong password
                IStatusMessage(self.request).addStatusMessage(
                    translate(UNAVAILABLE_MESSAGE, context=self.request), "error"
                )
            else:
                record_failure(login, self.request)
        return result


class ThrottledLogin(Login):
    """REST ``POST @login`` with the same throttling (429)."""

    def reply(self):
        data = json_body(self.request)
        login = data.get("login") if isinstance(data, dict) else None
        if isinstance(login, str) and throttled(login, self.request):
            self.request.response.setStatus(429)
            self.request.response.setHeader("Retry-After", str(WINDOW_SECONDS))
            return {"error": {"type": "TooManyRequests", "message": translate(THROTTLED, context=self.request)}}
        if isinstance(data, dict) and not (isinstance(login, str) and isinstance(data.get("password"), str)):
            self.request.response.setStatus(400)
            return {"error": {"type": "Missing credentials",
                              "message": "Login and password must be provided in body."}}
        result = super().reply()
        if self.request.response.getStatus() == 401:
            if self.request.get(UNAVAILABLE_FLAG):
                # the city's directory did not answer (ezabrze.policy.directory): say so, in Polish
                return {"error": {"type": "DirectoryUnavailable",
                                  "message": translate(UNAVAILABLE_MESSAGE, context=self.request)}}
            record_failure(login, self.request)
        return result
