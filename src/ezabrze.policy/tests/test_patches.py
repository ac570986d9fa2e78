"""The template-cooking lock that works around CPython gh-106905 under concurrent first renders."""

from chameleon.zpt.template import PageTemplate
from ezabrze.policy import patches

import threading


def test_cooking_is_serialized():
    from chameleon.template import BaseTemplate

    assert getattr(BaseTemplate._cook, "_ezabrze_serialized", False)
    patches.apply()  # idempotent: not wrapped twice
    assert not getattr(BaseTemplate._cook.__wrapped__, "_ezabrze_serialized", False)


def test_many_threads_render_fresh_templates():
    errors = []

    def render(i):
        try:
            body = "".join(f"<div tal:define='x{j} python: {j} + {i}'>${{x{j}}}</div>" for j in range(40))
            assert str(2 * i) in PageTemplate(body)()
        except Exception as exc:  # noqa: BLE001 -- collected and reported below
            errors.append(repr(exc))

    threads = [threading.Thread(target=render, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
