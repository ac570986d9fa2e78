"""Directory groups -> portal groups, by the rules of the control panel ("jednostka-* -> unit-*"), and a small
time-limited cache of what the directory said about a person (their groups, whether they exist)."""

from ezabrze.policy import _

import fnmatch
import re
import threading
import time


ARROW = re.compile(r"\s*(?:->|=>|→)\s*")


class RuleError(ValueError):
    pass


def parse_rule(line):
    """'jednostka-* -> unit-*' -> ('jednostka-*', 'unit-*'); RuleError with a Polish message if it is not a rule."""
    parts = ARROW.split(line.strip(), maxsplit=1)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        raise RuleError(_("Not a rule: “${line}”. Write: directory group -> portal group.", mapping={"line": line}))
    source, target = parts
    if target.count("*") > 1 or (target.count("*") == 1 and source.count("*") != 1):
        raise RuleError(
            _(
                "The rule “${line}” may use * in the portal group only if the directory group has exactly one *.",
                mapping={"line": line},
            )
        )
    if re.search(r"\s", target):
        raise RuleError(_("A portal group id has no spaces: “${line}”.", mapping={"line": line}))
    return source, target


def parse_rules(lines):
    return [parse_rule(line) for line in lines or () if line and line.strip() and not line.strip().startswith("#")]


def map_groups(directory_groups, rules):
    """The portal groups of a person in the given directory groups (ids, case-insensitive match)."""
    result = []
    for group in directory_groups:
        for source, target in rules:
            if "*" in source:
                pattern = "^" + re.escape(source).replace(r"\*", "(.+)") + "$"
                match = re.match(pattern, group, re.IGNORECASE)
                if match is None:
                    continue
                portal_group = target.replace("*", match.group(1).lower()) if "*" in target else target
            elif fnmatch.fnmatchcase(group.lower(), source.lower()):
                portal_group = target
            else:
                continue
            if portal_group not in result:
                result.append(portal_group)
    return tuple(result)


class TimedCache:
    """{key: value} entries that expire after the cache time in force when they were stored (process-wide)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._data = {}

    def get(self, key):
        with self._lock:
            entry = self._data.get(key)
            if entry is None:
                return None
            expires, value = entry
            if time.monotonic() >= expires:
                del self._data[key]
                return None
            return value

    def set(self, key, value, seconds):
        if seconds <= 0:
            return
        with self._lock:
            if len(self._data) > 20000:
                self._data.clear()
            self._data[key] = (time.monotonic() + seconds, value)

    def clear(self):
        with self._lock:
            self._data.clear()


CACHE = TimedCache()
