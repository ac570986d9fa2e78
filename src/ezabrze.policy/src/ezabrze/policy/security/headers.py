"""Response headers: no product versions, and the browser protections the Classic UI can live with.

* ``X-Powered-By`` (Zope and Python) is not sent.
* ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: strict-origin-when-cross-origin``.
* ``Content-Security-Policy``: own scripts and styles (inline ones too: the Classic UI and TinyMCE need them),
  images also from https and data URIs, frames only from the site and the video/map hosts the editors embed,
  no plugins, forms and ``<base>`` only to the site, and no framing by other sites.
Set on every response, errors included (also for the REST API).
"""

from ZPublisher.HTTPResponse import HTTPBaseResponse


EMBED_HOSTS = "https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com " \
              "https://www.openstreetmap.org https://www.google.com"
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
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
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
}


def set_headers(event):
    """IPubBeforeCommit / IPubBeforeAbort: the security headers (kept when a view set its own)."""
    response = event.request.response
    for name, value in HEADERS.items():
        if not response.getHeader(name):
            response.setHeader(name, value)


# Zope adds it in HTTPBaseResponse.listHeaders, under every response class (WSGIResponse too).
_list_headers = HTTPBaseResponse.listHeaders


def _list_headers_without_powered_by(self):
    return [(key, value) for key, value in _list_headers(self) if key.lower() != "x-powered-by"]


_list_headers_without_powered_by.__wrapped__ = _list_headers
HTTPBaseResponse.listHeaders = _list_headers_without_powered_by
