"""CSRF protection of REST requests authenticated by a cookie.

plone.restapi switches plone.protect's CSRF check off for its services (JSON clients send no form token).
A browser, though, sends the login cookie (``__ac``) with any request, also with a form or a ``fetch`` that
another site makes it send. So a state-changing REST request (any method but GET, HEAD, OPTIONS) that
carries the login cookie and no ``Authorization`` header must

* come from this site: an ``Origin`` header, when present, names this site (browsers send it with every
  cross-site request; a missing one means a same-origin request of an old browser or a non-browser client);
* send JSON (``Content-Type: application/json``): a cross-site page cannot send that without a CORS
  preflight, which the portal does not allow.

Clients that authenticate with a header (``Authorization: Bearer <token>`` from ``@login``, or Basic) do
not depend on cookies and are not affected.
"""

from ezabrze.policy import _
from urllib.parse import urlsplit
from zExceptions import Forbidden
from zope.i18n import translate


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOGIN_COOKIES = ("__ac",)
JSON_TYPES = ("application/json", "application/merge-patch+json")

FOREIGN_ORIGIN = _(
    "csrf_foreign_origin",
    default="This request came from another website and was refused. Log in on this site and try again.",
)
JSON_REQUIRED = _(
    "csrf_json_required",
    default="Requests that change data must send JSON (Content-Type: application/json).",
)


def _is_rest_service(request):
    from plone.rest.service import Service

    return isinstance(request.get("PUBLISHED"), Service)


def _origin(url):
    parts = urlsplit(url)
    scheme = (parts.scheme or "").lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme)
    return scheme, (parts.hostname or "").lower(), port


def same_origin(origin, server_url):
    return _origin(origin) == _origin(server_url)


def cookie_authenticated(request):
    if getattr(request, "_auth", None) or request.getHeader("Authorization"):  # Zope moves it to _auth
        return False
    return any(request.cookies.get(name) for name in LOGIN_COOKIES)


def refusal(request):
    """The message why this request is refused, or None."""
    if request.method in SAFE_METHODS or not cookie_authenticated(request) or not _is_rest_service(request):
        return None
    origin = request.getHeader("Origin")
    if origin and not same_origin(origin, request["SERVER_URL"]):
        return FOREIGN_ORIGIN
    content_type = (request.getHeader("Content-Type") or "").split(";")[0].strip().lower()
    if request.method in ("POST", "PUT", "PATCH") and content_type not in JSON_TYPES:
        return JSON_REQUIRED
    return None


def check_rest_request(event):
    """IPubAfterTraversal: refuse a cookie-authenticated cross-site or non-JSON REST change (403)."""
    request = event.request
    message = refusal(request)
    if message is not None:
        raise Forbidden(translate(message, context=request))
