"""The kiosk layer and the kiosk settings."""

from ezabrze.theme import _
from ezabrze.theme.interfaces import IBrowserLayer
from ezabrze.theme.kiosk import KIOSK_ID_RE
from importlib import resources
from zope import schema
from zope.interface import Interface

import json


class IKioskLayer(IBrowserLayer):
    """Applied to a request that came in through ``++kiosk++<id>`` (never chosen by a browser or a cookie)."""


class IKioskTile(Interface):
    """A tile of the kiosk start screen contributed by another feature.

    Register a named multi-adapter (site, request) -> IKioskTile, e.g. in ezabrze.ngo for the consultations
    and grant calls open now, or for the network map. Tiles are shown in the order of their names.
    """

    def tile():
        """None (nothing to show now) or {"title": str, "url": str, "description": str, "figure": str,
        "items": [{"title": str, "url": str}]} (description, figure and items optional). `figure` is markup the
        tile drew itself (e.g. an SVG map with its own title and description, no links, nothing external):
        it is inserted as it is, so it must hold nothing from user input unescaped."""


class IKioskSource(Interface):
    """Where the kiosks come from when the portal has a registry of them (a utility registered by another
    package, e.g. ezabrze.policy's network registry; the theme does not depend on it).

    When such a utility names at least one kiosk, those are the kiosks (ids, districts and locations from the
    registry) and the list in the kiosk settings is not used; without one, the settings' list is.
    """

    def kiosks():
        """[(id, district, location, aliases)]: aliases are earlier ids of the same kiosk (e.g. the ids of the
        settings used before the registry); a kiosk opened by an alias is redirected to its id."""


def default_kiosk_lines():
    data = json.loads(resources.files("ezabrze.theme.kiosk").joinpath("kiosks.json").read_text("utf-8"))
    return [" | ".join(row) for row in data["kiosks"]]


class InvalidKioskList(schema.ValidationError):
    __doc__ = _(
        "Enter one kiosk per line as: id | district | location, e.g. k01 | zaborze | Plac Wolności. "
        "The id is made of lower-case letters, digits and hyphens and must be unique."
    )


def parse_kiosk_line(line):
    """(id, district, location) of a line "id | district | location", or None if it is malformed."""
    parts = [part.strip() for part in (line or "").split("|")]
    if len(parts) != 3 or not KIOSK_ID_RE.match(parts[0]) or not parts[2]:
        return None
    if parts[1] and not KIOSK_ID_RE.match(parts[1]):
        return None
    return tuple(parts)


def validate_kiosk_lines(value):
    ids = []
    for line in value or ():
        parsed = parse_kiosk_line(line)
        if parsed is None:
            raise InvalidKioskList(line)
        ids.append(parsed[0])
    if len(ids) != len(set(ids)):
        raise InvalidKioskList(value)
    return True


class IKioskSettings(Interface):
    """Stored in the registry under ``ezabrze.theme.kiosk``; edited in "Infokioski" (@@infokiosk-ustawienia)."""

    idle_seconds = schema.Int(
        title=_("Seconds without a touch before the reset countdown"),
        description=_("After this time the kiosk asks whether someone is still using it."),
        default=90,
        min=20,
        max=900,
    )

    countdown_seconds = schema.Int(
        title=_("Seconds of the countdown before the reset"),
        description=_("A touch during the countdown keeps the page; at zero everything typed is erased."),
        default=15,
        min=5,
        max=60,
    )

    kiosks = schema.List(
        title=_("Kiosks"),
        description=_(
            "One kiosk per line: id | district | location. The kiosk with the id k01 opens the address of the "
            "portal followed by /++kiosk++k01. The district is the id of the district council folder (e.g. "
            "zaborze): its notices come first on that kiosk. Used only while the portal has no network registry: "
            "with one, the kiosks are the registry's infokiosks (their ids, districts and addresses)."
        ),
        value_type=schema.TextLine(),
        default=default_kiosk_lines(),
        required=False,
        constraint=validate_kiosk_lines,
    )

    opening_hours = schema.Text(
        title=_("Opening hours of the City Hall"),
        description=_("Shown on the start screen of every kiosk, one line per day or group of days."),
        default="poniedziałek: 7:30–17:00\nwtorek – czwartek: 7:30–15:30\npiątek: 7:30–14:00",
        required=False,
    )
