"""Demo notices of the district councils (issue 4), idempotent.

Every council gets a coming meeting (with date, time and place), a current announcement, a resolution, an
event and an expired meeting (in the archive). Dates are relative to the day the demo is installed, so a fresh
site always has current and expired notices.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta
from ezabrze.policy.councils.content import councils
from plone import api
from plone.app.textfield.value import RichTextValue

import logging


logger = logging.getLogger("ezabrze.policy")

# Where each council meets (the seat is on the council folder; meetings are often held in a school nearby).
PLACES = {
    "biskupice": "Szkoła Podstawowa nr 36, ul. Bytomska 1, sala 12",
    "centrum-poludnie": "Urząd Miejski, ul. Powstańców Śląskich 5-7, sala 300",
    "centrum-polnoc": "Miejska Biblioteka Publiczna, ul. Wolności 286, sala konferencyjna",
    "grzybowice": "Szkoła Podstawowa nr 40, ul. Zamojskiego 1, sala gimnastyczna",
    "helenka": "Szkoła Podstawowa nr 22, ul. Bolesława Chrobrego 1, świetlica",
    "konczyce": "Dom Kultury, ul. Gen. de Gaulle'a 100",
    "maciejow": "Szkoła Podstawowa nr 28, ul. Wyzwolenia 39, sala 5",
    "makoszowy": "Świetlica osiedlowa, ul. Makoszowska 74",
    "mikulczyce": "Szkoła Podstawowa nr 44, ul. Tarnopolska 60, sala 101",
    "pawlow": "Szkoła Podstawowa nr 15, ul. Pawłowska 35",
    "rokitnica": "Dom Kultury Rokitnica, ul. Weteranów 35",
    "zaborze": "Zespół Szkół nr 7, ul. Ks. Józefa Dworskiego 1, aula",
}


def _rich(html):
    return RichTextValue(html.strip(), "text/html", "text/x-html-safe")


def _notices(council, today):
    district = council.district
    place = PLACES.get(council.getId(), council.seat or "Urząd Miejski w Zabrzu")
    meeting = datetime.combine(today + timedelta(days=9), datetime.min.time()).replace(hour=17)
    past_meeting = datetime.combine(today - timedelta(days=40), datetime.min.time()).replace(hour=17)
    return (
        {
            "id": "posiedzenie-rady",
            "title": f"Posiedzenie Rady Dzielnicy {district}",
            "description": f"Zapraszamy mieszkańców dzielnicy {district} na zwyczajne posiedzenie rady.",
            "category": "meeting",
            "valid_from": today - timedelta(days=3),
            "valid_until": meeting.date(),
            "meeting_start": meeting,
            "meeting_end": meeting + timedelta(hours=2),
            "meeting_place": place,
            "text": f"""
<p>Przewodniczący Rady Dzielnicy {district} zwołuje posiedzenie rady.</p>
<h2>Porządek obrad</h2>
<ol>
<li>Otwarcie posiedzenia i stwierdzenie kworum.</li>
<li>Informacja Straży Miejskiej o bezpieczeństwie w dzielnicy.</li>
<li>Zaopiniowanie wniosków do budżetu miasta na przyszły rok.</li>
<li>Sprawy mieszkańców i wolne wnioski.</li>
</ol>
<p>Posiedzenia rady są jawne. Mieszkańcy mogą zabrać głos w punkcie „Sprawy mieszkańców”.</p>""",
        },
        {
            "id": "dyzur-radnych",
            "title": f"Dyżury radnych dzielnicy {district}",
            "description": "Radni dzielnicy przyjmują mieszkańców w każdy pierwszy wtorek miesiąca.",
            "category": "announcement",
            "valid_from": today - timedelta(days=20),
            "valid_until": today + timedelta(days=60),
            "text": f"""
<p>Radni Rady Dzielnicy {district} pełnią dyżury w każdy pierwszy wtorek miesiąca w godzinach 16:00–18:00
w siedzibie rady ({council.seat or place}).</p>
<p>Na dyżurze można zgłosić problemy dzielnicy: stan dróg i chodników, oświetlenie, zieleń, bezpieczeństwo.</p>""",
        },
        {
            "id": "uchwala-budzet",
            "title": f"Uchwała w sprawie wniosków do budżetu miasta — dzielnica {district}",
            "description": "Rada przyjęła listę wniosków dzielnicy do budżetu miasta Zabrze.",
            "category": "resolution",
            "valid_from": today - timedelta(days=10),
            "valid_until": today + timedelta(days=90),
            "text": f"""
<p>Rada Dzielnicy {district} przyjęła uchwałę w sprawie wniosków do budżetu miasta Zabrze. Wnioski
dotyczą remontu chodników, doświetlenia przejść dla pieszych i nasadzeń drzew.</p>
<p>Uchwała została przekazana Prezydentowi Miasta Zabrze.</p>""",
        },
        {
            "id": "festyn-dzielnicowy",
            "title": f"Festyn rodzinny w dzielnicy {district}",
            "description": "Gry i zabawy dla dzieci, stoiska organizacji pozarządowych i koncert.",
            "category": "event",
            "valid_from": today - timedelta(days=2),
            "valid_until": today + timedelta(days=21),
            "text": f"""
<p>Rada Dzielnicy {district} wraz z organizacjami pozarządowymi zaprasza na festyn rodzinny.
W programie gry i zabawy dla dzieci, punkt informacyjny e-usług miasta i koncert.</p>""",
        },
        {
            "id": "posiedzenie-archiwalne",
            "title": f"Posiedzenie Rady Dzielnicy {district} (poprzednie)",
            "description": "Poprzednie posiedzenie rady: ogłoszenie archiwalne.",
            "category": "meeting",
            "valid_from": today - timedelta(days=50),
            "valid_until": past_meeting.date(),
            "meeting_start": past_meeting,
            "meeting_end": past_meeting + timedelta(hours=2),
            "meeting_place": place,
            "text": f"""
<p>Posiedzenie Rady Dzielnicy {district}. Porządek obrad: informacja o inwestycjach miasta w dzielnicy,
sprawy mieszkańców, wolne wnioski.</p>""",
        },
    )


def create(portal, today=None):
    today = today or date.today()
    for council in councils(portal):
        for spec in _notices(council, today):
            if spec["id"] in council.objectIds():
                continue
            notice = api.content.create(
                container=council,
                type="Notice",
                id=spec["id"],
                title=spec["title"],
                description=spec["description"],
                text=_rich(spec["text"]),
                notice_category=spec["category"],
                valid_from=spec["valid_from"],
                valid_until=spec["valid_until"],
                meeting_start=spec.get("meeting_start"),
                meeting_end=spec.get("meeting_end"),
                meeting_place=spec.get("meeting_place"),
                bip_prepared_by=council.Title(),
                bip_responsible_person=f"Przewodniczący Rady Dzielnicy {council.district}",
            )
            api.content.transition(notice, to_state="published")
            notice.reindexObject()
    logger.info("Demo notices of the district councils are in place")
