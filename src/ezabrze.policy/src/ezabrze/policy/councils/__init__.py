"""District councils (Rady Dzielnic): notices published by each council's editors in their own area only.

Where things are: `content.py` (the DistrictCouncil folder, the Notice type and the helpers that find a council),
`setup.py` (the councils' folders, editor groups and local roles, made at install), `indexers.py`-like catalogue
columns live with the Notice in `content.py`, `browser/` (notice boards, archive, RSS and iCalendar feeds).
A council editor (local role ``CouncilEditor``, group ``rada-dzielnicy-<id>``) may add notices and take them
through the editorial workflow on their own council only.
"""

SECTION_ID = "rady-dzielnic"
COUNCIL_EDITOR_ROLE = "CouncilEditor"
GROUP_PREFIX = "rada-dzielnicy-"

# (id, district name, seat of the council)
DISTRICTS = (
    ("biskupice", "Biskupice", "ul. Bytomska 1, 41-800 Zabrze (Szkoła Podstawowa nr 36)"),
    ("centrum-poludnie", "Centrum Południe", "ul. Powstańców Śląskich 5-7, 41-800 Zabrze"),
    ("centrum-polnoc", "Centrum Północ", "ul. Wolności 286, 41-800 Zabrze"),
    ("grzybowice", "Grzybowice", "ul. Zamojskiego 1, 41-808 Zabrze"),
    ("helenka", "Helenka", "ul. Bolesława Chrobrego 1, 41-806 Zabrze"),
    ("konczyce", "Kończyce", "ul. Gen. de Gaulle'a 100, 41-800 Zabrze"),
    ("maciejow", "Maciejów", "ul. Wyzwolenia 39, 41-800 Zabrze"),
    ("makoszowy", "Makoszowy", "ul. Makoszowska 74, 41-800 Zabrze"),
    ("mikulczyce", "Mikulczyce", "ul. Tarnopolska 60, 41-806 Zabrze"),
    ("pawlow", "Pawłów", "ul. Pawłowska 35, 41-800 Zabrze"),
    ("rokitnica", "Rokitnica", "ul. Weteranów 35, 41-808 Zabrze"),
    ("zaborze", "Zaborze", "ul. Ks. Józefa Dworskiego 1, 41-800 Zabrze"),
)

# Granted to the council's editors on their council's folder (acquired by the notices and attachments in it).
COUNCIL_PERMISSIONS = (
    "Add portal content",
    "ezabrze.policy: Add Notice",
    "plone.app.contenttypes: Add File",
    "plone.app.contenttypes: Add Image",
    "Request review",
    "Review portal content",
    "Delete objects",
    "List folder contents",
)
