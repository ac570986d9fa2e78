"""Response headers: no product versions, and the browser protections the Classic UI can live with.

* ``X-Powered-By`` (Zope and Python) is not sent.
* ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: strict-origin-when-cross-origin``.
* ``Content-Security-Policy``: scripts only from the site's own files — no inline scripts, no ``eval`` (Plone
  6.2's Classic UI has none on its pages: its bundles are files, its settings ``data-`` attributes, the kiosk's
  configuration a JSON block that is never executed); styles from the site, inline ones too (TinyMCE and
  Patternslib set ``style`` attributes); images also from https and data URIs, frames only from the site and the
  video/map hosts the editors embed, no plugins, forms and ``<base>`` only to the site, no framing by other
  sites. Logged-in users get ``EDIT_CONTENT_SECURITY_POLICY`` (see there: what of the editing UI needs more).
  Checked in headless Chromium (tests/browser/test_csp.py): public pages, the edit form with TinyMCE, the
  kiosk pages report no violation.
Set on every response, errors included (also for the REST API).
"""

from ZPublisher.HTTPResponse import HTTPBaseResponse


EMBED_HOSTS = "https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com " \
              "https://www.openstreetmap.org https://www.google.com"

def _policy(script_src):
    return "; ".join(
        (
            "default-src 'self'",
            f"script-src {script_src}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: https:",
            "font-src 'self' data:",
            "connect-src 'self'",
            f"frame-src 'self' {EMBED_HOSTS}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        )
    )


CONTENT_SECURITY_POLICY = _policy("'self'")
# Logged-in users also ``'unsafe-eval'`` (never ``'unsafe-inline'``): Plone's folder contents (mockup's
# pat-structure, chunk of bundle-plone) compiles its underscore.js templates with ``new Function``. Everything
# else of the editing UI (edit forms with TinyMCE, control panels) runs without it. Anonymous visitors — the
# public pages, the kiosks — never get it.
EDIT_CONTENT_SECURITY_POLICY = _policy("'self' 'unsafe-eval'")
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
}


def _logged_in(request):
    user = request.get("AUTHENTICATED_USER")
    return user is not None and getattr(user, "getUserName", lambda: "Anonymous User")() != "Anonymous User"


def set_headers(event):
    """IPubBeforeCommit / IPubBeforeAbort: the security headers (kept when a view set its own)."""
    request = event.request
    response = request.response
    headers = dict(HEADERS)
    if _logged_in(request):
        headers["Content-Security-Policy"] = EDIT_CONTENT_SECURITY_POLICY
    for name, value in headers.items():
        if not response.getHeader(name):
            response.setHeader(name, value)


# Zope adds it in HTTPBaseResponse.listHeaders, under every response class (WSGIResponse too).
_list_headers = HTTPBaseResponse.listHeaders


def _list_headers_without_powered_by(self):
    return [(key, value) for key, value in _list_headers(self) if key.lower() != "x-powered-by"]


_list_headers_without_powered_by.__wrapped__ = _list_headers
HTTPBaseResponse.listHeaders = _list_headers_without_powered_by
