"""A real SMTP server on a free loopback port, for the tests of every e-mail the portal sends.

Standard library only (plus aiosmtpd when installed), so tests/load/ can load this file by its path.
``SMTPSink`` uses aiosmtpd (pinned in versions.cfg, extra "test" of ezabrze.policy); until the build has it, it
falls back to the standard library's ``smtpd`` (Python 3.11). Both are real SMTP servers on 127.0.0.1.
"""

from email import message_from_bytes
from email import policy

import socket
import threading
import time
import warnings


def free_port(host="127.0.0.1"):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class SMTPSink:
    """Collects every message it receives (``messages``: email.message.EmailMessage objects)."""

    def __init__(self, host="127.0.0.1", port=None):
        self.host = host
        self.port = port or free_port(host)
        self.messages = []
        self._lock = threading.Lock()
        self._impl = None

    # -- receiving

    def _store(self, mailfrom, rcpttos, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        message = message_from_bytes(data, policy=policy.default)
        with self._lock:
            self.messages.append(message)

    def start(self):
        try:
            import aiosmtpd  # noqa: F401
        except ImportError:
            self._impl = _StdlibServer(self)
        else:
            self._impl = _AiosmtpdServer(self)
        self._impl.start()
        return self

    def stop(self):
        if self._impl is not None:
            self._impl.stop()
            self._impl = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    @property
    def kind(self):
        return type(self._impl).__name__

    # -- reading

    def clear(self):
        with self._lock:
            self.messages.clear()

    def wait_for(self, predicate=lambda m: True, count=1, timeout=10.0):
        """The first ``count`` messages matching ``predicate``; AssertionError after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                found = [m for m in self.messages if predicate(m)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                subjects = [str(m["Subject"]) for m in self.messages]
                raise AssertionError(f"expected {count} matching message(s), got {len(found)}; all: {subjects}")
            time.sleep(0.05)


class _AiosmtpdServer:
    def __init__(self, sink):
        self.sink = sink
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        sink = self.sink

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                sink._store(envelope.mail_from, envelope.rcpt_tos, envelope.original_content or envelope.content)
                return "250 OK"

        self.controller = Controller(Handler(), hostname=sink.host, port=sink.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()


class _StdlibServer:
    def __init__(self, sink):
        self.sink = sink
        self.thread = None
        self.server = None
        self.running = False

    def start(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import asyncore
            import smtpd

        sink = self.sink

        class Server(smtpd.SMTPServer):
            def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
                sink._store(mailfrom, rcpttos, data)

        self.asyncore = asyncore
        self.map = {}
        self.server = Server((sink.host, sink.port), None, map=self.map, decode_data=False)
        self.running = True
        self.thread = threading.Thread(target=self._loop, name="smtp-sink", daemon=True)
        self.thread.start()

    def _loop(self):
        while self.running:
            self.asyncore.loop(timeout=0.1, count=1, map=self.map)

    def stop(self):
        self.running = False
        self.thread.join(5)
        self.server.close()
        for channel in list(self.map.values()):
            channel.close()
