"""Infokiosk mode: the portal on the city's street kiosks (touch screens in public places).

A kiosk opens ``<site>/++kiosk++<id>``. Such a request (see ``mode.py``) is anonymous whatever credentials it
carries, gets the kiosk layer and a virtual root that keeps ``++kiosk++<id>`` in every link, and its pages are
rewritten into the kiosk layout (``transform.py``). Settings and the list of kiosks: ``controlpanel.py``;
anonymous usage counts: ``usage.py``.
"""

from ezabrze.theme import _  # noqa: F401

import re


NAMESPACE = "++kiosk++"
REGISTRY_PREFIX = "ezabrze.theme.kiosk"
KIOSK_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,29}$")
# Request key of the kiosk (a Kiosk) of a kiosk-mode request.
REQUEST_KEY = "ezabrze.kiosk"
