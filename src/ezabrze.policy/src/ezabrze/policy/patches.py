"""Work-around for a CPython 3.11 bug (gh-106905): compiling Python ASTs in several threads at once can fail
with "SystemError: AST constructor recursion depth mismatch". Chameleon builds and compiles an AST the first
time each page template is used, so right after a (re)start, concurrent requests could answer 500 for a
template that was never broken. Cooking templates one at a time removes the race; it costs nothing once
templates are compiled (cooking happens once per template and process)."""

from chameleon.template import BaseTemplate

import functools
import threading


COOK_LOCK = threading.RLock()  # re-entrant: cooking a template may load (and cook) another one


def _serialized(cook):
    @functools.wraps(cook)
    def cook_one_at_a_time(self, *args, **kwargs):
        with COOK_LOCK:
            return cook(self, *args, **kwargs)

    cook_one_at_a_time._ezabrze_serialized = True
    return cook_one_at_a_time


def apply():
    if not getattr(BaseTemplate._cook, "_ezabrze_serialized", False):
        BaseTemplate._cook = _serialized(BaseTemplate._cook)


apply()
