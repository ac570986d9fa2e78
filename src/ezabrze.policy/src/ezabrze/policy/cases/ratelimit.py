"""In-memory sliding-window limits per client address, one set per Zope process.

Nothing is written to the ZODB, so the limits cause no write conflicts and cost no storage. The price:
every process (ZEO client, restart) counts on its own, so with N processes behind a load balancer a client
may get up to N times the limit, and a restart forgets the counts. The client address is REMOTE_ADDR, or
the X-Forwarded-For address added by a configured proxy (ezabrze.policy.security.proxies).
"""

from collections import deque

import threading
import time


def client_address(request):
    """The client's address; X-Forwarded-For only from configured proxies (ezabrze.policy.security.proxies)."""
    from ezabrze.policy.security.proxies import client_address

    return client_address(request)


class SlidingWindowLimiter:
    """At most ``limit`` events per key within ``window`` seconds."""

    def __init__(self, max_keys=100000):
        self._events = {}
        self._lock = threading.Lock()
        self._max_keys = max_keys

    def _prune(self, events, now, window):
        while events and events[0] <= now - window:
            events.popleft()

    def allowed(self, key, limit, window, now=None):
        """True if one more event fits; does not record it."""
        if not limit:
            return True
        now = time.monotonic() if now is None else now
        with self._lock:
            events = self._events.get(key)
            if events is None:
                return True
            self._prune(events, now, window)
            return len(events) < limit

    def hit(self, key, limit, window, now=None):
        """Record one event; False (and nothing recorded) if the limit is already reached."""
        if not limit:
            return True
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._events) >= self._max_keys:
                self._gc(now, window)
            events = self._events.setdefault(key, deque())
            self._prune(events, now, window)
            if len(events) >= limit:
                return False
            events.append(now)
            return True

    def forget_one(self, key):
        """Undo one recorded event (the request that recorded it did not commit)."""
        with self._lock:
            events = self._events.get(key)
            if events:
                events.pop()

    def reset(self):
        with self._lock:
            self._events.clear()

    def _gc(self, now, window):
        for key in list(self._events):
            events = self._events[key]
            self._prune(events, now, window)
            if not events:
                del self._events[key]


submissions = SlidingWindowLimiter()
status_failures = SlidingWindowLimiter()
