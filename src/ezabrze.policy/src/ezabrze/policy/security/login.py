"""Login throttling: after too many wrong passwords for one login name (or from one address) within the
window, further attempts — the right password too — are refused until the window has passed.

Every way in is throttled: the Classic UI form (``@@login``), REST (``POST @login``) and HTTP Basic auth
(``Authorization: Basic`` on any address, counted where Plone's user folder checks the password) — 429 with
a Polish message. A failure because the city's directory does not answer (``directory_outage``) is no wrong
password and is not counted on any of the three; a local account's wrong password always is. The counts are shared by all Zope processes of the database (ezabrze.policy.security.attempts);
failed attempts are logged with the client's address (ezabrze.policy.security.proxies).
"""

from Acquisition import aq_base
from ezabrze.policy import _
from ezabrze.policy.directory.plugin import UNAVAILABLE_FLAG
from ezabrze.policy.directory.plugin import UNAVAILABLE_MESSAGE
from ezabrze.policy.security import attempts
from ezabrze.policy.security.proxies import client_address
from pathlib import Path
from plone import api
from plone.rest.errors import ErrorHandling
from plone.restapi.deserializer import json_body
from plone.restapi.services.auth.login import Login
from Products.CMFPlone.browser import login as login_package
from Products.CMFPlone.browser.login.login import LoginForm
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.PluggableAuthService.PluggableAuthService import PluggableAuthService
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import HTTPTooManyRequests
from zope.i18n import translate

import json
import logging


logger = logging.getLogger("ezabrze.policy.security")

FAILURES_PER_LOGIN = 5
FAILURES_PER_ADDRESS = 20
# HTTP Basic auth is what API integrations use, often many behind one address (a NAT, a proxy): one address's
# failures lock them all out only at a higher count. Their failures still count towards FAILURES_PER_ADDRESS
# for the login form and REST @login of that address; the per-login limit is the same.
BASIC_FAILURES_PER_ADDRESS = 100
WINDOW_SECONDS = 15 * 60

