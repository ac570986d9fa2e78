"""Kiosk mode: chosen by the URL ``<site>/++kiosk++<id>`` only.

On the site's before-traverse event (before any authentication: Zope authenticates after traversal) a request
whose next path segment is ``++kiosk++<id>`` of a configured kiosk

- loses every credential it carries (HTTP Authorization, the ``__ac`` cookies and form fields, the REST
  ``auth_token`` cookie): a kiosk user is always anonymous, so no edit UI can ever appear;
- gets the kiosk layer and its kiosk;
- gets a virtual root at ``<site>/++kiosk++<id>``: every URL the portal generates keeps the kiosk in its path
  (nothing is remembered in a cookie, so an ordinary computer never lands in kiosk mode by accident, and a
  reset cannot leave it);
- is turned to the "not available in the kiosk" view for login, registration, editing, management and REST
  endpoints, even when a URL asks for them.

The kiosks are those of the network registry when the portal has one (an IKioskSource utility, registered by
ezabrze.policy), else the list in the kiosk settings. An earlier id of a registry kiosk (an alias, e.g. k01
of the settings for infokiosk-01) is redirected to the same page of the kiosk's id.

Any other ``++kiosk++`` segment (unknown id, below the site root, a second one) is a 404.
"""

from Acquisition import aq_base
from ezabrze.theme.kiosk import KIOSK_ID_RE
from ezabrze.theme.kiosk import NAMESPACE
from ezabrze.theme.kiosk import REGISTRY_PREFIX
from ezabrze.theme.kiosk import REQUEST_KEY
from ezabrze.theme.kiosk.interfaces import IKioskLayer
from ezabrze.theme.kiosk.interfaces import IKioskSettings
from ezabrze.theme.kiosk.interfaces import IKioskSource
from ezabrze.theme.kiosk.interfaces import parse_kiosk_line
from plone.registry.interfaces import IRegistry
from types import SimpleNamespace
from urllib.parse import quote
from zExceptions import NotFound
from zExceptions import Redirect
from zope.component import queryUtility
from zope.interface import alsoProvides
from zope.schema import getFieldsInOrder

import dataclasses


START_VIEW = "infokiosk"
UNAVAILABLE_VIEW = "infokiosk-niedostepne"

# Views that log in or out, register, edit or manage: never in a kiosk (compared without "@@", lower case).
BLOCKED_NAMES = frozenset(
    {
        "login",
        "login_form",
        "login-help",
        "logged_out",
        "logout",
        "require_login",
        "insufficient-privileges",
        "mail_password",
        "mail_password_form",
        "passwordreset",
        "pwreset_form",
        "register",
        "new-user",
        "join_form",
        "personal-information",
        "personal-preferences",
        "change-password",
        "dashboard",
        "edit",
        "base_edit",
        "folder_contents",
        "sharing",
        "content_status_history",
        "content_status_modify",
        "delete_confirmation",
        "object_rename",
        "object_cut",
        "object_copy",
        "object_paste",
        "object_delete",
        "createobject",
        "folder_factories",
        "select_default_page",
        "select_default_view",
        "historyview",
        "overview-controlpanel",
        "plone_control_panel",
        "moja-praca",
        "my-work",
        "sprawy-jednostki",
        "sprawy-jednostki.csv",
        "sprawy-jednostki.xlsx",
        "infokiosk-statystyki",
        "manage",
    }
)
BLOCKED_PREFIXES = ("manage_", "++add++", "++api++", "portal_", "acl_users", "aq_")
BLOCKED_SUFFIXES = ("-controlpanel", "_controlpanel")

# Credentials a request may carry: all removed in kiosk mode.
CREDENTIAL_COOKIES = ("__ac", "auth_token")


@dataclasses.dataclass(frozen=True)
class Kiosk:
    id: str
    district: str
    location: str
    aliases: tuple = ()


def kiosk_settings():
    """The kiosk settings as attributes (schema defaults for missing records), or None before installation."""
    registry = queryUtility(IRegistry)
    if registry is None or f"{REGISTRY_PREFIX}.kiosks" not in registry:
        return None
    values = {}
    for name, field in getFieldsInOrder(IKioskSettings):
        value = registry.get(f"{REGISTRY_PREFIX}.{name}")
        values[name] = field.default if value is None else value
    return SimpleNamespace(**values)


