"""X-Forwarded-For is trusted only from the configured proxies (EZABRZE_TRUSTED_PROXIES)."""

from ezabrze.policy.cases import ratelimit
from ezabrze.policy.security.proxies import client_address

import pytest


def _request(remote, forwarded=None):
    environ = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        environ["HTTP_X_FORWARDED_FOR"] = forwarded
    return environ


@pytest.mark.parametrize(
    "trusted,remote,forwarded,client",
    [
        ("", "127.0.0.1", "203.0.113.9", "127.0.0.1"),  # a local client cannot pick its address
        ("", "198.51.100.7", "203.0.113.9", "198.51.100.7"),
        ("10.0.0.2", "127.0.0.1", "203.0.113.9", "127.0.0.1"),
        ("10.0.0.2", "10.0.0.2", "203.0.113.9", "203.0.113.9"),
        ("10.0.0.2", "10.0.0.2", "1.2.3.4, 203.0.113.9", "203.0.113.9"),  # forged first hop ignored
        ("10.0.0.2,10.0.0.3", "10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.3", "203.0.113.9"),
        ("10.0.0.2", "10.0.0.2", None, "10.0.0.2"),
    ],
)
def test_client_address(monkeypatch, trusted, remote, forwarded, client):
    monkeypatch.setenv("EZABRZE_TRUSTED_PROXIES", trusted)
    assert client_address(_request(remote, forwarded)) == client
    assert ratelimit.client_address(_request(remote, forwarded)) == client  # the rate limits use the same
