"""Limits of the participation forms (remarks and replies, proposals of organizations), HTML and REST alike.

A burst from one client is refused with 429 and a Polish message: at most N posts per account and M per client
address within a window (settings "Konsultacje", registry ``ezabrze.ngo.consultations``; 0 switches a limit off).
The counting is the portal's one sliding-window limiter (``ezabrze.policy.cases.ratelimit``): in memory, per
process, undone when the request's transaction does not commit (a ZODB conflict retry is not counted twice).

The anti-spam field of collective.honeypot (``protected_1``, rendered by ``@@authenticator`` in every form of the
portal) must be sent, and empty, by the HTML forms; collective.honeypot itself refuses a filled one on every POST,
also in a JSON body (REST), before any of our code runs (its message is translated in ezabrze.policy's
``collective.honeypot.po``).
"""

from collective.honeypot.config import HONEYPOT_FIELD
from ezabrze.ngo import _
from ezabrze.policy.cases import ratelimit
from plone import api
from zope.i18n import translate

import transaction


SETTINGS = "ezabrze.ngo.consultations"
DEFAULTS = {
    "remarks_per_account": 20,
    "remarks_per_address": 120,
    "proposals_per_account": 3,
    "proposals_per_address": 10,
    "limit_window_minutes": 10,
}

remarks_by_account = ratelimit.SlidingWindowLimiter()
remarks_by_address = ratelimit.SlidingWindowLimiter()
proposals_by_account = ratelimit.SlidingWindowLimiter()
proposals_by_address = ratelimit.SlidingWindowLimiter()

LIMITERS = {
    "remarks": ((remarks_by_account, "remarks_per_account"), (remarks_by_address, "remarks_per_address")),
    "proposals": ((proposals_by_account, "proposals_per_account"), (proposals_by_address, "proposals_per_address")),
}


class Limited(Exception):
    """Too many posts from this client: answer 429 with ``message`` and ``retry_after`` seconds."""

    def __init__(self, message, retry_after):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def setting(name):
    value = api.portal.get_registry_record(f"{SETTINGS}.{name}", default=None)
    return DEFAULTS[name] if value is None else value


def window_seconds():
    return max(1, setting("limit_window_minutes") or DEFAULTS["limit_window_minutes"]) * 60


def _keys(request):
    user = api.user.get_current()
    userid = None if api.user.is_anonymous() else user.getId()
    return (f"user:{userid}" if userid else None), f"address:{ratelimit.client_address(request)}"


def reserve(kind, request):
    """Count one post of ``kind`` ("remarks", "proposals") by this client; raise Limited when over a limit.

    Nothing is counted when refused; what is counted is given back if the transaction aborts."""
    window = window_seconds()
    account_key, address_key = _keys(request)
    (by_account, account_setting), (by_address, address_setting) = LIMITERS[kind]
    checks = [(by_address, address_key, setting(address_setting))]
    if account_key:
        checks.insert(0, (by_account, account_key, setting(account_setting)))
    recorded = []
    for limiter, key, limit in checks:
        if not limiter.hit(key, limit, window):
            for done_limiter, done_key in recorded:
                done_limiter.forget_one(done_key)
            minutes = window // 60
            raise Limited(
                _(
                    "ngo_rate_limited",
                    default="You have sent too many posts in a short time. Please try again in ${minutes} minutes.",
                    mapping={"minutes": minutes},
                ),
                window,
            )
        if limit:
            recorded.append((limiter, key))
    if recorded:
        txn = transaction.get()

        def undo(status=False, *args):
            if not status:
                for limiter, key in recorded:
                    limiter.forget_one(key)

        txn.addAfterCommitHook(undo)
        if hasattr(txn, "addAfterAbortHook"):
            txn.addAfterAbortHook(undo)


def honeypot_refused(request):
    """The Polish message if an HTML form came without the (empty) anti-spam field; None if it is fine."""
    if not HONEYPOT_FIELD:
        return None
    value = request.form.get(HONEYPOT_FIELD, None)
    if value is None or (value if isinstance(value, str) else "".join(value)):
        return _("ngo_honeypot", default="The form was refused as spam. Send it from the portal's page.")
    return None


def answer_429(request, error):
    request.response.setStatus(429)
    request.response.setHeader("Retry-After", str(error.retry_after))
    return translate(error.message, context=request)


def reset():
    """Forget every count (tests)."""
    for pairs in LIMITERS.values():
        for limiter, _setting in pairs:
            limiter.reset()
