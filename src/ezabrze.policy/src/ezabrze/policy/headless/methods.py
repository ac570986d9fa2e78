"""HTTP methods Zope does not know answer 405, not 500.

For a method other than GET/POST that plone.rest does not route (e.g. ``QUERY``), Zope's traversal raises a bare
AttributeError on a REST endpoint's name (``/@citizen-forms``) — a 500 for anybody (found by schemathesis).
An exception raised before traversal has no exception view (500 again), so such a request is traversed as a GET
(which changes nothing) and refused right after traversal with 405. The methods HTTP, plone.rest and WebDAV use
pass untouched.
"""

from zExceptions import MethodNotAllowed


KNOWN_METHODS = frozenset(
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
        # WebDAV (Zope's webdav support)
        "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK",
    }
)
REFUSED_KEY = "ezabrze.refused_method"


def mark_unknown_method(event):
    """IPubStart: remember an unknown method and traverse as GET."""
    request = event.request
    method = (request.environ.get("REQUEST_METHOD") or "GET").upper()
    if method not in KNOWN_METHODS:
        request.environ[REFUSED_KEY] = method
        request.environ["REQUEST_METHOD"] = "GET"
        if hasattr(request, "method"):
            request.method = "GET"


def refuse_unknown_method(event):
    """IPubAfterTraversal: 405 for the request marked above."""
    method = event.request.environ.get(REFUSED_KEY)
    if method:
        event.request.response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
        raise MethodNotAllowed(f"The HTTP method {method[:20]} is not supported.")