THROTTLED = _(
    "login_throttled",
    default="Too many failed login attempts. Wait ${minutes} minutes and try again.",
    mapping={"minutes": WINDOW_SECONDS // 60},
)


def _keys(login, request, address_limit=FAILURES_PER_ADDRESS):
    return (f"login:{login.strip().lower()}", FAILURES_PER_LOGIN), (f"addr:{client_address(request)}",
                                                                    address_limit)


def _db(context=None):
    context = api.portal.get() if context is None else context
    return context._p_jar.db()


def throttled(login, request, db=None, address_limit=FAILURES_PER_ADDRESS):
    db = _db() if db is None else db
    keys = _keys(login, request, address_limit)
    found = attempts.counts(db, [key for key, _limit in keys], WINDOW_SECONDS)
    return any(number >= limit for number, (_key, limit) in zip(found, keys, strict=True))


def record_failure(login, request, db=None):
    logger.warning("Failed login for %r from %s", login[:100], client_address(request))
    attempts.record(_db() if db is None else db, [key for key, _limit in _keys(login, request)], WINDOW_SECONDS)


def reset(db):
    """Forget all failed logins (tests, or an administrator after a lock-out)."""
    attempts.reset(db)


def _local_account(pas, login):
    """True if ``login`` is a local account: the site's own user folder or the Zope root's (the administrator)."""
    source = getattr(pas, "source_users", None)
    if source is not None and hasattr(source, "getUserIdForLogin"):
        name = pas.applyTransform(login) if hasattr(pas, "applyTransform") else login
        try:
            source.getUserIdForLogin(name)
            return True
        except KeyError:
            pass
    root_folder = getattr(pas.getPhysicalRoot(), "acl_users", None)
    if root_folder is not None and aq_base(root_folder) is not aq_base(pas):
        try:
            return root_folder.getUser(login) is not None
        except Exception:
            logger.exception("Looking up %r in the root user folder failed", login[:100])
    return False


def directory_outage(login, request, pas=None):
    """The failed login is the city's directory not answering, not a wrong password: the directory was found
    unavailable in this request (ezabrze.policy.directory) and ``login`` is no local account. A local account's
    wrong password counts during an outage too (no unthrottled guessing while the directory is down)."""
    if not request.get(UNAVAILABLE_FLAG):
        return False
    pas = api.portal.get_tool("acl_users") if pas is None else pas
    return not _local_account(pas, login)


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
            if directory_outage(login, self.request):
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
            if directory_outage(login, self.request):
                # the city's directory did not answer (ezabrze.policy.directory): say so, in Polish
                return {"error": {"type": "DirectoryUnavailable",
                                  "message": translate(UNAVAILABLE_MESSAGE, context=self.request)}}
            record_failure(login, self.request)
        return result


class LoginThrottled(HTTPTooManyRequests):
    """HTTP Basic auth for a throttled login (or from a throttled address): 429, the right password too."""


class LoginThrottledPage(BrowserView):
    """A throttled Basic auth in the browser: 429, Polish text, no login."""

    def __call__(self):
        response = self.request.response
        response.setStatus(429, lock=1)
        response.setHeader("Retry-After", str(WINDOW_SECONDS))
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return translate(THROTTLED, context=self.request)


class LoginThrottledHandling(ErrorHandling):
    """A throttled Basic auth on the REST API: 429 and the Polish message (plone.rest would answer 500)."""

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setHeader("Retry-After", str(WINDOW_SECONDS))
        response.setStatus(429, lock=1)
        body = {"type": "TooManyRequests", "message": translate(THROTTLED, context=self.request)}
        response.setBody(json.dumps(body), lock=1)
        response._has_challenged = True


BASIC_CHECKED = "ezabrze.security.basic_auth_checked"


def _accepted(login, result):
    return any(login.lower() in (str(user_id).lower(), str(name or "").lower()) for user_id, name in result)


def _root_user_folder_accepts(pas, login, password, request):
    """True if the Zope root's user folder (the administrator of buildout) accepts the credentials.

    Plone's user folder does not know the root users; the publisher asks the root's user folder after it,
    so a root user's right password must not count as a failure here."""
    root_folder = getattr(pas.getPhysicalRoot(), "acl_users", None)
    if root_folder is None or aq_base(root_folder) is aq_base(pas):
        return False
    try:
        if isinstance(aq_base(root_folder), PluggableAuthService):
            return _accepted(login, _extract_user_ids(root_folder, request, root_folder.plugins))
        return root_folder.authenticate(login, password, request) is not None
    except Exception:
        logger.exception("Checking HTTP Basic auth against the root user folder failed")
        return False


def _extract_user_ids_throttled(self, request, plugins):
    """PAS ``_extractUserIds`` with login throttling for credentials sent as HTTP Basic auth."""
    credentials = request._authUserPW() if hasattr(request, "_authUserPW") else None
    jar = getattr(aq_base(self), "_p_jar", None)
    if not credentials or not credentials[0] or jar is None:
        return _extract_user_ids(self, request, plugins)
    login, password = credentials
    db = jar.db()
    # PAS may be asked several times in one request: checked and counted once, on the first time.
    state = request.environ.get(BASIC_CHECKED)
    if state is None:
        state = request.environ[BASIC_CHECKED] = {
            "throttled": throttled(login, request, db, address_limit=BASIC_FAILURES_PER_ADDRESS), "counted": False,
            "accepted": False}
    if state["throttled"]:
        logger.warning("Throttled HTTP Basic auth for %r from %s", login[:100], client_address(request))
        raise LoginThrottled(translate(THROTTLED, context=request))
    result = _extract_user_ids(self, request, plugins)
    if _accepted(login, result):
        # The publisher asks the next user folder up (the Zope root's) when the user, although authenticated
        # here, lacks a role for the address (401/403): that is not a wrong password.
        state["accepted"] = True
    elif not state["accepted"] and not state["counted"]:
        state["counted"] = True
        if directory_outage(login, request, self):
            # the city's directory did not answer (as on the login form and REST @login): not a wrong password
            logger.warning("HTTP Basic auth for %r from %s not checked: the directory is unavailable",
                           login[:100], client_address(request))
        elif not _root_user_folder_accepts(self, login, password, request):
            record_failure(login, request, db)
    return result


_extract_user_ids = PluggableAuthService._extractUserIds
_extract_user_ids_throttled.__wrapped__ = _extract_user_ids
PluggableAuthService._extractUserIds = _extract_user_ids_throttled
