"""Requests Zope cannot handle answer 4xx, not 5xx (both found by schemathesis).

* An HTTP method other than GET/POST that plone.rest does not route (e.g. ``QUERY``): Zope's traversal raised a
  bare AttributeError on a REST endpoint's name (``/@citizen-forms``) — a 500.
* ``Content-Type: multipart/form-data`` without its ``boundary``: Zope's body parser raised KeyError — a 5xx.

An exception raised before traversal has no exception view (500 again), so such a request is marked when it
starts, made harmless (traversed as a GET, its body not parsed) and refused right after traversal: 405 for the
method, 400 for the body. The methods HTTP, plone.rest and WebDAV use pass untouched.
"""

from email.message import Message
from zExceptions import BadRequest
from zExceptions import MethodNotAllowed


KNOWN_METHODS = frozenset(
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
        # WebDAV (Zope's webdav support)
        "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK",
    }
)
REFUSED_METHOD = "ezabrze.refused_method"
REFUSED_BODY = "ezabrze.refused_body"


def _multipart_without_boundary(content_type):
    if not content_type.lower().lstrip().startswith("multipart/"):
        return False
    header = Message()
    header["Content-Type"] = content_type
    return not header.get_param("boundary")


def mark_malformed(event):
    """IPubStart: remember what Zope would fail on, and make the request safe to traverse."""
    environ = event.request.environ
    method = (environ.get("REQUEST_METHOD") or "GET").upper()
    if method not in KNOWN_METHODS:
        environ[REFUSED_METHOD] = method
        environ["REQUEST_METHOD"] = "GET"
        if hasattr(event.request, "method"):
            event.request.method = "GET"
    content_type = environ.get("CONTENT_TYPE") or ""
    if _multipart_without_boundary(content_type):
        environ[REFUSED_BODY] = content_type
        environ["CONTENT_TYPE"] = "application/octet-stream"


def refuse_malformed(event):
    """IPubAfterTraversal: 405 / 400 for the requests marked above."""
    environ = event.request.environ
    method = environ.get(REFUSED_METHOD)
    if method:
        event.request.response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
        raise MethodNotAllowed(f"The HTTP method {method[:20]} is not supported.")
    if environ.get(REFUSED_BODY):
        raise BadRequest("A multipart body needs its boundary in the Content-Type header.")
