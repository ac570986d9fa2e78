"""No request may cause a 5xx through bad input; errors say what was wrong in Polish and never show internals.

* Query-string type converters (``?page:int=x``, ``?b:date=…``) that Zope cannot convert: taken out when the
  request starts (before Zope's own conversion, which would end in a 500), refused after traversal — 400.
* Our own pages and services read text parameters; a list or record made by a converter
  (``?category:list=a&category:list=b``) is refused with 400 instead of failing inside the view.
* A REST body that is not JSON (``plone.restapi``'s DeserializationError, also from collective.honeypot,
  which reads the body of every POST) — 400 with a Polish message.
"""

from ezabrze.policy import _
from io import BytesIO
from plone.rest.errors import ErrorHandling
from Products.Five import BrowserView
from urllib.parse import parse_qsl
from urllib.parse import urlencode
from zExceptions import BadRequest
from zope.i18n import translate
from ZPublisher.Converters import type_converters
from ZPublisher.HTTPRequest import FileUpload

import sys


BAD_PARAMETER = _(
    "bad_parameter",
    default="The address contains a parameter that cannot be read (${name}). Check the link and try again.",
)
BAD_JSON = _("bad_json", default="The request body is not valid JSON.")


def _converter_names(key):
    return [part for part in key.split(":")[1:] if part in type_converters]


# Batch parameters of Plone's listings (plone.batching turns them into numbers without a check).
BATCH_PARAMETERS = frozenset({"b_start", "b_size"})
FORM_BODY_LIMIT = 1024 * 1024


def bad_converters(query):
    """(names of the query-string parameters Zope's converters cannot convert, the query without them)."""
    if ":" not in query and "b_s" not in query and "%" not in query:
        return [], query
    try:  # text that is not UTF-8, or a NUL character, breaks Plone's search and others
        pairs = parse_qsl(query, keep_blank_values=True, errors="strict")
    except ValueError:
        return ["?"], ""
    if any("\x00" in key or "\x00" in value for key, value in pairs):
        return ["?"], ""
    limit = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 4300
    bad, kept = [], []
    for key, value in pairs:
        ok = not (key in BATCH_PARAMETERS and not value.strip().lstrip("-").isdigit())
        for name in _converter_names(key) if ok else ():
            if name in ("int", "long", "float") and len(value) > limit:
                ok = False
                break
            try:
                type_converters[name](value)
            except Exception:
                ok = False
                break
        if ok:
            kept.append((key, value))
        else:
            bad.append(key.split(":")[0])
    return bad, (urlencode(kept) if bad else query)


BAD_PARAMETER_KEY = "ezabrze.security.bad_parameter"


def on_publication_start(event):
    """IPubStart: unconvertible query-string parameters are taken out before Zope converts them (which would
    end in a 500; an exception cannot be raised this early), and refused after traversal (400)."""
    request = event.request
    bad, query = bad_converters(request.environ.get("QUERY_STRING", ""))
    if bad:
        request.environ["QUERY_STRING"] = query
        request.other[BAD_PARAMETER_KEY] = bad[0]
    _check_form_body(request)


def _check_form_body(request):
    """The same for a (small) form-encoded POST body."""
    content_type = (request.environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
    if request.environ.get("REQUEST_METHOD") != "POST" or content_type != "application/x-www-form-urlencoded":
        return
    try:
        length = int(request.environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return
    stream = request.stdin
    if not 0 < length <= FORM_BODY_LIMIT or not hasattr(stream, "seek"):
        return
    position = stream.tell()
    body = stream.read(length)
    stream.seek(position)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("latin-1")
    bad, cleaned = bad_converters(text)
    if bad:
        data = cleaned.encode("utf-8")
        request.stdin = BytesIO(data)
        request.environ["wsgi.input"] = request.stdin
        request.environ["CONTENT_LENGTH"] = str(len(data))
        request.other[BAD_PARAMETER_KEY] = bad[0]


def _own(published):
    """Our own pages. REST services are left out: they read their query as plone.restapi does (a repeated
    parameter such as ``portal_type`` of ``@search`` is a list there) and answer bad values themselves."""
    from plone.restapi.services import Service

    published = getattr(published, "im_self", None) or getattr(published, "__self__", None) or published
    if isinstance(published, Service):
        return False
    return any(cls.__module__.startswith("ezabrze.") for cls in type(published).__mro__)


def on_after_traversal(event):
    """IPubAfterTraversal: our own views read text parameters only; lists and records are refused (400)."""
    request = event.request
    bad = request.other.get(BAD_PARAMETER_KEY)
    if bad:
        raise BadRequest(translate(_(BAD_PARAMETER, mapping={"name": bad}), context=request))
    published = request.get("PUBLISHED")
    if not _own(published):
        return
    view = getattr(published, "__self__", None) or published
    if getattr(view, "reads_list_parameters", False):
        return  # a form whose fields are lists (name:list), read and checked by the view itself
    for name, value in request.form.items():
        if isinstance(value, (str, FileUpload, bytes)):
            continue
        raise BadRequest(translate(_(BAD_PARAMETER, mapping={"name": name}), context=request))


class DeserializationErrorPage(BrowserView):
    """A POST body declared JSON that is not (collective.honeypot reads it on every POST): 400, in Polish."""

    def __call__(self):
        response = self.request.response
        response.setStatus(400, lock=1)
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return translate(BAD_JSON, context=self.request)


class DeserializationErrorHandling(ErrorHandling):
    """A REST body that is not JSON: 400 and a Polish message (plone.rest would answer 500)."""

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(400, lock=1)
        import json

        body = {"type": "BadRequest", "message": translate(BAD_JSON, context=self.request)}
        response.setBody(json.dumps(body), lock=1)
        response._has_challenged = True
