"""A circuit breaker for the directory: after a failure, nobody waits for the directory again until a pause has
passed; then one request tries it (and closes the breaker if it answers).

One breaker per process (all threads): an outage costs one connection attempt per pause, not one per request.
``attempts`` counts the calls let through to the directory (the tests count them).
"""

import threading
import time


class Breaker:
    def __init__(self):
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        with self._lock:
            self.open_until = 0.0
            self.failures = 0
            self.attempts = 0
            self.last_error = ""
            self._trial = False

    @property
    def is_open(self):
        return self.failures > 0 and time.monotonic() < self.open_until

    def allow(self):
        """May a call go to the directory now? (counts the attempt when it may)"""
        with self._lock:
            if self.failures and time.monotonic() < self.open_until:
                return False
            if self.failures and self._trial:
                return False  # another thread is trying the directory right now
            if self.failures:
                self._trial = True
            self.attempts += 1
            return True

    def succeeded(self):
        with self._lock:
            self.failures = 0
            self.open_until = 0.0
            self._trial = False
            self.last_error = ""

    def failed(self, error, pause):
        with self._lock:
            self.failures += 1
            self.open_until = time.monotonic() + pause
            self._trial = False
            self.last_error = str(error)


BREAKER = Breaker()