def registry_kiosks():
    """{id: Kiosk} of the kiosk registry (IKioskSource), empty when there is none or it names no kiosk."""
    source = queryUtility(IKioskSource)
    kiosks = {}
    for kiosk_id, district, location, aliases in (source.kiosks() if source is not None else ()):
        if KIOSK_ID_RE.match(kiosk_id or "") and kiosk_id not in kiosks:
            kiosks[kiosk_id] = Kiosk(kiosk_id, district or "", location or "", tuple(aliases or ()))
    return kiosks


def configured_kiosks(settings=None):
    """{id: Kiosk}: the registry's kiosks when there are any, else those of the settings (malformed lines are
    skipped)."""
    kiosks = registry_kiosks()
    if kiosks:
        return kiosks
    settings = settings or kiosk_settings()
    for line in getattr(settings, "kiosks", None) or ():
        parsed = parse_kiosk_line(line)
        if parsed is not None and parsed[0] not in kiosks:
            kiosks[parsed[0]] = Kiosk(*parsed)
    return kiosks


def current_kiosk(request):
    """The Kiosk of a kiosk-mode request, else None."""
    if request is None or not IKioskLayer.providedBy(request):
        return None
    return request.get(REQUEST_KEY)


def is_blocked(name):
    name = (name or "").lower()
    if name.startswith("@@"):
        name = name[2:]
    elif name.startswith("@"):
        # plone.restapi services (@login, @users, @workflow, ...): the kiosk pages need none of them.
        return True
    return (
        name in BLOCKED_NAMES
        or name.startswith(BLOCKED_PREFIXES)
        or name.endswith(BLOCKED_SUFFIXES)
    )


def strip_credentials(request):
    """Remove every credential from the request before the user folders see it."""
    request._auth = None
    request.environ.pop("HTTP_AUTHORIZATION", None)
    for mapping in (request.cookies, getattr(request, "taintedcookies", {}), request.form, request.other):
        for key in [k for k in mapping if isinstance(k, str) and k.startswith(CREDENTIAL_COOKIES)]:
            del mapping[key]


def set_kiosk_root(request, site, kiosk_id):
    """Make ``<site URL>/++kiosk++<id>`` the virtual root: every URL generated in this request keeps it.

    Like the VirtualHostMonster's ``_vh_`` segments: the path so far (already quoted, possibly after a
    virtual host root) is the script, the site is the virtual root.
    """
    request._script[:] = [*request._script, *request._steps, NAMESPACE + kiosk_id]
    del request._steps[:]
    request.other["VirtualRootPhysicalPath"] = site.getPhysicalPath()
    request._resetURLS()


def enter_kiosk_mode(site, event):
    """Subscriber of the site's IBeforeTraverseEvent."""
    request = event.request
    stack = request.get("TraversalRequestNameStack")
    if not stack or not isinstance(stack[-1], str) or not stack[-1].startswith(NAMESPACE):
        return
    parents = request.get("PARENTS") or []
    if not parents or aq_base(parents[-1]) is not aq_base(site) or IKioskLayer.providedBy(request):
        return
    settings = kiosk_settings()
    if settings is None:
        # Not installed here: the segment stays and traversal answers 404.
        return
    kiosk_id = stack.pop()[len(NAMESPACE):]
    strip_credentials(request)
    kiosks = configured_kiosks(settings) if KIOSK_ID_RE.match(kiosk_id) else {}
    kiosk = kiosks.get(kiosk_id)
    if kiosk is None:
        renamed = next((k for k in kiosks.values() if kiosk_id in k.aliases), None)
        if renamed is not None:
            rest = "/".join(quote(name) for name in reversed(stack))
            query = request.get("QUERY_STRING")
            url = f"{site.absolute_url()}/{NAMESPACE}{renamed.id}" + (f"/{rest}" if rest else "")
            raise Redirect(url + (f"?{query}" if query else ""))
        raise NotFound(f"No kiosk {kiosk_id!r}")
    alsoProvides(request, IKioskLayer)
    request.set(REQUEST_KEY, kiosk)
    set_kiosk_root(request, site, kiosk.id)
    names = list(reversed(stack))
    request.set("ezabrze.kiosk.page", "/".join(names))
    if any(is_blocked(name) for name in names):
        stack[:] = [UNAVAILABLE_VIEW]
    elif not names:
        stack.append(START_VIEW)
