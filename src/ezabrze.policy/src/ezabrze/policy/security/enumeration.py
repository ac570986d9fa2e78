"""Nobody counts cases from outside: under /sprawy every refused or missing address answers the same 404.

Without this an existing case answered 302 (to the login form) or 401 and a missing one 404, so anyone could
tell which signs exist (``…/sprawy/2026/000123/getId``). Now both get the same status and the same body: a
short Polish "not found" page with a link to the login form (staff following a link from a notification
mail log in there and come back to the case).
"""

from AccessControl import Unauthorized
from ezabrze.policy.cases import CASES_FOLDER_ID
from html import escape
from urllib.parse import quote
from zExceptions import NotFound
from zExceptions import Unauthorized as ZUnauthorized

import json


PAGE = """<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8"><title>Nie znaleziono strony</title></head>
<body><main><h1>Nie znaleziono strony</h1>
<p>Pod tym adresem nie ma strony, którą możesz zobaczyć. Status swojej sprawy sprawdzisz na stronie
<a href="{status}">Status sprawy</a> (sygnatura i kod z potwierdzenia).</p>
<p>Pracownicy Urzędu: <a href="{login}">zaloguj się</a>.</p></main></body></html>"""


def _under_cases(request):
    parts = [part for part in (request.get("PATH_INFO") or "").split("/") if part]
    parts = [part for part in parts if not part.startswith("++api++")]
    return CASES_FOLDER_ID in parts[:3]


def _site_url(request):
    url = request.get("ACTUAL_URL") or request.get("URL") or ""
    marker = f"/{CASES_FOLDER_ID}"
    return url.split(marker)[0] if marker in url else request.get("SERVER_URL", "")


def hide_unviewable(event):
    """IPubAfterTraversal: under /sprawy, any address that passes through a case (or cases folder) the user may
    not view is "not found" — also public attributes like ``…/getId``, which Zope would otherwise answer."""
    request = event.request
    if not _under_cases(request):
        return
    from AccessControl import getSecurityManager

    manager = getSecurityManager()
    anonymous = manager.getUser().getUserName() == "Anonymous User"
    for obj in request.get("PARENTS") or ():
        kind = getattr(obj, "portal_type", None)
        # The unit's staff see their cases but not the folders around them; visitors see none of these.
        if (kind == "Case" or (kind == "Folder" and anonymous)) and CASES_FOLDER_ID in _path(obj):
            if not manager.checkPermission("View", obj):
                raise NotFound("Nie znaleziono strony.")


def _path(obj):
    try:
        return obj.getPhysicalPath()[:4]
    except Exception:
        return ()


def same_answer(event):
    """IPubBeforeAbort: a refused or missing address under /sprawy becomes the same 404 for everybody."""
    exc = event.exc_info[1] if event.exc_info else None
    if not isinstance(exc, (Unauthorized, ZUnauthorized, NotFound)):
        return
    request = event.request
    if not _under_cases(request):
        return
    request.environ["plone.transformchain.disable"] = True  # the same bytes for every address
    response = request.response
    response.base = ""  # Zope would insert <base href> for an existing (folderish) case only
    site = _site_url(request)
    came_from = (request.get("ACTUAL_URL") or "").split("?")[0]
    response._locked_status = False
    response._locked_body = False
    response.setStatus(404)
    for name in ("Location", "WWW-Authenticate"):
        response.headers.pop(name.lower(), None)
    if "application/json" in (request.getHeader("Accept") or "") or "++api++" in (request.get("PATH_INFO") or ""):
        response.setHeader("Content-Type", "application/json")
        body = json.dumps({"type": "NotFound", "message": "Nie znaleziono strony."})
    else:
        response.setHeader("Content-Type", "text/html; charset=utf-8")
        body = PAGE.format(
            status=escape(f"{site}/@@status-sprawy"),
            login=escape(f"{site}/login?came_from={quote(came_from, safe='')}"),
        )
    response.setBody(body, lock=True)
    response._locked_status = True
