"""Which proxies may tell the client's address (``X-Forwarded-For``).

Only the addresses in ``EZABRZE_TRUSTED_PROXIES`` (comma-separated, set in the instance environment of the
production stack: the HAProxy/Varnish hosts) are trusted; by default none, so the header of a direct client —
also one on the same machine — is ignored and the rate limits count its real address. Behind trusted proxies
the client is the last address of the header that a trusted proxy did not add.
"""

import os


def trusted_proxies():
    value = os.environ.get("EZABRZE_TRUSTED_PROXIES", "")
    return frozenset(part.strip() for part in value.split(",") if part.strip())


def client_address(request):
    remote = request.get("REMOTE_ADDR", "") or ""
    trusted = trusted_proxies()
    if remote not in trusted:
        return remote or "unknown"
    forwarded = request.get("HTTP_X_FORWARDED_FOR", "") or ""
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    while hops and hops[-1] in trusted:
        hops.pop()
    return hops[-1] if hops else remote
