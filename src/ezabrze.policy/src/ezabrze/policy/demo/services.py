"""Demo catalogue of services (karty usług) of the city of Zabrze.

`SERVICES` follows docs/catalogue-contract.md: one dict per service with the Service fields plus `id`,
`responsible` and `location` (unit ids from ezabrze.policy.demo.units), `related` (service ids),
`fee_amount` as a string ("17.00") and `last_review` as "YYYY-MM-DD". Fees, deadlines and legal bases
follow the law in force in 2026 (opłata skarbowa, Kodeks postępowania administracyjnego and the acts named
on each card). `create(portal)` builds them in /dla-mieszkancow/uslugi (idempotent).
"""

from datetime import date
from decimal import Decimal
from ezabrze.policy.demo import _util
from plone import api

import logging


logger = logging.getLogger("ezabrze.policy")

SECTION_ID = "dla-mieszkancow"
FOLDER_ID = "uslugi"
FOLDER_TITLE = "Katalog e-usług"
FOLDER_DESCRIPTION = (
    "Karty usług Urzędu Miejskiego w Zabrzu i miejskich jednostek: kto może złożyć wniosek, jakie dokumenty "
    "są potrzebne, ile to kosztuje, jak długo trwa i gdzie załatwić sprawę — osobiście, pocztą lub przez "
    "SEKAP i ePUAP."
)

EPUAP = "https://epuap.gov.pl/wps/portal/strefa-klienta/katalog-spraw/"
SEKAP = "https://www.sekap.pl/katalog/zabrze/"

# ------------------------------------------------------------------ legal acts (one per line on the cards)
KPA = "Ustawa z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego (Dz.U. z 2024 r. poz. 572)"
OPLATA_SKARBOWA = "Ustawa z dnia 16 listopada 2006 r. o opłacie skarbowej (Dz.U. z 2023 r. poz. 2111, z późn. zm.)"
EWIDENCJA_LUDNOSCI = "Ustawa z dnia 24 września 2010 r. o ewidencji ludności (Dz.U. z 2024 r. poz. 736)"
DOWODY = "Ustawa z dnia 6 sierpnia 2010 r. o dowodach osobistych (Dz.U. z 2022 r. poz. 671, z późn. zm.)"
AKTY_STANU_CYWILNEGO = (
    "Ustawa z dnia 28 listopada 2014 r. – Prawo o aktach stanu cywilnego (Dz.U. z 2022 r. poz. 1681, z późn. zm.)"
)
KRO = "Ustawa z dnia 25 lutego 1964 r. – Kodeks rodzinny i opiekuńczy (Dz.U. z 2023 r. poz. 2809)"
ZMIANA_NAZWISKA = "Ustawa z dnia 17 października 2008 r. o zmianie imienia i nazwiska (Dz.U. z 2021 r. poz. 1988)"
INFORMATYZACJA = (
    "Ustawa z dnia 17 lutego 2005 r. o informatyzacji działalności podmiotów realizujących zadania publiczne "
    "(Dz.U. z 2024 r. poz. 1557)"
)
KODEKS_WYBORCZY = "Ustawa z dnia 5 stycznia 2011 r. – Kodeks wyborczy (Dz.U. z 2023 r. poz. 2408, z późn. zm.)"
INFORMACJA_PUBLICZNA = "Ustawa z dnia 6 września 2001 r. o dostępie do informacji publicznej (Dz.U. z 2022 r. poz. 902)"
OCHRONA_KONSUMENTOW = "Ustawa z dnia 16 lutego 2007 r. o ochronie konkurencji i konsumentów (Dz.U. z 2024 r. poz. 1616)"
PRAWA_KONSUMENTA = "Ustawa z dnia 30 maja 2014 r. o prawach konsumenta (Dz.U. z 2024 r. poz. 1796)"
RUCH_DROGOWY = "Ustawa z dnia 20 czerwca 1997 r. – Prawo o ruchu drogowym (Dz.U. z 2024 r. poz. 1251, z późn. zm.)"
KIERUJACY = "Ustawa z dnia 5 stycznia 2011 r. o kierujących pojazdami (Dz.U. z 2024 r. poz. 1210, z późn. zm.)"
TRANSPORT_DROGOWY = "Ustawa z dnia 6 września 2001 r. o transporcie drogowym (Dz.U. z 2024 r. poz. 728, z późn. zm.)"
DROGI_PUBLICZNE = "Ustawa z dnia 21 marca 1985 r. o drogach publicznych (Dz.U. z 2024 r. poz. 320, z późn. zm.)"
PODATKI_LOKALNE = (
    "Ustawa z dnia 12 stycznia 1991 r. o podatkach i opłatach lokalnych "
    "(Dz.U. z 2023 r. poz. 70, z późn. zm.)"
)
ORDYNACJA = "Ustawa z dnia 29 sierpnia 1997 r. – Ordynacja podatkowa (Dz.U. z 2023 r. poz. 2383, z późn. zm.)"
CEIDG = (
    "Ustawa z dnia 6 marca 2018 r. o Centralnej Ewidencji i Informacji o Działalności Gospodarczej i Punkcie "
    "Informacji dla Przedsiębiorcy (Dz.U. z 2022 r. poz. 541, z późn. zm.)"
)
PRAWO_PRZEDSIEBIORCOW = "Ustawa z dnia 6 marca 2018 r. – Prawo przedsiębiorców (Dz.U. z 2024 r. poz. 236, z późn. zm.)"
TRZEZWOSC = (
    "Ustawa z dnia 26 października 1982 r. o wychowaniu w trzeźwości i przeciwdziałaniu alkoholizmowi "
    "(Dz.U. z 2023 r. poz. 2151, z późn. zm.)"
)
PRAWO_BUDOWLANE = "Ustawa z dnia 7 lipca 1994 r. – Prawo budowlane (Dz.U. z 2024 r. poz. 725, z późn. zm.)"
PLANOWANIE = (
    "Ustawa z dnia 27 marca 2003 r. o planowaniu i zagospodarowaniu przestrzennym (Dz.U. z 2024 r. poz. 1130, "
    "z późn. zm.)"
)
CZYSTOSC = (
    "Ustawa z dnia 13 września 1996 r. o utrzymaniu czystości i porządku w gminach (Dz.U. z 2024 r. poz. 399, "
    "z późn. zm.)"
)
OCHRONA_PRZYRODY = "Ustawa z dnia 16 kwietnia 2004 r. o ochronie przyrody (Dz.U. z 2024 r. poz. 1478, z późn. zm.)"
OCHRONA_SRODOWISKA = (
    "Ustawa z dnia 27 kwietnia 2001 r. – Prawo ochrony środowiska (Dz.U. z 2024 r. poz. 54, z późn. "
    "zm.)"
)
OOS = (
    "Ustawa z dnia 3 października 2008 r. o udostępnianiu informacji o środowisku i jego ochronie, udziale "
    "społeczeństwa w ochronie środowiska oraz o ocenach oddziaływania na środowisko (Dz.U. z 2024 r. poz. 1112)"
)
OCHRONA_ZWIERZAT = "Ustawa z dnia 21 sierpnia 1997 r. o ochronie zwierząt (Dz.U. z 2023 r. poz. 1580)"
KARTA_DUZEJ_RODZINY = "Ustawa z dnia 5 czerwca 2014 r. o Karcie Dużej Rodziny (Dz.U. z 2023 r. poz. 1328)"
SWIADCZENIA_RODZINNE = (
    "Ustawa z dnia 28 listopada 2003 r. o świadczeniach rodzinnych (Dz.U. z 2024 r. poz. 323, z późn. "
    "zm.)"
)
OPIEKA_DO_LAT_3 = (
    "Ustawa z dnia 4 lutego 2011 r. o opiece nad dziećmi w wieku do lat 3 (Dz.U. z 2024 r. poz. 338, z późn. zm.)"
)
PRAWO_OSWIATOWE = "Ustawa z dnia 14 grudnia 2016 r. – Prawo oświatowe (Dz.U. z 2024 r. poz. 737, z późn. zm.)"
SYSTEM_OSWIATY = "Ustawa z dnia 7 września 1991 r. o systemie oświaty (Dz.U. z 2024 r. poz. 750, z późn. zm.)"
POMOC_SPOLECZNA = "Ustawa z dnia 12 marca 2004 r. o pomocy społecznej (Dz.U. z 2024 r. poz. 1283, z późn. zm.)"
DODATKI_MIESZKANIOWE = (
    "Ustawa z dnia 21 czerwca 2001 r. o dodatkach mieszkaniowych (Dz.U. z 2021 r. poz. 2133, z późn. zm.)"
)
REHABILITACJA = (
    "Ustawa z dnia 27 sierpnia 1997 r. o rehabilitacji zawodowej i społecznej oraz zatrudnianiu osób "
    "niepełnosprawnych (Dz.U. z 2024 r. poz. 44, z późn. zm.)"
)
RYNEK_PRACY = "Ustawa z dnia 20 marca 2025 r. o rynku pracy i służbach zatrudnienia (Dz.U. z 2025 r. poz. 620)"
BIBLIOTEKI = "Ustawa z dnia 27 czerwca 1997 r. o bibliotekach (Dz.U. z 2022 r. poz. 2393)"
SPORT = "Ustawa z dnia 25 czerwca 2010 r. o sporcie (Dz.U. z 2024 r. poz. 1488)"
ZABYTKI = "Ustawa z dnia 23 lipca 2003 r. o ochronie zabytków i opiece nad zabytkami (Dz.U. z 2024 r. poz. 1292)"
MUZEA = "Ustawa z dnia 21 listopada 1996 r. o muzeach (Dz.U. z 2022 r. poz. 385)"
POZYTEK = (
    "Ustawa z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie "
    "(Dz.U. z 2024 r. poz. 1491, z późn. zm.)"
)
WZORY_OFERT = (
    "Rozporządzenie Przewodniczącego Komitetu do spraw Pożytku Publicznego z dnia 24 października 2018 r. "
    "w sprawie wzorów ofert i ramowych wzorów umów dotyczących realizacji zadań publicznych oraz wzorów "
    "sprawozdań z wykonania tych zadań (Dz.U. z 2018 r. poz. 2057)"
)
STOWARZYSZENIA = "Ustawa z dnia 7 kwietnia 1989 r. – Prawo o stowarzyszeniach (Dz.U. z 2020 r. poz. 2261)"
SAMORZAD_GMINNY = "Ustawa z dnia 8 marca 1990 r. o samorządzie gminnym (Dz.U. z 2024 r. poz. 1465, z późn. zm.)"
FINANSE_PUBLICZNE = "Ustawa z dnia 27 sierpnia 2009 r. o finansach publicznych (Dz.U. z 2024 r. poz. 1530, z późn. zm.)"
GOSPODARKA_NIERUCHOMOSCIAMI = (
    "Ustawa z dnia 21 sierpnia 1997 r. o gospodarce nieruchomościami (Dz.U. z 2024 r. poz. 1145, z późn. zm.)"
)
PRZEKSZTALCENIE = (
    "Ustawa z dnia 20 lipca 2018 r. o przekształceniu prawa użytkowania wieczystego gruntów zabudowanych na cele "
    "mieszkaniowe w prawo własności tych gruntów (Dz.U. z 2024 r. poz. 386)"
)
OCHRONA_LOKATOROW = (
    "Ustawa z dnia 21 czerwca 2001 r. o ochronie praw lokatorów, mieszkaniowym zasobie gminy i o zmianie "
    "Kodeksu cywilnego (Dz.U. z 2023 r. poz. 725, z późn. zm.)"
)
GEODEZJA = "Ustawa z dnia 17 maja 1989 r. – Prawo geodezyjne i kartograficzne (Dz.U. z 2024 r. poz. 1151, z późn. zm.)"
SWIADCZENIA_ZDROWOTNE = (
    "Ustawa z dnia 27 sierpnia 2004 r. o świadczeniach opieki zdrowotnej finansowanych ze środków publicznych "
    "(Dz.U. z 2024 r. poz. 146, z późn. zm.)"
)
ZDROWIE_PUBLICZNE = "Ustawa z dnia 11 września 2015 r. o zdrowiu publicznym (Dz.U. z 2024 r. poz. 1670)"
IMPREZY_MASOWE = (
    "Ustawa z dnia 20 marca 2009 r. o bezpieczeństwie imprez masowych (Dz.U. z 2023 r. poz. 616, z późn. "
    "zm.)"
)
ZGROMADZENIA = "Ustawa z dnia 24 lipca 2015 r. – Prawo o zgromadzeniach (Dz.U. z 2022 r. poz. 1389)"
STRAZE_GMINNE = "Ustawa z dnia 29 sierpnia 1997 r. o strażach gminnych (Dz.U. z 2024 r. poz. 1016)"

# ------------------------------------------------------------------ repeated phrases
PROXY = "Pełnomocnictwo z dowodem zapłaty opłaty skarbowej (17 zł) — jeśli sprawę załatwia pełnomocnik"
ID_CARD = "Dowód osobisty lub paszport (do wglądu)"
PAY_OFFICE = (
    "Gotówką lub kartą w kasie Urzędu Miejskiego w Zabrzu (parter) albo przelewem na rachunek Urzędu Miejskiego "
    "w Zabrzu; dowód zapłaty dołącza się do wniosku. Przy sprawie załatwianej przez ePUAP lub SEKAP opłatę "
    "można wnieść online."
)
PAY_MOTOR = (
    "Kartą płatniczą przy stanowisku Wydziału Komunikacji, w kasie urzędu albo przelewem na rachunek Urzędu "
    "Miejskiego w Zabrzu. Opłatę za wniosek złożony elektronicznie wnosi się online."
)
FREE = "Sprawa nie podlega opłacie."
KPA_DEADLINE = "do 30 dni, w sprawach szczególnie skomplikowanych do 2 miesięcy"


def _service(
    id_,
    title,
    description,
    audience,
    category,
    responsible,
    *,
    eligibility,
    documents,
    deadline,
    legal,
    review,
    location=None,
    fee=None,
    payment=FREE,
    channels=("in_person", "post"),
    online_url=None,
    related=(),
    suspended=False,
    reason=None,
    text="",
):
    """One card. `fee` None means free of charge; otherwise the amount in PLN as a string ("17.00")."""
    channels = list(channels)
    if online_url:
        channels.append("online")
    return {
        "id": id_,
        "title": title,
        "description": description,
        "audience": list(audience),
        "category": category,
        "eligibility": eligibility,
        "required_documents": "\n".join(documents),
        "fee_free": fee is None,
        "fee_amount": fee,
        "fee_payment": payment,
        "handling_deadline": deadline,
        "submission_channels": channels,
        "online_url": online_url,
        "responsible": responsible,
        "location": location,
        "legal_basis": "\n".join(legal),
        "related": tuple(related),
        "last_review": review,
        "suspended": suspended,
        "suspension_reason": reason,
        "text": text,
    }


R = ("residents",)
B = ("businesses",)
N = ("ngos",)
RB = ("residents", "businesses")
RN = ("residents", "ngos")
BN = ("businesses", "ngos")
ALL = ("residents", "businesses", "ngos")

SO = "wydzial-spraw-obywatelskich"
BOM = "biuro-obslugi-mieszkancow"
USC = "urzad-stanu-cywilnego"
KOM = "wydzial-komunikacji"
POD = "wydzial-podatkow-i-oplat"
NGO = "biuro-organizacji-pozarzadowych"

SERVICES = (
    # ================================================================== meldunek i sprawy obywatelskie
    _service(
        "zameldowanie-na-pobyt-staly",
        "Zameldowanie na pobyt stały",
        "Zgłoszenie pobytu stałego w Zabrzu — osobiście, przez pełnomocnika lub elektronicznie.",
        R,
        "meldunek",
        SO,
        location=BOM,
        eligibility=(
            "Obywatel polski albo cudzoziemiec, który zamieszkuje w Zabrzu pod określonym adresem z zamiarem "
            "stałego przebywania. Zameldować się trzeba najpóźniej w 30. dniu od dnia przybycia do lokalu."
        ),
        documents=(
            "Formularz zgłoszenia pobytu stałego",
            ID_CARD,
            "Dokument potwierdzający tytuł prawny do lokalu (np. umowa najmu, akt notarialny) do wglądu albo "
            "potwierdzenie pobytu przez właściciela lub najemcę lokalu na formularzu zgłoszenia",
            PROXY,
        ),
        deadline="niezwłocznie, w dniu zgłoszenia",
        online_url=EPUAP + "sprawy-obywatelskie/meldunek/zameldowanie-na-pobyt-staly",
        legal=(EWIDENCJA_LUDNOSCI, OPLATA_SKARBOWA),
        related=("wymeldowanie", "zameldowanie-na-pobyt-czasowy", "zaswiadczenie-o-zameldowaniu"),
        review="2026-09-14",
        text=(
            "<p>Zameldowanie na pobyt stały w nowym miejscu oznacza jednoczesne wymeldowanie z poprzedniego "
            "adresu — nie trzeba wymeldowywać się osobno. Przy zgłoszeniu elektronicznym (profil zaufany, "
            "e-dowód) właściciel lokalu potwierdza pobyt również elektronicznie.</p>"
        ),
    ),
    _service(
        "zameldowanie-na-pobyt-czasowy",
        "Zameldowanie na pobyt czasowy",
        "Zgłoszenie pobytu czasowego trwającego ponad 3 miesiące, np. na czas studiów lub pracy.",
        R,
        "meldunek",
        SO,
        location=BOM,
        eligibility=(
            "Osoba, która przebywa w Zabrzu pod określonym adresem ponad 3 miesiące bez zamiaru zmiany miejsca "
            "pobytu stałego; zgłasza pobyt najpóźniej w 30. dniu od dnia przybycia. Można mieć jednocześnie "
            "jeden adres pobytu stałego i jeden adres pobytu czasowego."
        ),
        documents=(
            "Formularz zgłoszenia pobytu czasowego (z deklarowanym okresem pobytu)",
            ID_CARD,
            "Dokument potwierdzający tytuł prawny do lokalu do wglądu albo potwierdzenie pobytu przez "
            "właściciela lub najemcę lokalu",
            PROXY,
        ),
        deadline="niezwłocznie, w dniu zgłoszenia",
        online_url=EPUAP + "sprawy-obywatelskie/meldunek/zameldowanie-na-pobyt-czasowy",
        legal=(EWIDENCJA_LUDNOSCI,),
        related=("zameldowanie-na-pobyt-staly", "wymeldowanie"),
        review="2026-09-14",
    ),
    _service(
        "wymeldowanie",
        "Wymeldowanie z pobytu stałego lub czasowego",
        "Zgłoszenie wyprowadzki z lokalu albo wcześniejszego zakończenia pobytu czasowego.",
        R,
        "meldunek",
        SO,
        location=BOM,
        eligibility="Osoba, która opuszcza miejsce pobytu stałego albo czasowego przed zadeklarowanym terminem.",
        documents=("Formularz zgłoszenia wymeldowania", ID_CARD, PROXY),
        deadline="niezwłocznie, w dniu zgłoszenia",
        online_url=EPUAP + "sprawy-obywatelskie/meldunek/wymeldowanie",
        legal=(EWIDENCJA_LUDNOSCI,),
        related=("zameldowanie-na-pobyt-staly", "wymeldowanie-decyzja"),
        review="2026-09-14",
    ),
    _service(
        "wymeldowanie-decyzja",
        "Wymeldowanie w drodze decyzji administracyjnej",
        "Postępowanie na wniosek właściciela lokalu, gdy zameldowana osoba opuściła lokal i nie wymeldowała się.",
        RB,
        "meldunek",
        SO,
        location=BOM,
        eligibility=(
            "Właściciel lub zarządca lokalu albo inna osoba mająca interes prawny, gdy zameldowany opuścił "
            "lokal na stałe i nie dopełnił obowiązku wymeldowania się."
        ),
        documents=(
            "Wniosek o wymeldowanie z uzasadnieniem i wskazaniem dowodów (np. świadków)",
            "Dokument potwierdzający tytuł prawny do lokalu",
            "Dowód zapłaty opłaty skarbowej za wydanie decyzji (10 zł)",
            PROXY,
        ),
        fee="10.00",
        payment=PAY_OFFICE,
        deadline=KPA_DEADLINE,
        legal=(EWIDENCJA_LUDNOSCI, KPA, OPLATA_SKARBOWA),
        related=("wymeldowanie",),
        review="2026-03-02",
        text=(
            "<p>Urząd prowadzi postępowanie wyjaśniające: przesłuchuje strony i świadków, może zwrócić się do "
            "policji lub straży miejskiej o ustalenie, czy osoba przebywa w lokalu. Decyzja jest doręczana "
            "stronom; przysługuje od niej odwołanie do Wojewody Śląskiego.</p>"
        ),
    ),
    _service(
        "zaswiadczenie-o-zameldowaniu",
        "Zaświadczenie o zameldowaniu",
        "Zaświadczenie o miejscu zameldowania na pobyt stały lub czasowy, także historyczne.",
        R,
        "meldunek",
        SO,
        location=BOM,
        eligibility="Osoba, której dane dotyczą, lub jej pełnomocnik.",
        documents=("Wniosek o wydanie zaświadczenia", ID_CARD, "Dowód zapłaty opłaty skarbowej", PROXY),
        fee="17.00",
        payment=PAY_OFFICE,
        deadline="niezwłocznie, najpóźniej w ciągu 7 dni",
        online_url=EPUAP + "sprawy-obywatelskie/meldunek/zaswiadczenie-o-zameldowaniu",
        legal=(EWIDENCJA_LUDNOSCI, KPA, OPLATA_SKARBOWA),
        related=("zameldowanie-na-pobyt-staly",),
        review="2026-05-18",
    ),
    _service(
        "udostepnienie-danych-z-rejestru-pesel",
        "Udostępnienie danych z rejestru PESEL i rejestru mieszkańców",
        "Dane adresowe innej osoby dla podmiotu, który wykaże interes prawny, np. wierzyciela lub sądu.",
        RB,
        "meldunek",
        SO,
        location=BOM,
        eligibility=(
            "Osoby i jednostki organizacyjne, które wykażą interes prawny w otrzymaniu danych; podmioty "
            "wykazujące interes faktyczny — za zgodą osoby, której dane dotyczą."
        ),
        documents=(
            "Wniosek o udostępnienie danych jednostkowych",
            "Dokument potwierdzający interes prawny (np. nakaz zapłaty, umowa, wezwanie sądu)",
            "Dowód zapłaty opłaty (31 zł za dane jednej osoby)",
        ),
        fee="31.00",
        payment="Przelewem na rachunek Urzędu Miejskiego w Zabrzu przed złożeniem wniosku lub w kasie urzędu.",
        deadline="niezwłocznie, nie później niż w ciągu 30 dni",
        online_url=EPUAP + "sprawy-obywatelskie/meldunek/udostepnienie-danych-z-rejestru-pesel",
        legal=(EWIDENCJA_LUDNOSCI,),
        review="2026-02-09",
    ),
    _service(
        "wpis-do-rejestru-wyborcow",
        "Wpis do stałego rejestru wyborców",
        "Dla mieszkańców bez zameldowania w Zabrzu i obywateli UE, którzy chcą głosować w Zabrzu.",
        R,
        "meldunek",
        SO,
        location=BOM,
        eligibility=(
            "Wyborca stale zamieszkały w Zabrzu bez zameldowania na pobyt stały albo zameldowany pod innym "
            "adresem na terenie miasta; obywatel innego państwa UE stale zamieszkały w Zabrzu."
        ),
        documents=(
            "Wniosek o wpisanie do stałego rejestru wyborców",
            "Kopia dokumentu tożsamości",
            "Dokument potwierdzający stałe zamieszkanie pod wskazanym adresem (np. umowa najmu)",
            "Obywatel UE: oświadczenie o obywatelstwie i adresie zamieszkania",
        ),
        deadline="decyzja w ciągu 3 dni od złożenia wniosku",
        online_url=EPUAP + "sprawy-obywatelskie/wybory/wpis-do-rejestru-wyborcow",
        legal=(KODEKS_WYBORCZY,),
        review="2026-04-20",
    ),
    _service(
        "rejestracja-zgonu",
        "Zgłoszenie i rejestracja zgonu",
        "Sporządzenie aktu zgonu na podstawie karty zgonu; pierwszy odpis skrócony wydawany bezpłatnie.",
        R,
        "meldunek",
        USC,
        eligibility=(
            "Małżonek lub krewni zmarłego, osoby zamieszkujące ze zmarłym albo zakład pogrzebowy działający "
            "na podstawie pisemnego upoważnienia rodziny."
        ),
        documents=(
            "Karta zgonu wystawiona przez lekarza",
            "Dowód osobisty zmarłego",
            "Dokument tożsamości osoby zgłaszającej",
        ),
        deadline="niezwłocznie; zgon zgłasza się w ciągu 3 dni od sporządzenia karty zgonu",
        legal=(AKTY_STANU_CYWILNEGO,),
        related=("odpis-aktu-stanu-cywilnego",),
        review="2026-06-08",
        text=(
            "<p>Zgon zgłasza się w Urzędzie Stanu Cywilnego właściwym dla miejsca zgonu. Gdy zgon nastąpił "
            "wskutek choroby zakaźnej, termin wynosi 24 godziny. Po rejestracji urząd unieważnia dowód osobisty "
            "zmarłego i wydaje bezpłatnie jeden odpis skrócony aktu zgonu.</p>"
        ),
    ),
    _service(
        "odpis-aktu-stanu-cywilnego",
        "Odpis aktu urodzenia, małżeństwa lub zgonu",
        "Odpis skrócony lub zupełny i zaświadczenia z rejestru stanu cywilnego — w każdym USC w Polsce.",
        R,
        "meldunek",
        USC,
        eligibility=(
            "Osoba, której akt dotyczy, jej małżonek, wstępni, zstępni, rodzeństwo, przedstawiciel ustawowy "
            "i opiekun; inne osoby i instytucje, które wykażą interes prawny."
        ),
        documents=(
            "Wniosek o wydanie odpisu (z danymi pozwalającymi odnaleźć akt)",
            ID_CARD,
            "Dowód zapłaty opłaty skarbowej",
            PROXY,
        ),
        fee="22.00",
        payment=(
            "Odpis skrócony 22 zł, odpis zupełny 33 zł. Odpisy do świadczeń socjalnych, spraw alimentacyjnych "
            "i rentowych są wolne od opłaty. " + PAY_OFFICE
        ),
        deadline="niezwłocznie, najpóźniej w ciągu 7 dni",
        online_url=EPUAP + "sprawy-obywatelskie/stan-cywilny/odpis-aktu-stanu-cywilnego",
        legal=(AKTY_STANU_CYWILNEGO, OPLATA_SKARBOWA),
        related=("rejestracja-urodzenia", "zawarcie-malzenstwa", "rejestracja-zgonu"),
        review="2026-06-08",
    ),
    _service(
        "zmiana-imienia-lub-nazwiska",
        "Zmiana imienia lub nazwiska",
        "Decyzja administracyjna o zmianie imienia lub nazwiska z ważnych powodów.",
        R,
        "meldunek",
        USC,
        eligibility=(
            "Obywatel polski (za dziecko wniosek składają rodzice), gdy zachodzą ważne powody, np. imię lub "
            "nazwisko ośmieszające, niezgodne z godnością człowieka albo faktycznie używane."
        ),
        documents=(
            "Wniosek o zmianę imienia lub nazwiska z uzasadnieniem",
            ID_CARD,
            "Zgoda drugiego rodzica albo orzeczenie sądu — przy zmianie dotyczącej dziecka",
            "Dowód zapłaty opłaty skarbowej (37 zł)",
        ),
        fee="37.00",
        payment=PAY_OFFICE,
        deadline="do 30 dni",
        legal=(ZMIANA_NAZWISKA, KPA, OPLATA_SKARBOWA),
        related=("odpis-aktu-stanu-cywilnego", "dowod-osobisty"),
        review="2026-01-26",
    ),
    _service(
        "transkrypcja-aktu",
        "Transkrypcja zagranicznego aktu stanu cywilnego",
        "Wpisanie do polskiego rejestru stanu cywilnego aktu urodzenia, małżeństwa lub zgonu sporządzonego "
        "za granicą.",
        R,
        "meldunek",
        USC,
        eligibility="Osoba, której akt dotyczy, lub inna osoba wykazująca interes prawny.",
        documents=(
            "Wniosek o transkrypcję",
            "Oryginał zagranicznego dokumentu stanu cywilnego (z apostille, jeśli jest wymagana)",
            "Urzędowe tłumaczenie dokumentu przez tłumacza przysięgłego (nie dotyczy wielojęzycznych "
            "formularzy UE)",
            "Dowód zapłaty opłaty skarbowej (50 zł)",
        ),
        fee="50.00",
        payment=PAY_OFFICE,
        deadline="do 30 dni",
        legal=(AKTY_STANU_CYWILNEGO, OPLATA_SKARBOWA),
        related=("odpis-aktu-stanu-cywilnego",),
        review="2025-09-01",
    ),
    _service(
        "informacja-publiczna",
        "Wniosek o udostępnienie informacji publicznej",
        "Dostęp do informacji publicznej, której nie opublikowano w Biuletynie Informacji Publicznej.",
        ALL,
        "meldunek",
        "wydzial-organizacyjny",
        location=BOM,
        eligibility="Każdy — bez obowiązku wykazywania interesu prawnego lub faktycznego.",
        documents=(
            "Wniosek w dowolnej formie (pisemnie, e-mailem, ustnie) ze wskazaniem żądanej informacji i "
            "sposobu jej udostępnienia",
        ),
        payment=(
            "Udostępnienie jest bezpłatne. Jeżeli przygotowanie informacji w żądanej formie wymaga dodatkowych "
            "kosztów, urząd w ciągu 14 dni powiadamia o ich wysokości."
        ),
        deadline="bez zbędnej zwłoki, nie później niż w ciągu 14 dni (z powiadomieniem do 2 miesięcy)",
        online_url=SEKAP + "wniosek-o-udostepnienie-informacji-publicznej",
        legal=(INFORMACJA_PUBLICZNA,),
        review="2026-10-05",
        text=(
            "<p>Gdy informacji nie można udostępnić w terminie 14 dni, urząd zawiadamia wnioskodawcę o "
            "przyczynach opóźnienia i nowym terminie, nie dłuższym niż 2 miesiące od złożenia wniosku. "
            "Odmowa udostępnienia następuje w drodze decyzji.</p>"
        ),
    ),
    _service(
        "porada-rzecznika-konsumentow",
        "Bezpłatna porada Miejskiego Rzecznika Konsumentów",
        "Pomoc przy reklamacji, odstąpieniu od umowy i sporze z przedsiębiorcą.",
        R,
        "meldunek",
        "miejski-rzecznik-konsumentow",
        eligibility="Konsumenci zamieszkali w Zabrzu.",
        documents=(
            "Opis sprawy",
            "Umowa, paragon lub faktura, korespondencja z przedsiębiorcą (kopie)",
        ),
        deadline="porada w dniu dyżuru; interwencja u przedsiębiorcy do 30 dni",
        online_url=SEKAP + "wniosek-do-miejskiego-rzecznika-konsumentow",
        legal=(OCHRONA_KONSUMENTOW, PRAWA_KONSUMENTA),
        review="2026-07-13",
    ),
    # ================================================================== dowody osobiste
    _service(
        "dowod-osobisty",
        "Wydanie dowodu osobistego",
        "Pierwszy dowód, wymiana po upływie ważności, po zmianie danych lub po utracie.",
        R,
        "dowody-osobiste",
        SO,
        location=BOM,
        eligibility=(
            "Obywatel polski; za osobę małoletnią wniosek składa rodzic lub opiekun. Osoba powyżej 5 lat "
            "musi być obecna przy składaniu wniosku; od 12 lat pobiera się odciski palców."
        ),
        documents=(
            "Wniosek o wydanie dowodu osobistego (wypełniany w urzędzie lub elektronicznie)",
            "Jedna aktualna kolorowa fotografia 35 × 45 mm (przy wniosku papierowym)",
            "Dotychczasowy dowód osobisty (jeśli nie został utracony)",
        ),
        payment="Wydanie dowodu osobistego jest bezpłatne.",
        deadline="do 30 dni",
        online_url=EPUAP + "sprawy-obywatelskie/dowody-osobiste/wniosek-o-wydanie-dowodu-osobistego",
        legal=(DOWODY,),
        related=("zgloszenie-utraty-dowodu", "potwierdzenie-profilu-zaufanego"),
        review="2026-10-19",
        text=(
            "<p>O gotowym dowodzie urząd informuje SMS-em lub e-mailem. Odbiór osobisty w Biurze Obsługi "
            "Mieszkańców; przy odbiorze można ustawić kody PIN do warstwy elektronicznej e-dowodu.</p>"
        ),
    ),
    _service(
        "zgloszenie-utraty-dowodu",
        "Zgłoszenie utraty lub uszkodzenia dowodu osobistego",
        "Unieważnienie utraconego dowodu, aby nikt nie mógł się nim posłużyć.",
        R,
        "dowody-osobiste",
        SO,
        location=BOM,
        eligibility="Posiadacz dowodu; za dziecko — rodzic lub opiekun prawny.",
        documents=("Zgłoszenie utraty lub uszkodzenia dowodu osobistego", "Inny dokument tożsamości, np. paszport"),
        deadline="niezwłocznie — dowód jest unieważniany z chwilą zgłoszenia",
        online_url=EPUAP + "sprawy-obywatelskie/dowody-osobiste/zgloszenie-utraty-dowodu-osobistego",
        legal=(DOWODY,),
        related=("dowod-osobisty",),
        review="2026-10-19",
    ),
    _service(
        "potwierdzenie-profilu-zaufanego",
        "Potwierdzenie profilu zaufanego",
        "Założenie lub przedłużenie profilu zaufanego do spraw załatwianych przez internet.",
        R,
        "dowody-osobiste",
        BOM,
        eligibility="Osoba pełnoletnia z numerem PESEL, po złożeniu wniosku o profil zaufany przez internet.",
        documents=("Dowód osobisty lub paszport", "Identyfikator wniosku o profil zaufany złożonego online"),
        deadline="niezwłocznie, w trakcie wizyty",
        online_url=EPUAP + "profil-zaufany/zaloz-profil-zaufany",
        legal=(INFORMATYZACJA,),
        related=("dowod-osobisty",),
        review="2026-08-24",
        text=(
            "<p>Profil zaufany jest ważny 3 lata. Potwierdzenie jest możliwe także w infokioskach urzędu "
            "z pomocą pracownika Biura Obsługi Mieszkańców.</p>"
        ),
    ),
    # ================================================================== komunikacja i transport
    _service(
        "rejestracja-pojazdu",
        "Rejestracja pojazdu",
        "Rejestracja samochodu kupionego w Polsce lub sprowadzonego z zagranicy.",
        RB,
        "komunikacja-i-transport",
        KOM,
        eligibility=(
            "Właściciel pojazdu zamieszkały w Zabrzu albo przedsiębiorca z siedzibą w Zabrzu; wniosek składa "
            "się w ciągu 30 dni od nabycia lub sprowadzenia pojazdu."
        ),
        documents=(
            "Wniosek o rejestrację pojazdu",
            "Dowód własności pojazdu (umowa, faktura, rachunek)",
            "Dotychczasowy dowód rejestracyjny i tablice rejestracyjne (jeśli zmieniają się numery)",
            "Zaświadczenie o pozytywnym wyniku badania technicznego (jeśli jest wymagane)",
            "Pojazd sprowadzony: dokumenty zagraniczne z tłumaczeniem i potwierdzenie zapłaty akcyzy",
            ID_CARD,
        ),
        fee="180.50",
        payment=(
            "180,50 zł przy rejestracji z nowymi tablicami: dowód rejestracyjny 54 zł, pozwolenie czasowe "
            "13,50 zł, tablice 80 zł, nalepka kontrolna 18,50 zł, znaki legalizacyjne 12,50 zł i opłaty "
            "ewidencyjne 2 zł. Przy zachowaniu dotychczasowych tablic opłata jest niższa. " + PAY_MOTOR
        ),
        deadline="pozwolenie czasowe od ręki, dowód rejestracyjny do 30 dni",
        online_url=EPUAP + "pojazdy/rejestracja-pojazdu",
        legal=(RUCH_DROGOWY,),
        related=("wyrejestrowanie-pojazdu", "zawiadomienie-o-zbyciu-pojazdu"),
        review="2026-11-03",
    ),
    _service(
        "wyrejestrowanie-pojazdu",
        "Wyrejestrowanie pojazdu",
        "Po demontażu w stacji demontażu, kradzieży lub trwałym wywozie pojazdu za granicę.",
        RB,
        "komunikacja-i-transport",
        KOM,
        eligibility="Właściciel pojazdu zarejestrowanego w Zabrzu.",
        documents=(
            "Wniosek o wyrejestrowanie pojazdu",
            "Zaświadczenie o demontażu pojazdu albo zaświadczenie policji o kradzieży",
            "Dowód rejestracyjny i tablice rejestracyjne (jeśli nie zostały przekazane do stacji demontażu)",
        ),
        deadline="do 30 dni",
        online_url=EPUAP + "pojazdy/wyrejestrowanie-pojazdu",
        legal=(RUCH_DROGOWY, KPA),
        related=("rejestracja-pojazdu",),
        review="2026-11-03",
    ),
    _service(
        "zawiadomienie-o-zbyciu-pojazdu",
        "Zawiadomienie o zbyciu pojazdu",
        "Obowiązkowe zgłoszenie sprzedaży, darowizny lub innego zbycia zarejestrowanego pojazdu.",
        RB,
        "komunikacja-i-transport",
        KOM,
        eligibility="Dotychczasowy właściciel pojazdu zarejestrowanego w Zabrzu — w ciągu 30 dni od zbycia.",
        documents=("Zawiadomienie o zbyciu pojazdu", "Kopia umowy sprzedaży lub innego dokumentu zbycia"),
        deadline="niezwłocznie",
        online_url=EPUAP + "pojazdy/zawiadomienie-o-zbyciu-pojazdu",
        legal=(RUCH_DROGOWY,),
        related=("rejestracja-pojazdu",),
        review="2026-11-03",
        text=(
            "<p>Niedopełnienie obowiązku w terminie 30 dni grozi karą administracyjną. Zgłoszenie przez "
            "internet jest najszybsze i nie wymaga wizyty w urzędzie.</p>"
        ),
    ),
    _service(
        "profil-kandydata-na-kierowce",
        "Profil kandydata na kierowcę (PKK)",
        "Numer PKK potrzebny do zapisania się na kurs prawa jazdy.",
        R,
        "komunikacja-i-transport",
        KOM,
        eligibility="Osoba zamieszkała w Zabrzu, która osiągnęła wymagany wiek dla kategorii lub ukończy go "
        "w ciągu 3 miesięcy.",
        documents=(
            "Wniosek o wydanie prawa jazdy (na jego podstawie generowany jest PKK)",
            "Kolorowa fotografia 35 × 45 mm",
            "Orzeczenie lekarskie o braku przeciwwskazań zdrowotnych do kierowania pojazdami",
            "Pisemna zgoda rodzica — w przypadku osoby niepełnoletniej",
        ),
        deadline="niezwłocznie, do 2 dni roboczych",
        online_url=EPUAP + "kierowcy/profil-kandydata-na-kierowce",
        legal=(KIERUJACY,),
        related=("prawo-jazdy",),
        review="2026-07-06",
    ),
    _service(
        "prawo-jazdy",
        "Wydanie lub wymiana prawa jazdy",
        "Prawo jazdy po zdanym egzaminie państwowym, po upływie ważności lub zmianie danych.",
        R,
        "komunikacja-i-transport",
        KOM,
        eligibility="Osoba zamieszkała w Zabrzu, która zdała egzamin państwowy albo której dokument traci "
        "ważność lub zawiera nieaktualne dane.",
        documents=(
            "Wniosek o wydanie prawa jazdy (przy wymianie)",
            "Kolorowa fotografia 35 × 45 mm",
            "Dotychczasowe prawo jazdy (przy wymianie)",
            "Aktualne orzeczenie lekarskie — jeśli uprawnienie było ograniczone terminem",
        ),
        fee="100.50",
        payment="100 zł za prawo jazdy i 0,50 zł opłaty ewidencyjnej. " + PAY_MOTOR,
        deadline="do 30 dni; zwykle ok. 7 dni roboczych",
        online_url=EPUAP + "kierowcy/wymiana-prawa-jazdy",
        legal=(KIERUJACY,),
        related=("profil-kandydata-na-kierowce",),
        review="2026-07-06",
    ),
    _service(
        "karta-parkingowa",
        "Karta parkingowa dla osoby z niepełnosprawnością",
        "Uprawnia do parkowania na kopertach dla osób niepełnosprawnych w całym kraju i w UE.",
        RN,
        "komunikacja-i-transport",
        "miejski-zespol-orzekania",
        eligibility=(
            "Osoba z orzeczeniem o znacznym lub umiarkowanym stopniu niepełnosprawności ze wskazaniem "
            "o znacznie ograniczonych możliwościach samodzielnego poruszania się; dziecko do 16 lat z takim "
            "wskazaniem; placówki zajmujące się opieką lub rehabilitacją osób niepełnosprawnych, w tym "
            "prowadzone przez organizacje pozarządowe."
        ),
        documents=(
            "Wniosek o wydanie karty parkingowej",
            "Orzeczenie o stopniu niepełnosprawności (do wglądu)",
            "Jedna fotografia 35 × 45 mm",
            "Placówka: dokument potwierdzający prowadzenie działalności i liczbę pojazdów",
        ),
        fee="21.00",
        payment="Przelewem na rachunek Urzędu Miejskiego w Zabrzu lub w kasie urzędu przed odbiorem karty.",
        deadline="do 30 dni",
        online_url=SEKAP + "wniosek-o-wydanie-karty-parkingowej",
        legal=(RUCH_DROGOWY, REHABILITACJA),
        related=("orzeczenie-o-niepelnosprawnosci",),
        review="2026-05-25",
    ),
    _service(
        "licencja-taxi",
        "Licencja na przewóz osób taksówką",
        "Licencja na wykonywanie transportu drogowego taksówką na obszarze Zabrza.",
        B,
        "komunikacja-i-transport",
        KOM,
        eligibility=(
            "Przedsiębiorca, który spełnia wymóg dobrej reputacji, a kierowcy mają prawo jazdy kat. B od "
            "co najmniej 3 lat oraz aktualne orzeczenia lekarskie i psychologiczne."
        ),
        documents=(
            "Wniosek o udzielenie licencji ze wskazaniem okresu jej ważności",
            "Zaświadczenie z Krajowego Rejestru Karnego",
            "Orzeczenia lekarskie i psychologiczne kierowców",
            "Dokument potwierdzający prawo do dysponowania pojazdem",
            "Zaświadczenie o badaniu technicznym pojazdu przystosowanego do przewozu osób taksówką",
        ),
        fee="200.00",
        payment=(
            "Opłata zależy od okresu ważności licencji: od 2 do 15 lat — 200 zł, od 16 do 30 lat — 250 zł, "
            "od 31 do 50 lat — 300 zł. " + PAY_MOTOR
        ),
        deadline=KPA_DEADLINE,
        online_url=SEKAP + "licencja-na-przewoz-osob-taksowka",
        legal=(TRANSPORT_DROGOWY, KPA),
        related=("wpis-do-ceidg",),
        review="2026-02-16",
    ),
    _service(
        "zajecie-pasa-drogowego",
        "Zezwolenie na zajęcie pasa drogowego",
        "Roboty w pasie drogowym, rusztowanie, kontener, ogródek gastronomiczny lub reklama przy drodze "
        "miejskiej.",
        RB,
        "komunikacja-i-transport",
        "miejski-zarzad-drog",
        eligibility=(
            "Każdy, kto chce zająć fragment drogi gminnej lub powiatowej w Zabrzu; wniosek składa się "
            "co najmniej 30 dni przed planowanym zajęciem."
        ),
        documents=(
            "Wniosek o zajęcie pasa drogowego",
            "Plan sytuacyjny z zaznaczeniem zajmowanej powierzchni",
            "Zatwierdzony projekt organizacji ruchu (przy robotach w jezdni)",
            "Harmonogram robót",
        ),
        fee="10.00",
        payment=(
            "Kwota na karcie to najwyższa ustawowa stawka dzienna za 1 m² zajętej jezdni przy prowadzeniu robót. "
            "Ostateczną opłatę, liczoną według stawek z uchwały Rady Miasta Zabrze, ustala decyzja; płaci się ją "
            "przelewem na rachunek Miejskiego Zarządu Dróg i Infrastruktury Informatycznej."
        ),
        deadline=KPA_DEADLINE,
        online_url=SEKAP + "zezwolenie-na-zajecie-pasa-drogowego",
        legal=(DROGI_PUBLICZNE, KPA),
        related=("lokalizacja-zjazdu",),
        review="2026-04-13",
    ),
    _service(
        "lokalizacja-zjazdu",
        "Zezwolenie na lokalizację lub przebudowę zjazdu",
        "Zgoda zarządcy drogi na wykonanie nowego zjazdu z drogi publicznej albo przebudowę istniejącego.",
        RB,
        "komunikacja-i-transport",
        "miejski-zarzad-drog",
        eligibility="Właściciel lub użytkownik nieruchomości przylegającej do drogi publicznej.",
        documents=(
            "Wniosek o wydanie zezwolenia",
            "Mapa zasadnicza z zaznaczoną lokalizacją zjazdu",
            "Dokument potwierdzający prawo do dysponowania nieruchomością",
            "Dowód zapłaty opłaty skarbowej (nie dotyczy budownictwa mieszkaniowego)",
        ),
        fee="82.00",
        payment=(
            "Opłata skarbowa 82 zł; zezwolenia w sprawach budownictwa mieszkaniowego są z niej zwolnione. "
            + PAY_OFFICE
        ),
        deadline=KPA_DEADLINE,
        online_url=SEKAP + "zezwolenie-na-lokalizacje-zjazdu",
        legal=(DROGI_PUBLICZNE, OPLATA_SKARBOWA),
        related=("zajecie-pasa-drogowego", "pozwolenie-na-budowe"),
        review="2026-04-13",
    ),
    # ================================================================== podatki i opłaty
    _service(
        "podatek-od-nieruchomosci-osoby-fizyczne",
        "Podatek od nieruchomości — informacja osoby fizycznej (IN-1)",
        "Zgłoszenie nabycia, zbycia lub zmiany nieruchomości przez osobę fizyczną.",
        RB,
        "podatki-i-oplaty",
        POD,
        location=BOM,
        eligibility=(
            "Osoba fizyczna — właściciel, współwłaściciel, użytkownik wieczysty lub posiadacz nieruchomości "
            "w Zabrzu; informację składa się w ciągu 14 dni od zdarzenia (np. nabycia, rozpoczęcia budowy)."
        ),
        documents=(
            "Informacja o nieruchomościach i obiektach budowlanych IN-1 z załącznikami ZIN-1, ZIN-2, ZIN-3",
            "Kopia dokumentu nabycia (akt notarialny, postanowienie sądu)",
        ),
        payment="Złożenie informacji jest bezpłatne. Podatek płaci się w ratach do 15 marca, 15 maja, "
        "15 września i 15 listopada na podstawie decyzji.",
        deadline="decyzja ustalająca wysokość podatku do 30 dni",
        online_url=SEKAP + "informacja-o-nieruchomosciach-in-1",
        legal=(
            PODATKI_LOKALNE,
            ORDYNACJA,
            "Uchwała Rady Miasta Zabrze w sprawie określenia wysokości stawek podatku od nieruchomości "
            "na dany rok podatkowy",
        ),
        related=("zaswiadczenie-o-niezaleganiu", "ulga-w-splacie-podatku"),
        review="2026-01-12",
    ),
    _service(
        "podatek-od-nieruchomosci-osoby-prawne",
        "Podatek od nieruchomości — deklaracja osoby prawnej (DN-1)",
        "Deklaracja spółek, fundacji, stowarzyszeń i innych jednostek organizacyjnych.",
        BN,
        "podatki-i-oplaty",
        POD,
        eligibility=(
            "Osoby prawne, jednostki organizacyjne i spółki bez osobowości prawnej; deklarację składa się do "
            "31 stycznia albo w ciągu 14 dni od powstania obowiązku podatkowego."
        ),
        documents=(
            "Deklaracja na podatek od nieruchomości DN-1 z załącznikami ZDN-1 i ZDN-2",
            "Dokumenty potwierdzające zwolnienia (np. status organizacji pożytku publicznego)",
        ),
        payment="Złożenie deklaracji jest bezpłatne. Podatek wpłaca się bez wezwania w ratach miesięcznych "
        "do 15. dnia każdego miesiąca (za styczeń do 31 stycznia).",
        deadline="podatek płatny bez wezwania",
        online_url=SEKAP + "deklaracja-na-podatek-od-nieruchomosci-dn-1",
        legal=(PODATKI_LOKALNE, ORDYNACJA),
        related=("zaswiadczenie-o-niezaleganiu",),
        review="2026-01-12",
    ),
    _service(
        "podatek-od-srodkow-transportowych",
        "Podatek od środków transportowych (DT-1)",
        "Deklaracja właścicieli ciężarówek powyżej 3,5 t, ciągników siodłowych, przyczep i autobusów.",
        B,
        "podatki-i-oplaty",
        POD,
        eligibility=(
            "Właściciel środka transportowego zarejestrowanego w Zabrzu; deklarację składa się do 15 lutego "
            "albo w ciągu 14 dni od rejestracji pojazdu."
        ),
        documents=("Deklaracja DT-1 z załącznikiem DT-1/A", "Kopia dowodu rejestracyjnego pojazdu"),
        payment="Złożenie deklaracji jest bezpłatne. Podatek płatny w dwóch ratach: do 15 lutego i do 15 września.",
        deadline="podatek płatny bez wezwania",
        online_url=SEKAP + "deklaracja-na-podatek-od-srodkow-transportowych-dt-1",
        legal=(PODATKI_LOKALNE, ORDYNACJA),
        related=("rejestracja-pojazdu",),
        review="2026-01-12",
    ),
    _service(
        "zaswiadczenie-o-niezaleganiu",
        "Zaświadczenie o niezaleganiu w podatkach lokalnych",
        "Zaświadczenie o braku zaległości albo o ich wysokości, np. do przetargu lub konkursu ofert.",
        ALL,
        "podatki-i-oplaty",
        POD,
        location=BOM,
        eligibility="Podatnik, jego pełnomocnik albo następca prawny.",
        documents=("Wniosek o wydanie zaświadczenia z podaniem celu", "Dowód zapłaty opłaty skarbowej", PROXY),
        fee="21.00",
        payment=PAY_OFFICE,
        deadline="do 7 dni",
        online_url=SEKAP + "zaswiadczenie-o-niezaleganiu-w-podatkach",
        legal=(ORDYNACJA, OPLATA_SKARBOWA),
        review="2026-01-12",
    ),
    _service(
        "ulga-w-splacie-podatku",
        "Ulga w spłacie podatku (odroczenie, raty, umorzenie)",
        "Wniosek o odroczenie terminu płatności, rozłożenie na raty lub umorzenie zaległości podatkowej.",
        RB,
        "podatki-i-oplaty",
        POD,
        eligibility="Podatnik w trudnej sytuacji materialnej lub gdy przemawia za tym interes publiczny.",
        documents=(
            "Wniosek z uzasadnieniem",
            "Dokumenty o dochodach i wydatkach gospodarstwa domowego",
            "Przedsiębiorca: formularz informacji przedstawianych przy ubieganiu się o pomoc de minimis "
            "i zaświadczenia o pomocy de minimis otrzymanej w ostatnich 3 latach",
        ),
        deadline=KPA_DEADLINE,
        online_url=SEKAP + "wniosek-o-ulge-w-splacie-zobowiazan-podatkowych",
        legal=(ORDYNACJA,),
        related=("podatek-od-nieruchomosci-osoby-fizyczne",),
        review="2025-12-15",
    ),
    # ================================================================== działalność gospodarcza
    _service(
        "wpis-do-ceidg",
        "Założenie, zmiana, zawieszenie lub zamknięcie firmy w CEIDG",
        "Wniosek do Centralnej Ewidencji i Informacji o Działalności Gospodarczej złożony w urzędzie.",
        B,
        "dzialalnosc-gospodarcza",
        "wydzial-dzialalnosci-gospodarczej",
        eligibility="Osoba fizyczna, która zakłada jednoosobową działalność gospodarczą lub wspólnik spółki "
        "cywilnej.",
        documents=(
            "Wniosek CEIDG-1",
            "Dowód osobisty",
            "Zgłoszenie do ZUS lub KRUS i wybór formy opodatkowania (w tym samym wniosku)",
        ),
        payment="Wpis do CEIDG jest bezpłatny.",
        deadline="niezwłocznie, nie później niż następnego dnia roboczego",
        online_url=EPUAP + "dzialalnosc-gospodarcza/wpis-do-ceidg",
        legal=(CEIDG, PRAWO_PRZEDSIEBIORCOW),
        related=("zezwolenie-na-sprzedaz-alkoholu", "srodki-na-podjecie-dzialalnosci"),
        review="2026-08-03",
        text=(
            "<p>Urzędnik pomaga wypełnić wniosek, potwierdza tożsamość i przekazuje wniosek do CEIDG. Wniosek "
            "wysłany pocztą wymaga podpisu poświadczonego notarialnie. Wpis jest jednocześnie zgłoszeniem do "
            "ZUS lub KRUS, urzędu skarbowego i GUS.</p>"
        ),
    ),
    _service(
        "zezwolenie-na-sprzedaz-alkoholu",
        "Zezwolenie na sprzedaż napojów alkoholowych",
        "Zezwolenie dla sklepu lub lokalu gastronomicznego na terenie Zabrza.",
        B,
        "dzialalnosc-gospodarcza",
        "wydzial-dzialalnosci-gospodarczej",
        eligibility=(
            "Przedsiębiorca prowadzący punkt sprzedaży w Zabrzu zgodny z uchwałami Rady Miasta Zabrze "
            "o maksymalnej liczbie zezwoleń i zasadach usytuowania punktów sprzedaży."
        ),
        documents=(
            "Wniosek o wydanie zezwolenia (rodzaj A, B lub C)",
            "Dokument potwierdzający tytuł prawny do lokalu",
            "Pisemna zgoda właściciela lub zarządcy budynku — jeśli punkt jest w budynku mieszkalnym "
            "wielorodzinnym",
            "Decyzja Państwowego Powiatowego Inspektora Sanitarnego — dla punktu gastronomicznego",
        ),
        fee="525.00",
        payment=(
            "Opłata roczna za korzystanie z zezwolenia: 525 zł na napoje do 4,5% alkoholu i piwo, 525 zł na "
            "napoje od 4,5% do 18% (z wyjątkiem piwa), 2100 zł na napoje powyżej 18%; przy wyższej wartości "
            "sprzedaży opłata jest wyższa. Pierwszą opłatę wnosi się przed wydaniem zezwolenia, w kolejnych "
            "latach w trzech ratach do 31 stycznia, 31 maja i 30 września."
        ),
        deadline=KPA_DEADLINE + " (po opinii Miejskiej Komisji Rozwiązywania Problemów Alkoholowych)",
        online_url=SEKAP + "zezwolenie-na-sprzedaz-napojow-alkoholowych",
        legal=(
            TRZEZWOSC,
            KPA,
            "Uchwała Rady Miasta Zabrze w sprawie maksymalnej liczby zezwoleń na sprzedaż napojów "
            "alkoholowych oraz zasad usytuowania miejsc sprzedaży",
        ),
        related=("jednorazowe-zezwolenie-na-alkohol", "wpis-do-ceidg"),
        review="2026-03-23",
    ),
    _service(
        "jednorazowe-zezwolenie-na-alkohol",
        "Jednorazowe zezwolenie na sprzedaż napojów alkoholowych",
        "Sprzedaż alkoholu podczas festynu, koncertu lub imprezy plenerowej (do 2 dni).",
        B,
        "dzialalnosc-gospodarcza",
        "wydzial-dzialalnosci-gospodarczej",
        eligibility="Przedsiębiorca posiadający stałe zezwolenie na sprzedaż napojów alkoholowych.",
        documents=(
            "Wniosek o wydanie jednorazowego zezwolenia",
            "Zgoda organizatora imprezy",
            "Kopia stałego zezwolenia",
        ),
        fee="43.75",
        payment=(
            "43,75 zł za każdy rodzaj zezwolenia A i B oraz 175 zł za zezwolenie C (1/12 opłaty rocznej). "
            + PAY_OFFICE
        ),
        deadline="do 30 dni; wniosek najpóźniej 14 dni przed imprezą",
        online_url=SEKAP + "jednorazowe-zezwolenie-na-sprzedaz-napojow-alkoholowych",
        legal=(TRZEZWOSC,),
        related=("zezwolenie-na-sprzedaz-alkoholu", "impreza-masowa"),
        review="2026-03-23",
    ),
    _service(
        "dofinansowanie-mlodocianych",
        "Dofinansowanie kosztów kształcenia młodocianych pracowników",
        "Refundacja dla pracodawcy, który wyszkolił młodocianego pracownika (nauka zawodu).",
        BN,
        "dzialalnosc-gospodarcza",
        "wydzial-edukacji",
        eligibility=(
            "Pracodawca (przedsiębiorca lub inna jednostka zatrudniająca), którego młodociany pracownik zdał "
            "egzamin zawodowy; wniosek składa się w ciągu 3 miesięcy od zdania egzaminu."
        ),
        documents=(
            "Wniosek o dofinansowanie",
            "Kopia dokumentu potwierdzającego kwalifikacje pracodawcy lub instruktora do prowadzenia nauki "
            "zawodu",
            "Kopia umowy o pracę w celu przygotowania zawodowego",
            "Kopia dyplomu, certyfikatu lub świadectwa czeladniczego młodocianego",
            "Zaświadczenia o pomocy de minimis",
        ),
        deadline="decyzja do 30 dni, wypłata w miarę dostępności środków z Funduszu Pracy",
        online_url=SEKAP + "dofinansowanie-ksztalcenia-mlodocianych-pracownikow",
        legal=(PRAWO_OSWIATOWE, KPA),
        review="2026-02-02",
    ),
    _service(
        "srodki-na-podjecie-dzialalnosci",
        "Środki z urzędu pracy na podjęcie działalności gospodarczej",
        "Jednorazowe wsparcie dla osoby bezrobotnej, która zakłada własną firmę.",
        RB,
        "dzialalnosc-gospodarcza",
        "pup",
        eligibility=(
            "Osoba bezrobotna zarejestrowana w Powiatowym Urzędzie Pracy w Zabrzu, która nie prowadziła "
            "działalności gospodarczej w ostatnich 12 miesiącach."
        ),
        documents=(
            "Wniosek o przyznanie środków z biznesplanem i kalkulacją wydatków",
            "Proponowana forma zabezpieczenia zwrotu (np. poręczenie, weksel z poręczeniem)",
            "Oświadczenia o pomocy de minimis",
        ),
        deadline="do 30 dni od złożenia kompletnego wniosku",
        online_url="https://www.praca.gov.pl/",
        legal=(RYNEK_PRACY,),
        related=("rejestracja-bezrobotnego", "wpis-do-ceidg"),
        review="2026-06-29",
    ),
    # ================================================================== budownictwo
    _service(
        "pozwolenie-na-budowe",
        "Pozwolenie na budowę",
        "Decyzja starosty (w Zabrzu: Prezydenta Miasta) zatwierdzająca projekt i zezwalająca na budowę.",
        RB,
        "budownictwo",
        "wydzial-architektury-i-budownictwa",
        eligibility="Inwestor mający prawo do dysponowania nieruchomością na cele budowlane.",
        documents=(
            "Wniosek o pozwolenie na budowę (formularz PB-1)",
            "Trzy egzemplarze projektu zagospodarowania działki i projektu architektoniczno-budowlanego "
            "(albo jeden w postaci elektronicznej)",
            "Oświadczenie o prawie do dysponowania nieruchomością na cele budowlane (PB-5)",
            "Decyzja o warunkach zabudowy — jeśli dla terenu nie ma planu miejscowego",
            "Uzgodnienia, opinie i pozwolenia wymagane przepisami szczególnymi",
        ),
        fee="155.00",
        payment=(
            "Opłata skarbowa zależy od obiektu: 2,14 zł za każdy m² powierzchni użytkowej budynku na działalność "
            "gospodarczą (nie więcej niż 539 zł), 48 zł za inny budynek, 155 zł za budowle."
            " Pozwolenia w sprawach budownictwa "
            "mieszkaniowego są zwolnione z opłaty. " + PAY_OFFICE
        ),
        deadline="do 65 dni od złożenia kompletnego wniosku",
        online_url="https://e-budownictwo.gunb.gov.pl/",
        legal=(PRAWO_BUDOWLANE, KPA, OPLATA_SKARBOWA),
        related=("zgloszenie-robot-budowlanych", "warunki-zabudowy", "wypis-i-wyrys-z-planu"),
        review="2026-10-26",
        text=(
            "<p>Zabrze jest miastem na prawach powiatu, dlatego pozwolenia na budowę wydaje Prezydent Miasta "
            "przez Wydział Architektury i Budownictwa. Za przekroczenie 65-dniowego terminu organ płaci karę "
            "na rzecz inwestora. Zakończenie budowy zgłasza się w Powiatowym Inspektoracie Nadzoru "
            "Budowlanego.</p>"
        ),
    ),
    _service(
        "zgloszenie-robot-budowlanych",
        "Zgłoszenie budowy lub robót budowlanych",
        "Dla robót, które nie wymagają pozwolenia, np. budowy wiaty, ogrodzenia powyżej 2,2 m czy "
        "przydomowej oczyszczalni.",
        RB,
        "budownictwo",
        "wydzial-architektury-i-budownictwa",
        eligibility="Inwestor mający prawo do dysponowania nieruchomością na cele budowlane.",
        documents=(
            "Zgłoszenie budowy lub robót budowlanych (PB-2)",
            "Oświadczenie o prawie do dysponowania nieruchomością (PB-5)",
            "Szkice lub rysunki, a w razie potrzeby projekt zagospodarowania działki",
        ),
        payment="Przyjęcie zgłoszenia jest bezpłatne; pełnomocnictwo — 17 zł.",
        deadline="organ może wnieść sprzeciw w ciągu 21 dni od doręczenia zgłoszenia",
        online_url="https://e-budownictwo.gunb.gov.pl/",
        legal=(PRAWO_BUDOWLANE,),
        related=("pozwolenie-na-budowe",),
        review="2026-10-26",
    ),
    _service(
        "warunki-zabudowy",
        "Decyzja o warunkach zabudowy",
        "Ustalenie warunków zabudowy działki, dla której nie uchwalono miejscowego planu.",
        RB,
        "budownictwo",
        "wydzial-planowania-przestrzennego",
        eligibility="Każdy — także osoba, która nie jest właścicielem działki.",
        documents=(
            "Wniosek o ustalenie warunków zabudowy",
            "Kopia mapy zasadniczej lub ewidencyjnej z granicami terenu objętego wnioskiem",
            "Charakterystyka inwestycji (zapotrzebowanie na wodę, energię, sposób odprowadzania ścieków)",
        ),
        fee="598.00",
        payment=(
            "Opłata skarbowa 598 zł; decyzje w sprawach budownictwa mieszkaniowego są zwolnione z opłaty. "
            + PAY_OFFICE
        ),
        deadline="do 2 miesięcy",
        online_url=SEKAP + "decyzja-o-warunkach-zabudowy",
        legal=(PLANOWANIE, KPA, OPLATA_SKARBOWA),
        related=("wypis-i-wyrys-z-planu", "pozwolenie-na-budowe"),
        review="2026-09-07",
        text=(
            "<p>Decyzja o warunkach zabudowy, która stała się prawomocna po 31 grudnia 2025 r., wygasa po "
            "upływie 5 lat. Warunki zabudowy ustala się z uwzględnieniem planu ogólnego miasta.</p>"
        ),
    ),
    _service(
        "wypis-i-wyrys-z-planu",
        "Wypis i wyrys z miejscowego planu zagospodarowania przestrzennego",
        "Informacja o przeznaczeniu działki w planie miejscowym, np. do aktu notarialnego lub kredytu.",
        RB,
        "budownictwo",
        "wydzial-planowania-przestrzennego",
        location=BOM,
        eligibility="Każdy.",
        documents=("Wniosek z numerami działek i obrębu", "Dowód zapłaty opłaty skarbowej"),
        fee="30.00",
        payment=(
            "Wypis do 5 stron 30 zł, powyżej 5 stron 50 zł; wyrys 20 zł za każdą część odpowiadającą "
            "formatowi A4, nie więcej niż 200 zł. " + PAY_OFFICE
        ),
        deadline="niezwłocznie, do 14 dni",
        online_url=SEKAP + "wypis-i-wyrys-z-miejscowego-planu",
        legal=(PLANOWANIE, OPLATA_SKARBOWA),
        related=("warunki-zabudowy",),
        review="2026-09-07",
    ),
    # ================================================================== środowisko i odpady
    _service(
        "deklaracja-odpady",
        "Deklaracja o wysokości opłaty za gospodarowanie odpadami komunalnymi",
        "Pierwsza deklaracja po zamieszkaniu lub deklaracja zmieniająca liczbę mieszkańców.",
        R,
        "srodowisko-i-odpady",
        "wydzial-gospodarki-komunalnej",
        location=BOM,
        eligibility=(
            "Właściciel nieruchomości zamieszkałej w Zabrzu (także najemca, zarządca, wspólnota lub spółdzielnia); "
            "pierwszą deklarację składa się w ciągu 14 dni od zamieszkania, zmianę do 10. dnia miesiąca "
            "następującego po zmianie."
        ),
        documents=(
            "Deklaracja o wysokości opłaty za gospodarowanie odpadami komunalnymi",
            "Oświadczenie o posiadaniu kompostownika — przy ubieganiu się o częściowe zwolnienie",
        ),
        payment="Złożenie deklaracji jest bezpłatne. Opłatę za odpady wnosi się co miesiąc na indywidualny "
        "rachunek bankowy podany w zawiadomieniu.",
        deadline="niezwłocznie",
        online_url=SEKAP + "deklaracja-o-wysokosci-oplaty-za-gospodarowanie-odpadami",
        legal=(
            CZYSTOSC,
            "Uchwała Rady Miasta Zabrze w sprawie wzoru deklaracji o wysokości opłaty za gospodarowanie "
            "odpadami komunalnymi",
            "Uchwała Rady Miasta Zabrze w sprawie Regulaminu utrzymania czystości i porządku na terenie "
            "Miasta Zabrze",
        ),
        related=("pszok", "zameldowanie-na-pobyt-staly"),
        review="2026-11-10",
    ),
    _service(
        "pszok",
        "Oddanie odpadów do Punktu Selektywnej Zbiórki Odpadów Komunalnych",
        "Meble, elektroodpady, opony, odpady z drobnych remontów i niebezpieczne — bez dodatkowych opłat.",
        R,
        "srodowisko-i-odpady",
        "wydzial-gospodarki-komunalnej",
        location="pszok",
        eligibility="Mieszkańcy nieruchomości z Zabrza objętych deklaracją o wysokości opłaty za odpady.",
        documents=("Dokument potwierdzający zamieszkanie w Zabrzu lub numer deklaracji śmieciowej",),
        payment="Odpady w limitach z regulaminu PSZOK są przyjmowane w ramach opłaty za gospodarowanie "
        "odpadami.",
        deadline="od ręki, w godzinach otwarcia punktu",
        channels=("in_person",),
        legal=(CZYSTOSC,),
        related=("deklaracja-odpady",),
        review="2026-11-10",
    ),
    _service(
        "zgloszenie-usuniecia-drzewa",
        "Zgłoszenie zamiaru usunięcia drzewa przez osobę fizyczną",
        "Usunięcie drzewa z prywatnej posesji na cele niezwiązane z działalnością gospodarczą.",
        R,
        "srodowisko-i-odpady",
        "wydzial-ochrony-srodowiska",
        eligibility=(
            "Właściciel nieruchomości będący osobą fizyczną, gdy obwód pnia na wysokości 5 cm przekracza "
            "progi ustawowe (np. 80 cm dla topoli, wierzb i klonów srebrzystych, 65 cm dla kasztanowca, "
            "robinii i platanu, 50 cm dla pozostałych gatunków)."
        ),
        documents=("Zgłoszenie z imieniem, nazwiskiem, adresem i oznaczeniem nieruchomości",
                   "Rysunek lub mapka z lokalizacją drzewa"),
        payment="Zgłoszenie jest bezpłatne.",
        deadline="oględziny w ciągu 21 dni, sprzeciw w ciągu 14 dni od oględzin",
        online_url=SEKAP + "zgloszenie-zamiaru-usuniecia-drzewa",
        legal=(OCHRONA_PRZYRODY,),
        related=("zezwolenie-na-usuniecie-drzew",),
        review="2026-04-27",
    ),
    _service(
        "zezwolenie-na-usuniecie-drzew",
        "Zezwolenie na usunięcie drzew lub krzewów",
        "Dla przedsiębiorców, wspólnot, spółdzielni i organizacji oraz dla usunięcia związanego z działalnością "
        "gospodarczą.",
        ALL,
        "srodowisko-i-odpady",
        "wydzial-ochrony-srodowiska",
        eligibility="Posiadacz nieruchomości za zgodą właściciela albo właściciel urządzeń (np. linii "
        "energetycznych) zagrażających drzewom.",
        documents=(
            "Wniosek z nazwą gatunku, obwodem pnia na wysokości 130 cm i przyczyną usunięcia",
            "Zgoda właściciela nieruchomości (jeśli wnioskuje posiadacz)",
            "Rysunek lub mapa z lokalizacją drzew",
            "Projekt planu nasadzeń zastępczych (jeśli są planowane)",
        ),
        payment="Wniosek jest bezpłatny. Opłatę za usunięcie drzew ustala się w zezwoleniu, jeśli ustawa nie "
        "przewiduje zwolnienia; może zostać odroczona na czas nasadzeń zastępczych.",
        deadline=KPA_DEADLINE,
        online_url=SEKAP + "zezwolenie-na-usuniecie-drzew-lub-krzewow",
        legal=(OCHRONA_PRZYRODY, KPA),
        related=("zgloszenie-usuniecia-drzewa",),
        review="2026-04-27",
    ),
    _service(
        "dotacja-wymiana-zrodel-ciepla",
        "Dotacja na wymianę źródła ciepła (likwidacja pieca węglowego)",
        "Miejska dotacja celowa na zastąpienie kotła na paliwo stałe pompą ciepła, kotłem gazowym "
        "lub podłączeniem do sieci ciepłowniczej.",
        R,
        "srodowisko-i-odpady",
        "wydzial-ochrony-srodowiska",
        eligibility=(
            "Właściciel lub najemca lokalu albo budynku mieszkalnego w Zabrzu ogrzewanego kotłem na paliwo "
            "stałe niespełniającym wymagań uchwały antysmogowej."
        ),
        documents=(
            "Wniosek o udzielenie dotacji",
            "Dokument potwierdzający tytuł prawny do nieruchomości",
            "Zgoda współwłaścicieli lub właściciela lokalu",
            "Dokument potwierdzający wpis źródła ciepła do Centralnej Ewidencji Emisyjności Budynków",
        ),
        payment="Wniosek jest bezpłatny.",
        deadline="rozpatrzenie do 30 dni, umowa przed rozpoczęciem inwestycji",
        online_url=SEKAP + "dotacja-celowa-na-wymiane-zrodla-ciepla",
        legal=(
            OCHRONA_SRODOWISKA,
            FINANSE_PUBLICZNE,
            "Uchwała Rady Miasta Zabrze w sprawie zasad udzielania dotacji celowej na zadania służące ochronie "
            "powietrza",
        ),
        review="2026-07-01",
        suspended=True,
        reason=(
            "Nabór wniosków na 2026 r. został zamknięty 30 czerwca 2026 r. po wyczerpaniu środków zaplanowanych "
            "w budżecie miasta. Kolejny nabór zostanie ogłoszony po uchwaleniu budżetu na 2027 r. Do tego czasu "
            "zapraszamy do punktu konsultacyjnego programu „Czyste Powietrze” w Wydziale Ochrony Środowiska."
        ),
    ),
    _service(
        "czipowanie-psow-i-kotow",
        "Bezpłatne czipowanie psów i kotów",
        "Znakowanie zwierząt mikroczipem i rejestracja w bazie w ramach miejskiego programu opieki "
        "nad zwierzętami.",
        R,
        "srodowisko-i-odpady",
        "wydzial-ochrony-srodowiska",
        location="schronisko",
        eligibility="Mieszkańcy Zabrza będący właścicielami psów i kotów.",
        documents=("Dowód osobisty właściciela", "Książeczka zdrowia zwierzęcia (jeśli jest)"),
        payment="Czipowanie jest finansowane z budżetu miasta.",
        deadline="od ręki, w godzinach pracy schroniska",
        channels=("in_person",),
        legal=(
            OCHRONA_ZWIERZAT,
            "Uchwała Rady Miasta Zabrze w sprawie programu opieki nad zwierzętami bezdomnymi oraz zapobiegania "
            "bezdomności zwierząt",
        ),
        review="2026-03-09",
    ),
    _service(
        "rejestr-dzialalnosci-regulowanej-odpady",
        "Wpis do rejestru działalności regulowanej w zakresie odbierania odpadów komunalnych",
        "Obowiązkowy wpis dla firm odbierających odpady komunalne od właścicieli nieruchomości w Zabrzu.",
        B,
        "srodowisko-i-odpady",
        "wydzial-gospodarki-komunalnej",
        eligibility="Przedsiębiorca wpisany do rejestru BDO, spełniający wymagania rozporządzenia w sprawie "
        "szczegółowych wymagań dla odbierających odpady komunalne.",
        documents=(
            "Wniosek o wpis do rejestru działalności regulowanej",
            "Oświadczenie o spełnianiu warunków wymaganych do wykonywania działalności",
            "Dowód zapłaty opłaty skarbowej",
        ),
        fee="50.00",
        payment=PAY_OFFICE,
        deadline="do 7 dni od złożenia kompletnego wniosku",
        online_url=SEKAP + "wpis-do-rejestru-dzialalnosci-regulowanej",
        legal=(CZYSTOSC, PRAWO_PRZEDSIEBIORCOW, OPLATA_SKARBOWA),
        review="2026-05-04",
    ),
    _service(
        "zezwolenie-zbiorniki-bezodplywowe",
        "Zezwolenie na opróżnianie zbiorników bezodpływowych i transport nieczystości ciekłych",
        "Zezwolenie dla firm wywożących nieczystości z szamb i osadników.",
        B,
        "srodowisko-i-odpady",
        "wydzial-gospodarki-komunalnej",
        eligibility="Przedsiębiorca dysponujący pojazdami asenizacyjnymi i umową ze stacją zlewną.",
        documents=(
            "Wniosek o udzielenie zezwolenia",
            "Dokumenty potwierdzające gotowość przyjęcia nieczystości przez stację zlewną",
            "Dowody rejestracyjne pojazdów i potwierdzenie badań technicznych",
            "Dowód zapłaty opłaty skarbowej",
        ),
        fee="107.00",
        payment=PAY_OFFICE,
        deadline=KPA_DEADLINE,
        online_url=SEKAP + "zezwolenie-na-oproznianie-zbiornikow-bezodplywowych",
        legal=(CZYSTOSC, OPLATA_SKARBOWA),
        review="2026-05-04",
    ),
    _service(
        "decyzja-srodowiskowa",
        "Decyzja o środowiskowych uwarunkowaniach",
        "Wymagana przed pozwoleniem na budowę dla przedsięwzięć mogących znacząco oddziaływać na środowisko.",
        BN,
        "srodowisko-i-odpady",
        "wydzial-ochrony-srodowiska",
        eligibility="Inwestor planujący przedsięwzięcie z rozporządzenia w sprawie przedsięwzięć mogących "
        "znacząco oddziaływać na środowisko.",
        documents=(
            "Wniosek o wydanie decyzji",
            "Karta informacyjna przedsięwzięcia albo raport o oddziaływaniu na środowisko",
            "Mapa z zaznaczonym terenem przedsięwzięcia i obszarem oddziaływania",
            "Wypis z rejestru gruntów dla terenu przedsięwzięcia",
            "Dowód zapłaty opłaty skarbowej",
        ),
        fee="205.00",
        payment=PAY_OFFICE,
        deadline="do 30 dni; przy ocenie oddziaływania na środowisko do 2 miesięcy",
        online_url=SEKAP + "decyzja-o-srodowiskowych-uwarunkowaniach",
        legal=(OOS, KPA, OPLATA_SKARBOWA),
        related=("pozwolenie-na-budowe",),
        review="2026-05-04",
    ),
    # ================================================================== rodzina i dzieci
    _service(
        "rejestracja-urodzenia",
        "Zgłoszenie urodzenia dziecka",
        "Sporządzenie aktu urodzenia, nadanie numeru PESEL i zameldowanie dziecka.",
        R,
        "rodzina-i-dzieci",
        USC,
        eligibility="Matka lub ojciec dziecka; zgłoszenia dokonuje się w ciągu 21 dni od sporządzenia karty "
        "urodzenia.",
        documents=("Dokumenty tożsamości rodziców", "Zgłoszenie urodzenia (w USC lub elektronicznie)"),
        payment="Rejestracja urodzenia jest bezpłatna; pierwszy odpis skrócony aktu urodzenia wydaje się z urzędu.",
        deadline="niezwłocznie",
        online_url=EPUAP + "sprawy-obywatelskie/stan-cywilny/zgloszenie-urodzenia-dziecka",
        legal=(AKTY_STANU_CYWILNEGO, EWIDENCJA_LUDNOSCI),
        related=("odpis-aktu-stanu-cywilnego", "becikowe", "swiadczenia-rodzinne", "dowod-osobisty"),
        review="2026-06-08",
        text=(
            "<p>Kartę urodzenia szpital przekazuje do USC. Zgłoszenie elektroniczne pozwala jednocześnie "
            "zameldować dziecko i wybrać imię; odpis aktu urodzenia przychodzi pocztą lub na skrzynkę ePUAP.</p>"
        ),
    ),
    _service(
        "zawarcie-malzenstwa",
        "Zawarcie małżeństwa (ślub cywilny lub konkordatowy)",
        "Zapewnienie o braku przeszkód do zawarcia małżeństwa i ustalenie terminu ślubu.",
        R,
        "rodzina-i-dzieci",
        USC,
        eligibility="Osoby, które ukończyły 18 lat i nie pozostają w związku małżeńskim.",
        documents=(
            "Zapewnienie o braku okoliczności wyłączających zawarcie małżeństwa (składają oboje narzeczeni)",
            "Dowody osobiste narzeczonych",
            "Cudzoziemiec: odpis aktu urodzenia i dokument potwierdzający zdolność prawną do zawarcia "
            "małżeństwa z tłumaczeniem przysięgłym",
        ),
        fee="84.00",
        payment="84 zł za sporządzenie aktu małżeństwa. Ślub poza urzędem stanu cywilnego — dodatkowo 1000 zł. "
        + PAY_OFFICE,
        deadline="ślub nie wcześniej niż po upływie miesiąca od złożenia zapewnienia",
        channels=("in_person",),
        legal=(KRO, AKTY_STANU_CYWILNEGO, OPLATA_SKARBOWA),
        related=("odpis-aktu-stanu-cywilnego",),
        review="2026-06-08",
    ),
    _service(
        "karta-duzej-rodziny",
        "Karta Dużej Rodziny",
        "Zniżki i uprawnienia dla rodzin z co najmniej trojgiem dzieci — w formie plastikowej i w aplikacji.",
        R,
        "rodzina-i-dzieci",
        "mops",
        eligibility=(
            "Rodzic (także zastępczy) mający lub mający w przeszłości na utrzymaniu co najmniej troje dzieci, "
            "jego małżonek i dzieci: do 18 lat, do 25 lat przy nauce, bez ograniczenia przy "
            "niepełnosprawności."
        ),
        documents=(
            "Wniosek o przyznanie Karty Dużej Rodziny",
            "Dokumenty tożsamości członków rodziny",
            "Zaświadczenie o nauce — dla dzieci w wieku 18–25 lat",
            "Orzeczenie o niepełnosprawności — dla dzieci powyżej 18 lat z niepełnosprawnością",
        ),
        payment="Karta jest bezpłatna. Duplikat karty tradycyjnej jest płatny według stawki ogłaszanej przez "
        "ministra właściwego do spraw rodziny.",
        deadline="do 30 dni",
        online_url=EPUAP + "rodzina/karta-duzej-rodziny",
        legal=(KARTA_DUZEJ_RODZINY,),
        related=("swiadczenia-rodzinne",),
        review="2026-08-17",
    ),
    _service(
        "swiadczenia-rodzinne",
        "Zasiłek rodzinny z dodatkami",
        "Świadczenie dla rodzin o niskich dochodach; wnioski na nowy okres zasiłkowy od lipca.",
        R,
        "rodzina-i-dzieci",
        "mops",
        eligibility="Rodzice, opiekunowie prawni lub pełnoletnia ucząca się osoba, gdy dochód na osobę "
        "w rodzinie nie przekracza kryterium z ustawy o świadczeniach rodzinnych.",
        documents=(
            "Wniosek o ustalenie prawa do zasiłku rodzinnego oraz dodatków",
            "Oświadczenia o dochodach członków rodziny",
            "Dokumenty potwierdzające uprawnienie do dodatków (np. orzeczenie o niepełnosprawności dziecka)",
        ),
        deadline=KPA_DEADLINE,
        online_url=EPUAP + "rodzina/swiadczenia-rodzinne",
        legal=(SWIADCZENIA_RODZINNE,),
        related=("becikowe", "karta-duzej-rodziny"),
        review="2026-06-22",
    ),
    _service(
        "becikowe",
        "Jednorazowa zapomoga z tytułu urodzenia dziecka (becikowe)",
        "1000 zł na każde urodzone dziecko dla rodzin spełniających kryterium dochodowe.",
        R,
        "rodzina-i-dzieci",
        "mops",
        eligibility=(
            "Matka, ojciec lub opiekun prawny dziecka, gdy dochód na osobę w rodzinie nie przekracza "
            "1922 zł netto, a matka pozostawała pod opieką medyczną najpóźniej od 10. tygodnia ciąży; "
            "wniosek składa się do ukończenia przez dziecko 12 miesięcy."
        ),
        documents=(
            "Wniosek o jednorazową zapomogę",
            "Zaświadczenie lekarskie lub od położnej o pozostawaniu pod opieką medyczną w czasie ciąży",
            "Oświadczenia o dochodach rodziny",
        ),
        deadline=KPA_DEADLINE,
        online_url=EPUAP + "rodzina/jednorazowa-zapomoga-z-tytulu-urodzenia-dziecka",
        legal=(SWIADCZENIA_RODZINNE,),
        related=("rejestracja-urodzenia", "swiadczenia-rodzinne"),
        review="2026-06-22",
    ),
    _service(
        "zapisy-do-zlobka",
        "Zapisy dziecka do żłobka miejskiego",
        "Nabór do żłobków Miejskiego Zespołu Żłobków dla dzieci od 20. tygodnia życia do 3 lat.",
        R,
        "rodzina-i-dzieci",
        "miejski-zespol-zlobkow",
        eligibility="Rodzice lub opiekunowie dzieci zamieszkałych w Zabrzu; pierwszeństwo mają m.in. rodziny "
        "wielodzietne i dzieci z niepełnosprawnością.",
        documents=(
            "Karta zgłoszenia dziecka do żłobka",
            "Zaświadczenia o zatrudnieniu lub nauce rodziców",
            "Dokumenty potwierdzające kryteria pierwszeństwa (np. Karta Dużej Rodziny)",
        ),
        payment="Zapis jest bezpłatny. Opłatę za pobyt i wyżywienie ustala uchwała Rady Miasta Zabrze; "
        "rodzice mogą ubiegać się o świadczenie „Aktywnie w żłobku” przekazywane bezpośrednio do żłobka.",
        deadline="według harmonogramu naboru; lista przyjętych do 30 dni po zakończeniu naboru",
        online_url=SEKAP + "zapisy-do-zlobkow-miejskich",
        legal=(OPIEKA_DO_LAT_3, "Uchwała Rady Miasta Zabrze w sprawie statutu Miejskiego Zespołu Żłobków"),
        related=("rekrutacja-do-przedszkola", "karta-duzej-rodziny"),
        review="2026-09-28",
        suspended=True,
        reason=(
            "Nabór na rok 2026/2027 został zakończony i wszystkie miejsca są zajęte. Nowe zgłoszenia "
            "przyjmujemy od 1 marca 2027 r.; wolne miejsca w trakcie roku przydzielane są z listy oczekujących."
        ),
    ),
    # ================================================================== edukacja
    _service(
        "rekrutacja-do-przedszkola",
        "Rekrutacja do przedszkola miejskiego",
        "Elektroniczny nabór do przedszkoli i oddziałów przedszkolnych prowadzonych przez miasto.",
        R,
        "edukacja",
        "wydzial-edukacji",
        location="przedszkole-16",
        eligibility=(
            "Rodzice dzieci w wieku 3–6 lat zamieszkałych w Zabrzu (dzieci 2,5-letnie — w miarę wolnych "
            "miejsc). Dzieci kontynuujące wychowanie przedszkolne składają deklarację kontynuacji."
        ),
        documents=(
            "Wniosek o przyjęcie (wypełniany w systemie naboru, wydrukowany i podpisany)",
            "Oświadczenia potwierdzające kryteria ustawowe i kryteria Rady Miasta Zabrze",
        ),
        payment="Rekrutacja jest bezpłatna; wychowanie przedszkolne do 5 godzin dziennie jest bezpłatne.",
        deadline="według harmonogramu rekrutacji ogłaszanego przez Prezydenta Miasta do końca stycznia",
        online_url=SEKAP + "rekrutacja-do-przedszkoli",
        legal=(
            PRAWO_OSWIATOWE,
            "Uchwała Rady Miasta Zabrze w sprawie kryteriów rekrutacji do publicznych przedszkoli",
        ),
        related=("zgloszenie-do-klasy-pierwszej", "zapisy-do-zlobka"),
        review="2026-01-19",
    ),
    _service(
        "zgloszenie-do-klasy-pierwszej",
        "Zgłoszenie dziecka do klasy I szkoły podstawowej",
        "Zgłoszenie do szkoły obwodowej albo udział w rekrutacji do szkoły spoza obwodu.",
        R,
        "edukacja",
        "wydzial-edukacji",
        location="szkola-podstawowa-15",
        eligibility="Rodzice dzieci 7-letnich (oraz 6-letnich na wniosek rodziców) zamieszkałych w Zabrzu.",
        documents=(
            "Zgłoszenie do szkoły obwodowej albo wniosek o przyjęcie do szkoły spoza obwodu",
            "Oświadczenie o miejscu zamieszkania",
            "Informacja o gotowości do nauki — dla dzieci 6-letnich, które nie uczęszczały do przedszkola",
        ),
        payment="Zgłoszenie jest bezpłatne.",
        deadline="według harmonogramu rekrutacji; dzieci z obwodu przyjmowane z urzędu",
        online_url=SEKAP + "rekrutacja-do-szkol-podstawowych",
        legal=(PRAWO_OSWIATOWE,),
        related=("rekrutacja-do-przedszkola", "dowoz-uczniow-niepelnosprawnych"),
        review="2026-01-19",
    ),
    _service(
        "dowoz-uczniow-niepelnosprawnych",
        "Dowóz dzieci i uczniów z niepełnosprawnościami",
        "Bezpłatny transport z opieką do przedszkola, szkoły lub ośrodka albo zwrot kosztów dowozu przez "
        "rodziców.",
        R,
        "edukacja",
        "wydzial-edukacji",
        location="centrum-uslug-wspolnych",
        eligibility=(
            "Rodzice dzieci i uczniów z orzeczeniem o potrzebie kształcenia specjalnego: w wieku przedszkolnym, "
            "w szkole podstawowej, a z niepełnosprawnością ruchową lub intelektualną w stopniu umiarkowanym "
            "lub znacznym — także w szkole ponadpodstawowej, do końca roku szkolnego, w którym kończą 21 lat."
        ),
        documents=(
            "Wniosek o zorganizowanie dowozu albo o zwrot kosztów przejazdu",
            "Kopia orzeczenia o potrzebie kształcenia specjalnego",
            "Zaświadczenie z placówki o uczęszczaniu dziecka",
            "Przy zwrocie kosztów: umowa z rodzicami i informacja o pojeździe",
        ),
        payment="Dowóz jest bezpłatny dla rodziców.",
        deadline="do 30 dni; wnioski na nowy rok szkolny najlepiej do 30 czerwca",
        online_url=SEKAP + "dowoz-uczniow-niepelnosprawnych",
        legal=(PRAWO_OSWIATOWE,),
        related=("orzeczenie-o-potrzebie-ksztalcenia-specjalnego",),
        review="2026-05-11",
    ),
    _service(
        "stypendium-szkolne",
        "Stypendium szkolne i zasiłek szkolny",
        "Pomoc materialna o charakterze socjalnym dla uczniów z rodzin o niskich dochodach.",
        R,
        "edukacja",
        "wydzial-edukacji",
        location=BOM,
        eligibility=(
            "Uczniowie zamieszkali w Zabrzu, gdy miesięczny dochód na osobę w rodzinie nie przekracza kwoty "
            "z art. 8 ust. 1 pkt 2 ustawy o pomocy społecznej (od 1 stycznia 2025 r. 823 zł); zasiłek szkolny "
            "— w razie zdarzenia losowego."
        ),
        documents=(
            "Wniosek o przyznanie stypendium szkolnego",
            "Zaświadczenia lub oświadczenia o dochodach członków rodziny z miesiąca poprzedzającego złożenie "
            "wniosku",
        ),
        deadline="wniosek do 15 września (słuchacze kolegiów do 15 października); decyzja do 30 dni",
        online_url=SEKAP + "stypendium-szkolne",
        legal=(SYSTEM_OSWIATY, POMOC_SPOLECZNA),
        related=("zasilki-pomocy-spolecznej",),
        review="2026-08-31",
    ),
    _service(
        "orzeczenie-o-potrzebie-ksztalcenia-specjalnego",
        "Orzeczenie o potrzebie kształcenia specjalnego",
        "Orzeczenie zespołu orzekającego poradni — podstawa do dostosowania nauki i dowozu dziecka.",
        R,
        "edukacja",
        "zespol-poradni",
        eligibility="Rodzice dziecka z niepełnosprawnością, niedostosowaniem społecznym lub zagrożeniem nim; "
        "pełnoletni uczeń.",
        documents=(
            "Wniosek o wydanie orzeczenia",
            "Dokumentacja medyczna i wyniki badań diagnostycznych",
            "Opinia przedszkola lub szkoły o funkcjonowaniu dziecka",
        ),
        deadline="do 30 dni od złożenia wniosku",
        legal=(PRAWO_OSWIATOWE,),
        related=("dowoz-uczniow-niepelnosprawnych",),
        review="2026-05-11",
    ),
    # ================================================================== pomoc społeczna
    _service(
        "zasilki-pomocy-spolecznej",
        "Zasiłek stały, okresowy lub celowy z pomocy społecznej",
        "Pomoc pieniężna dla osób i rodzin w trudnej sytuacji życiowej.",
        R,
        "pomoc-spoleczna",
        "mops",
        eligibility=(
            "Osoba lub rodzina zamieszkała w Zabrzu, której dochód nie przekracza kryterium dochodowego "
            "(od 1 stycznia 2025 r.: 1010 zł dla osoby samotnie gospodarującej, 823 zł na osobę w rodzinie) "
            "i u której występuje np. ubóstwo, bezrobocie, niepełnosprawność lub długotrwała choroba."
        ),
        documents=(
            "Wniosek o przyznanie pomocy (może go złożyć także inna osoba za zgodą zainteresowanego)",
            "Dokumenty o dochodach z miesiąca poprzedzającego złożenie wniosku",
            "Orzeczenie o niepełnosprawności lub zaświadczenie lekarskie — jeśli dotyczy",
        ),
        deadline="wywiad środowiskowy w ciągu 14 dni (w sprawach pilnych 2 dni), decyzja do 30 dni",
        online_url=EPUAP + "pomoc-spoleczna/wniosek-o-przyznanie-pomocy",
        legal=(POMOC_SPOLECZNA, KPA),
        related=("dodatek-mieszkaniowy", "interwencja-kryzysowa", "skierowanie-do-dps"),
        review="2026-02-23",
    ),
    _service(
        "dodatek-mieszkaniowy",
        "Dodatek mieszkaniowy",
        "Dopłata do czynszu i opłat mieszkaniowych dla gospodarstw domowych o niskich dochodach.",
        R,
        "pomoc-spoleczna",
        "mops",
        eligibility=(
            "Najemca, właściciel lokalu lub inna osoba zajmująca lokal, gdy średni miesięczny dochód na osobę "
            "z 3 miesięcy przed złożeniem wniosku nie przekracza 40% (gospodarstwo jednoosobowe) lub 30% "
            "(wieloosobowe) przeciętnego wynagrodzenia, a powierzchnia lokalu mieści się w normach."
        ),
        documents=(
            "Wniosek o przyznanie dodatku mieszkaniowego z deklaracją o dochodach",
            "Zaświadczenie zarządcy o wydatkach na lokal i jego powierzchni",
            "Dokumenty o dochodach z 3 miesięcy poprzedzających złożenie wniosku",
        ),
        deadline="do 30 dni; dodatek przyznaje się na 6 miesięcy",
        online_url=EPUAP + "pomoc-spoleczna/dodatek-mieszkaniowy",
        legal=(DODATKI_MIESZKANIOWE, KPA),
        related=("zasilki-pomocy-spolecznej", "najem-lokalu-komunalnego"),
        review="2026-02-23",
    ),
    _service(
        "skierowanie-do-dps",
        "Skierowanie do domu pomocy społecznej",
        "Całodobowa opieka dla osoby, która z powodu wieku lub choroby nie może samodzielnie funkcjonować.",
        R,
        "pomoc-spoleczna",
        "mops",
        location="dom-pomocy-spolecznej",
        eligibility="Osoba wymagająca całodobowej opieki, której nie można zapewnić usług opiekuńczych "
        "w miejscu zamieszkania.",
        documents=(
            "Wniosek o skierowanie do domu pomocy społecznej",
            "Zaświadczenie lekarskie o stanie zdrowia",
            "Decyzja o wysokości emerytury lub renty",
            "Zgoda na ponoszenie odpłatności",
        ),
        payment="Wniosek jest bezpłatny. Mieszkaniec ponosi odpłatność za pobyt do 70% swojego dochodu; "
        "pozostałą część pokrywają rodzina lub miasto.",
        deadline="decyzja o skierowaniu do 30 dni; przyjęcie według kolejności oczekujących",
        legal=(POMOC_SPOLECZNA, KPA),
        related=("zasilki-pomocy-spolecznej",),
        review="2026-02-23",
    ),
    _service(
        "dofinansowanie-pfron",
        "Dofinansowanie ze środków PFRON",
        "Turnusy rehabilitacyjne, sprzęt ortopedyczny, likwidacja barier oraz sport, kultura i turystyka "
        "osób z niepełnosprawnościami.",
        RN,
        "pomoc-spoleczna",
        "mops",
        eligibility=(
            "Osoby z orzeczeniem o niepełnosprawności zamieszkałe w Zabrzu; organizacje pozarządowe "
            "prowadzące działania na rzecz osób z niepełnosprawnościami (sport, kultura, rekreacja, "
            "turystyka) — wniosek do 30 listopada roku poprzedzającego."
        ),
        documents=(
            "Wniosek o dofinansowanie właściwy dla zadania",
            "Kopia orzeczenia o niepełnosprawności",
            "Zaświadczenie lekarskie lub zlecenie na zaopatrzenie (przy sprzęcie i turnusach)",
            "Organizacja: aktualny odpis z KRS lub innego rejestru i statut",
        ),
        deadline="do 30 dni, w ramach środków przyznanych miastu na dany rok",
        online_url="https://sow.pfron.org.pl/",
        legal=(REHABILITACJA,),
        related=("orzeczenie-o-niepelnosprawnosci", "karta-parkingowa"),
        review="2026-03-16",
    ),
    _service(
        "orzeczenie-o-niepelnosprawnosci",
        "Orzeczenie o niepełnosprawności lub o stopniu niepełnosprawności",
        "Orzeczenie dla celów pozarentowych: ulg, uprawnień, rehabilitacji i zatrudnienia.",
        R,
        "pomoc-spoleczna",
        "miejski-zespol-orzekania",
        eligibility="Osoba zamieszkała w Zabrzu; za dziecko do 16 lat — rodzic lub opiekun.",
        documents=(
            "Wniosek o wydanie orzeczenia",
            "Zaświadczenie lekarskie wystawione nie wcześniej niż 30 dni przed złożeniem wniosku",
            "Dokumentacja medyczna (wyniki badań, wypisy ze szpitala)",
        ),
        deadline=KPA_DEADLINE,
        legal=(REHABILITACJA, KPA),
        related=("karta-parkingowa", "dofinansowanie-pfron"),
        review="2026-05-25",
    ),
    _service(
        "interwencja-kryzysowa",
        "Pomoc w sytuacji kryzysowej i przemocy domowej",
        "Wsparcie psychologiczne, prawne i schronienie — bez skierowania, całą dobę.",
        R,
        "pomoc-spoleczna",
        "osrodek-interwencji-kryzysowej",
        eligibility="Każdy mieszkaniec Zabrza w sytuacji kryzysowej, osoby doznające przemocy i ich bliscy.",
        documents=("Nie są wymagane",),
        payment="Pomoc jest bezpłatna i nie zależy od dochodu.",
        deadline="natychmiast",
        channels=("in_person",),
        legal=(POMOC_SPOLECZNA,),
        related=("zasilki-pomocy-spolecznej", "zgloszenie-do-strazy-miejskiej"),
        review="2026-10-12",
    ),
    _service(
        "rejestracja-bezrobotnego",
        "Rejestracja jako osoba bezrobotna lub poszukująca pracy",
        "Rejestracja w Powiatowym Urzędzie Pracy w Zabrzu, ubezpieczenie zdrowotne i oferty pracy.",
        R,
        "pomoc-spoleczna",
        "pup",
        eligibility="Osoba zamieszkała w Zabrzu, niezatrudniona i niewykonująca innej pracy zarobkowej, "
        "zdolna i gotowa do podjęcia zatrudnienia.",
        documents=(
            ID_CARD,
            "Świadectwa pracy i dokumenty potwierdzające okresy zatrudnienia",
            "Dyplomy i świadectwa potwierdzające kwalifikacje",
        ),
        deadline="niezwłocznie, w dniu zgłoszenia",
        online_url="https://www.praca.gov.pl/",
        legal=(RYNEK_PRACY,),
        related=("srodki-na-podjecie-dzialalnosci", "zasilki-pomocy-spolecznej"),
        review="2026-06-29",
    ),
    # ================================================================== kultura i sport
    _service(
        "karta-biblioteczna",
        "Karta biblioteczna Miejskiej Biblioteki Publicznej",
        "Wypożyczanie książek, audiobooków i e-booków we wszystkich filiach biblioteki.",
        R,
        "kultura-i-sport",
        "biblioteka",
        eligibility="Każdy; za dziecko do 13 lat kartę zakłada rodzic lub opiekun.",
        documents=(ID_CARD, "Legitymacja szkolna — dla uczniów"),
        payment="Karta i wypożyczenia są bezpłatne; opłaty pobiera się tylko za przetrzymanie książek.",
        deadline="od ręki",
        channels=("in_person",),
        legal=(BIBLIOTEKI, "Regulamin udostępniania zbiorów Miejskiej Biblioteki Publicznej w Zabrzu"),
        review="2026-09-21",
    ),
    _service(
        "wynajem-obiektow-mosir",
        "Wynajem hali sportowej lub boiska MOSiR",
        "Rezerwacja obiektów sportowych na treningi, zawody i imprezy.",
        ALL,
        "kultura-i-sport",
        "mosir",
        eligibility="Kluby sportowe, szkoły, firmy, organizacje i grupy mieszkańców.",
        documents=("Wniosek o rezerwację z terminami i rodzajem zajęć", "Organizacja: odpis z KRS lub ewidencji"),
        fee="120.00",
        payment=(
            "Kwota na karcie to stawka za godzinę wynajmu hali sportowej według cennika MOSiR; kluby "
            "prowadzące szkolenie dzieci i młodzieży korzystają ze stawek preferencyjnych. Płatność przelewem "
            "na podstawie faktury."
        ),
        deadline="potwierdzenie rezerwacji do 7 dni",
        online_url=SEKAP + "rezerwacja-obiektow-mosir",
        legal=("Zarządzenie Dyrektora MOSiR w Zabrzu w sprawie cennika usług",),
        review="2025-05-20",
        suspended=True,
        reason=(
            "Wynajem hali przy ul. Matejki jest wstrzymany do zakończenia modernizacji nawierzchni i "
            "oświetlenia (planowo do końca lutego 2027 r.). Rezerwacje pozostałych obiektów przyjmuje "
            "telefonicznie biuro MOSiR."
        ),
    ),
    _service(
        "stypendium-sportowe",
        "Stypendium sportowe Prezydenta Miasta Zabrze",
        "Stypendium dla zawodników osiągających wysokie wyniki we współzawodnictwie krajowym "
        "i międzynarodowym.",
        RN,
        "kultura-i-sport",
        "wydzial-kultury-i-sportu",
        eligibility="Zawodnicy zamieszkali w Zabrzu lub reprezentujący zabrzańskie kluby; wnioski składają "
        "kluby sportowe, związki sportowe lub sami zawodnicy.",
        documents=(
            "Wniosek o przyznanie stypendium",
            "Potwierdzenie wyników sportowych przez właściwy związek sportowy",
            "Oświadczenie o przynależności klubowej",
        ),
        deadline="wnioski do 31 stycznia, rozpatrzenie do 2 miesięcy",
        online_url=SEKAP + "stypendium-sportowe",
        legal=(SPORT, "Uchwała Rady Miasta Zabrze w sprawie stypendiów sportowych"),
        related=("dotacja-na-rozwoj-sportu",),
        review="2026-01-05",
    ),
    _service(
        "dotacja-na-rozwoj-sportu",
        "Dotacja celowa na rozwój sportu dla klubów sportowych",
        "Dofinansowanie szkolenia, udziału w zawodach i zakupu sprzętu przez kluby sportowe.",
        N,
        "kultura-i-sport",
        "wydzial-kultury-i-sportu",
        eligibility="Kluby sportowe działające na terenie Zabrza, niedziałające w celu osiągnięcia zysku.",
        documents=(
            "Wniosek o dotację zgodny z ogłoszeniem naboru",
            "Aktualny odpis z KRS lub ewidencji uczniowskich klubów sportowych",
            "Harmonogram i kosztorys zadania",
        ),
        deadline="według ogłoszenia naboru; umowa po rozstrzygnięciu",
        online_url=SEKAP + "dotacja-na-rozwoj-sportu",
        legal=(SPORT, FINANSE_PUBLICZNE),
        related=("stypendium-sportowe", "otwarty-konkurs-ofert"),
        review="2026-01-05",
    ),
    _service(
        "zwiedzanie-muzeum-dla-grup",
        "Rezerwacja zwiedzania Muzeum Górnictwa Węglowego dla grup",
        "Kopalnia Guido, Sztolnia Królowa Luiza i spływ Główną Kluczową Sztolnią Dziedziczną z przewodnikiem.",
        ALL,
        "kultura-i-sport",
        "muzeum-gornictwa",
        eligibility="Szkoły, biura podróży, firmy, organizacje i grupy zorganizowane.",
        documents=("Zgłoszenie rezerwacji z liczbą uczestników i wybraną trasą",),
        payment="Rezerwacja jest bezpłatna; bilety według cennika muzeum, z ulgami dla grup szkolnych.",
        deadline="potwierdzenie do 3 dni roboczych",
        online_url=SEKAP + "rezerwacja-zwiedzania-muzeum-gornictwa",
        legal=(MUZEA,),
        review="2026-07-27",
    ),
    _service(
        "dotacja-na-zabytki",
        "Dotacja na prace konserwatorskie przy zabytkach",
        "Dofinansowanie prac przy zabytkach wpisanych do rejestru, położonych w Zabrzu.",
        ALL,
        "kultura-i-sport",
        "miejski-konserwator-zabytkow",
        eligibility="Właściciel lub posiadacz zabytku wpisanego do rejestru zabytków: osoby fizyczne, "
        "wspólnoty, firmy, parafie i organizacje pozarządowe.",
        documents=(
            "Wniosek o udzielenie dotacji",
            "Decyzja o wpisie do rejestru zabytków",
            "Pozwolenie Śląskiego Wojewódzkiego Konserwatora Zabytków na prowadzenie prac",
            "Kosztorys prac",
        ),
        deadline="wnioski do 31 stycznia; dotację przyznaje Rada Miasta Zabrze w drodze uchwały",
        legal=(
            ZABYTKI,
            "Uchwała Rady Miasta Zabrze w sprawie zasad udzielania dotacji na prace konserwatorskie, "
            "restauratorskie lub roboty budowlane przy zabytkach",
        ),
        review="2025-06-30",
    ),
    # ================================================================== organizacje pozarządowe
    _service(
        "otwarty-konkurs-ofert",
        "Oferta w otwartym konkursie ofert",
        "Dotacja na realizację zadania publicznego miasta wybrana w konkursie ogłoszonym przez Prezydenta "
        "Miasta.",
        N,
        "organizacje-pozarzadowe",
        NGO,
        eligibility=(
            "Organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy o działalności pożytku publicznego "
            "i o wolontariacie, prowadzące działalność statutową w dziedzinie objętej konkursem."
        ),
        documents=(
            "Oferta realizacji zadania publicznego według wzoru z rozporządzenia (generator ofert)",
            "Aktualny odpis z KRS lub innego rejestru — jeśli organizacja nie figuruje w KRS",
            "Oświadczenia wymagane w ogłoszeniu",
        ),
        payment="Złożenie oferty jest bezpłatne.",
        deadline="składanie ofert co najmniej 21 dni od ogłoszenia; rozstrzygnięcie w terminie z ogłoszenia",
        online_url=SEKAP + "oferta-w-otwartym-konkursie-ofert",
        legal=(POZYTEK, WZORY_OFERT, "Roczny program współpracy Miasta Zabrze z organizacjami pozarządowymi"),
        related=("maly-grant", "sprawozdanie-z-zadania-publicznego", "zaswiadczenie-o-niezaleganiu"),
        review="2026-11-17",
        text=(
            "<p>Oferty ocenia komisja konkursowa z udziałem przedstawicieli organizacji na platformie "
            "zbudowanej w projekcie „Współpraca – to się opłaca!”. Wyniki publikujemy niezwłocznie w BIP, na "
            "tablicy ogłoszeń urzędu i na stronie internetowej miasta.</p>"
        ),
    ),
    _service(
        "maly-grant",
        "Mały grant (tryb pozakonkursowy)",
        "Dotacja do 10 000 zł na zadanie o charakterze lokalnym trwające do 90 dni.",
        N,
        "organizacje-pozarzadowe",
        NGO,
        eligibility="Organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy o działalności pożytku "
        "publicznego; łączna kwota małych grantów dla jednej organizacji nie może przekroczyć 20 000 zł w roku.",
        documents=("Oferta realizacji zadania publicznego (uproszczona)", "Odpis z KRS lub innego rejestru"),
        payment="Złożenie oferty jest bezpłatne.",
        deadline="oferta publikowana na 7 dni w BIP, na tablicy ogłoszeń i stronie miasta; umowa po tym terminie",
        online_url=SEKAP + "maly-grant",
        legal=(POZYTEK, WZORY_OFERT),
        related=("otwarty-konkurs-ofert", "sprawozdanie-z-zadania-publicznego"),
        review="2026-11-17",
    ),
    _service(
        "sprawozdanie-z-zadania-publicznego",
        "Sprawozdanie z wykonania zadania publicznego",
        "Rozliczenie dotacji z konkursu ofert lub małego grantu.",
        N,
        "organizacje-pozarzadowe",
        NGO,
        eligibility="Organizacja, która zawarła z miastem umowę o realizację zadania publicznego.",
        documents=(
            "Sprawozdanie według wzoru z rozporządzenia",
            "Zestawienie dokumentów finansowych (oryginały do wglądu przy kontroli)",
        ),
        payment="Złożenie sprawozdania jest bezpłatne.",
        deadline="sprawozdanie w ciągu 30 dni od zakończenia zadania; weryfikacja do 30 dni",
        online_url=SEKAP + "sprawozdanie-z-wykonania-zadania-publicznego",
        legal=(POZYTEK, WZORY_OFERT),
        related=("otwarty-konkurs-ofert", "maly-grant"),
        review="2026-11-17",
    ),
    _service(
        "konsultacje-z-ngo",
        "Konsultacje projektów aktów prawa miejscowego z organizacjami",
        "Opiniowanie projektów uchwał w dziedzinach działalności statutowej organizacji.",
        N,
        "organizacje-pozarzadowe",
        NGO,
        eligibility="Organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy działające na terenie Zabrza.",
        documents=("Formularz opinii lub uwag do projektu",),
        payment="Udział w konsultacjach jest bezpłatny.",
        deadline="od 7 do 14 dni według ogłoszenia; raport z konsultacji publikowany w BIP",
        online_url=SEKAP + "konsultacje-projektow-aktow-prawa-miejscowego",
        legal=(
            POZYTEK,
            "Uchwała Rady Miasta Zabrze w sprawie szczegółowego sposobu konsultowania z organizacjami "
            "pozarządowymi projektów aktów prawa miejscowego",
        ),
        related=("otwarty-konkurs-ofert", "rada-pozytku-publicznego"),
        review="2026-10-05",
        text=(
            "<p>Zabrze jako pierwsze miasto w Polsce udostępniło organizacjom platformę konsultacji "
            "elektronicznych: uwagi zgłasza się do poszczególnych rozdziałów i paragrafów projektu. Ogłoszenie "
            "o konsultacjach publikujemy w BIP, na stronie miasta i na tablicy ogłoszeń urzędu.</p>"
        ),
    ),
    _service(
        "ewidencja-stowarzyszen-zwyklych",
        "Wpis stowarzyszenia zwykłego do ewidencji",
        "Rejestracja stowarzyszenia zwykłego z siedzibą w Zabrzu oraz zmian w ewidencji.",
        N,
        "organizacje-pozarzadowe",
        NGO,
        location=BOM,
        eligibility="Co najmniej trzy osoby zakładające stowarzyszenie zwykłe z siedzibą w Zabrzu.",
        documents=(
            "Wniosek o wpis do ewidencji podpisany przez zarząd lub przedstawiciela",
            "Regulamin działalności",
            "Lista założycieli z imionami, nazwiskami, datami i miejscami urodzenia, adresami i podpisami",
            "Protokół z zebrania założycielskiego i adres siedziby",
        ),
        payment="Wpis do ewidencji jest bezpłatny.",
        deadline="wpis w ciągu 7 dni od złożenia wniosku",
        online_url=SEKAP + "wpis-stowarzyszenia-zwyklego-do-ewidencji",
        legal=(STOWARZYSZENIA,),
        related=("otwarty-konkurs-ofert",),
        review="2026-04-06",
    ),
    _service(
        "inicjatywa-lokalna",
        "Inicjatywa lokalna",
        "Wspólna realizacja przez mieszkańców i miasto zadania w dzielnicy, np. placu zabaw lub skweru.",
        RN,
        "organizacje-pozarzadowe",
        NGO,
        eligibility="Mieszkańcy Zabrza bezpośrednio lub za pośrednictwem organizacji pozarządowych, "
        "deklarujący wkład pracy społecznej, rzeczowy lub finansowy.",
        documents=(
            "Wniosek o realizację zadania w ramach inicjatywy lokalnej",
            "Opis wkładu własnego wnioskodawców",
            "Lista osób popierających inicjatywę",
        ),
        deadline="ocena wniosku do 30 dni",
        online_url=SEKAP + "inicjatywa-lokalna",
        legal=(
            POZYTEK,
            "Uchwała Rady Miasta Zabrze w sprawie trybu i kryteriów oceny wniosków o realizację zadania "
            "publicznego w ramach inicjatywy lokalnej",
        ),
        related=("budzet-obywatelski",),
        review="2026-04-06",
    ),
    _service(
        "budzet-obywatelski",
        "Zgłoszenie projektu do budżetu obywatelskiego",
        "Mieszkańcy proponują i wybierają w głosowaniu projekty finansowane z budżetu miasta.",
        RN,
        "organizacje-pozarzadowe",
        "biuro-rad-dzielnic",
        eligibility="Mieszkańcy Zabrza; projekt musi poprzeć lista mieszkańców wymagana regulaminem. "
        "Organizacje mogą wspierać przygotowanie projektów.",
        documents=(
            "Formularz zgłoszenia projektu z opisem i szacunkowym kosztorysem",
            "Lista poparcia mieszkańców",
            "Zgoda zarządcy terenu — jeśli projekt dotyczy terenu niebędącego własnością miasta",
        ),
        deadline="weryfikacja projektów i głosowanie według harmonogramu edycji",
        online_url=SEKAP + "budzet-obywatelski-zgloszenie-projektu",
        legal=(
            SAMORZAD_GMINNY,
            "Uchwała Rady Miasta Zabrze w sprawie wymagań dotyczących budżetu obywatelskiego",
        ),
        related=("inicjatywa-lokalna",),
        review="2026-03-30",
    ),
    _service(
        "rada-pozytku-publicznego",
        "Zgłoszenie kandydata do Rady Działalności Pożytku Publicznego Miasta Zabrze",
        "Organizacje wskazują swoich przedstawicieli do rady opiniującej współpracę miasta z NGO.",
        N,
        "organizacje-pozarzadowe",
        NGO,
        eligibility="Organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy działające na terenie Zabrza.",
        documents=("Formularz zgłoszenia kandydata z jego zgodą", "Odpis z KRS lub innego rejestru"),
        deadline="według ogłoszenia o wyborach do rady",
        online_url=SEKAP + "zgloszenie-kandydata-do-rady-pozytku",
        legal=(POZYTEK,),
        related=("konsultacje-z-ngo",),
        review="2024-11-05",
    ),
    # ================================================================== nieruchomości i mieszkania
    _service(
        "zaswiadczenie-o-przeksztalceniu",
        "Zaświadczenie o przekształceniu prawa użytkowania wieczystego we własność",
        "Zaświadczenie dla właścicieli domów i mieszkań na gruntach, które 1 stycznia 2019 r. przeszły "
        "na własność.",
        RB,
        "nieruchomosci",
        "wydzial-gospodarki-nieruchomosciami",
        eligibility="Właściciel gruntu zabudowanego na cele mieszkaniowe, dawniej użytkownik wieczysty.",
        documents=("Wniosek o wydanie zaświadczenia", "Dowód zapłaty opłaty skarbowej"),
        fee="50.00",
        payment="Opłata skarbowa 50 zł; zaświadczenie wydawane z urzędu jest bezpłatne. " + PAY_OFFICE,
        deadline="do 30 dni",
        online_url=SEKAP + "zaswiadczenie-o-przeksztalceniu",
        legal=(PRZEKSZTALCENIE, OPLATA_SKARBOWA),
        review="2026-02-09",
        text=(
            "<p>Opłatę przekształceniową można wnieść jednorazowo z bonifikatą przewidzianą uchwałą Rady "
            "Miasta Zabrze — wniosek o jej naliczenie składa się w Wydziale Gospodarki Nieruchomościami.</p>"
        ),
    ),
    _service(
        "najem-lokalu-komunalnego",
        "Wniosek o najem lokalu mieszkalnego z zasobu miasta",
        "Mieszkanie komunalne lub socjalne dla osób o niskich dochodach.",
        R,
        "nieruchomosci",
        "mzbm",
        eligibility="Pełnoletni mieszkańcy Zabrza, którzy nie mają tytułu prawnego do innego lokalu "
        "i spełniają kryteria dochodowe uchwały Rady Miasta Zabrze.",
        documents=(
            "Wniosek o najem lokalu",
            "Deklaracja o dochodach z 3 miesięcy poprzedzających złożenie wniosku",
            "Dokumenty o warunkach mieszkaniowych i sytuacji rodzinnej",
        ),
        deadline="weryfikacja wniosku do 2 miesięcy, najem według listy osób oczekujących",
        online_url=SEKAP + "wniosek-o-najem-lokalu-mieszkalnego",
        legal=(
            OCHRONA_LOKATOROW,
            "Uchwała Rady Miasta Zabrze w sprawie zasad wynajmowania lokali wchodzących w skład mieszkaniowego "
            "zasobu Gminy Zabrze",
        ),
        related=("dodatek-mieszkaniowy",),
        review="2026-07-20",
    ),
    _service(
        "dzierzawa-gruntu",
        "Dzierżawa lub najem gruntu miejskiego",
        "Teren pod ogródek, garaż, parking lub działalność usługową.",
        RB,
        "nieruchomosci",
        "wydzial-gospodarki-nieruchomosciami",
        eligibility="Osoby fizyczne i prawne.",
        documents=("Wniosek z oznaczeniem działki i celu dzierżawy", "Mapa z zaznaczonym terenem"),
        payment="Wniosek jest bezpłatny; czynsz według zarządzenia Prezydenta Miasta w sprawie stawek.",
        deadline="do 2 miesięcy; przed zawarciem umowy nieruchomość umieszcza się w wykazie na 21 dni",
        online_url=SEKAP + "dzierzawa-nieruchomosci-gminnej",
        legal=(GOSPODARKA_NIERUCHOMOSCIAMI,),
        review="2025-10-06",
    ),
    _service(
        "lokal-dla-organizacji",
        "Najem lokalu użytkowego dla organizacji pozarządowej",
        "Lokal z zasobu miasta na preferencyjnych warunkach na działalność pożytku publicznego.",
        N,
        "nieruchomosci",
        "mzbm",
        eligibility="Organizacje pozarządowe prowadzące w Zabrzu działalność pożytku publicznego.",
        documents=(
            "Wniosek o najem lokalu z opisem planowanej działalności",
            "Statut i odpis z KRS",
            "Sprawozdanie merytoryczne za poprzedni rok",
        ),
        payment="Wniosek jest bezpłatny; stawka czynszu preferencyjna według zarządzenia Prezydenta Miasta.",
        deadline="do 2 miesięcy",
        online_url=SEKAP + "najem-lokalu-uzytkowego-dla-ngo",
        legal=(GOSPODARKA_NIERUCHOMOSCIAMI, POZYTEK),
        related=("otwarty-konkurs-ofert",),
        review="2026-07-20",
    ),
    _service(
        "numer-porzadkowy",
        "Nadanie numeru porządkowego budynku",
        "Numer adresowy dla nowo wybudowanego budynku lub budynku w trakcie budowy.",
        RB,
        "nieruchomosci",
        "wydzial-geodezji",
        eligibility="Właściciel lub zarządca nieruchomości.",
        documents=(
            "Wniosek o ustalenie numeru porządkowego",
            "Mapa z lokalizacją budynku (jeśli jej nie ma w zasobie)",
        ),
        payment="Ustalenie numeru jest bezpłatne.",
        deadline="zawiadomienie o nadanym numerze do 30 dni",
        online_url=SEKAP + "ustalenie-numeru-porzadkowego",
        legal=(GEODEZJA,),
        related=("pozwolenie-na-budowe",),
        review="2026-08-10",
    ),
    # ================================================================== zdrowie
    _service(
        "szczepienia-przeciw-grypie-seniorzy",
        "Bezpłatne szczepienia przeciw grypie dla seniorów",
        "Miejski program profilaktyki grypy dla mieszkańców Zabrza w wieku 65 lat i więcej.",
        R,
        "zdrowie",
        "wydzial-polityki-spolecznej",
        location="szpital-miejski",
        eligibility="Mieszkańcy Zabrza, którzy ukończyli 65 lat, bez przeciwwskazań lekarskich.",
        documents=(ID_CARD,),
        payment="Szczepienie jest finansowane z budżetu miasta.",
        deadline="w sezonie jesienno-zimowym, do wyczerpania szczepionek",
        channels=("in_person",),
        legal=(SWIADCZENIA_ZDROWOTNE, ZDROWIE_PUBLICZNE),
        review="2025-02-14",
    ),
    _service(
        "leczenie-odwykowe",
        "Wniosek o skierowanie na leczenie odwykowe",
        "Postępowanie Miejskiej Komisji Rozwiązywania Problemów Alkoholowych wobec osoby nadużywającej "
        "alkoholu.",
        R,
        "zdrowie",
        "wydzial-polityki-spolecznej",
        eligibility="Członkowie rodziny, sąsiedzi, policja, pracownicy socjalni — każdy, kto wie o osobie, "
        "która w związku z nadużywaniem alkoholu powoduje rozkład życia rodzinnego lub zakłóca spokój.",
        documents=("Wniosek z opisem sytuacji i danymi osoby, której dotyczy",),
        payment="Postępowanie jest bezpłatne.",
        deadline="rozmowa z komisją do 30 dni; wniosek do sądu po badaniu biegłych",
        legal=(TRZEZWOSC,),
        related=("interwencja-kryzysowa",),
        review="2026-03-02",
    ),
    # ================================================================== bezpieczeństwo i porządek publiczny
    _service(
        "impreza-masowa",
        "Zezwolenie na przeprowadzenie imprezy masowej",
        "Koncert, mecz lub festyn z udziałem co najmniej 1000 osób na stadionie lub w terenie otwartym "
        "(300 w hali lub innym budynku).",
        BN,
        "bezpieczenstwo",
        "wydzial-bezpieczenstwa",
        eligibility="Organizator imprezy: przedsiębiorca, organizacja, klub sportowy lub instytucja.",
        documents=(
            "Wniosek o wydanie zezwolenia złożony co najmniej 30 dni przed imprezą",
            "Graficzny plan terenu z drogami ewakuacyjnymi i punktami pomocy medycznej",
            "Instrukcja postępowania w przypadku pożaru i program imprezy",
            "Opinie komendanta miejskiego policji, Państwowej Straży Pożarnej, pogotowia ratunkowego "
            "i państwowego inspektora sanitarnego",
            "Informacja o liczbie i oznakowaniu członków służby porządkowej i informacyjnej",
        ),
        fee="82.00",
        payment=PAY_OFFICE,
        deadline="decyzja najpóźniej 7 dni przed terminem imprezy",
        online_url=SEKAP + "zezwolenie-na-impreze-masowa",
        legal=(IMPREZY_MASOWE, OPLATA_SKARBOWA),
        related=("jednorazowe-zezwolenie-na-alkohol", "zgromadzenie-publiczne", "zajecie-pasa-drogowego"),
        review="2026-05-18",
    ),
    _service(
        "zgromadzenie-publiczne",
        "Zawiadomienie o zgromadzeniu publicznym",
        "Zgłoszenie demonstracji, manifestacji lub pikiety w przestrzeni publicznej Zabrza.",
        RN,
        "bezpieczenstwo",
        "wydzial-bezpieczenstwa",
        eligibility="Organizator zgromadzenia: osoba fizyczna z pełną zdolnością do czynności prawnych, "
        "organizacja lub partia polityczna.",
        documents=(
            "Zawiadomienie z miejscem, datą, godziną, celem i trasą przejścia zgromadzenia",
            "Pisemna zgoda przewodniczącego zgromadzenia (jeśli nie jest nim organizator)",
        ),
        payment="Zawiadomienie jest bezpłatne.",
        deadline="zawiadomienie najwcześniej 30, najpóźniej 6 dni przed zgromadzeniem (w trybie uproszczonym "
        "2 dni do centrum zarządzania kryzysowego)",
        online_url=SEKAP + "zawiadomienie-o-zgromadzeniu",
        legal=(ZGROMADZENIA,),
        related=("impreza-masowa",),
        review="2026-05-18",
    ),
    _service(
        "zabezpieczenie-nagrania-monitoringu",
        "Zabezpieczenie nagrania z monitoringu miejskiego",
        "Wniosek o zabezpieczenie zapisu z kamer monitoringu miejskiego na potrzeby policji lub sądu.",
        RB,
        "bezpieczenstwo",
        "straz-miejska",
        eligibility="Pokrzywdzony zdarzeniem (np. kolizją, kradzieżą, dewastacją) lub jego pełnomocnik.",
        documents=(
            "Wniosek z dokładnym miejscem, datą i przedziałem godzin zdarzenia",
            "Numer sprawy nadany przez policję — jeśli zgłoszono zdarzenie",
        ),
        payment="Zabezpieczenie nagrania jest bezpłatne.",
        deadline="niezwłocznie — nagrania przechowywane są przez 30 dni",
        online_url=SEKAP + "zabezpieczenie-nagrania-z-monitoringu",
        legal=(STRAZE_GMINNE,),
        related=("zgloszenie-do-strazy-miejskiej",),
        review="2026-10-12",
        text=(
            "<p>Kamery monitoringu miejskiego pracują w Zabrzańskiej Szerokopasmowej Sieci Światłowodowej "
            "i w sieci bezprzewodowej WiMax. Zabezpieczone nagranie przekazujemy wyłącznie policji, "
            "prokuraturze lub sądowi na ich żądanie.</p>"
        ),
    ),
    _service(
        "zgloszenie-do-strazy-miejskiej",
        "Zgłoszenie interwencji Straży Miejskiej",
        "Nieprawidłowe parkowanie, zaśmiecanie, zakłócanie ciszy nocnej, porzucone wraki, bezdomne zwierzęta.",
        ALL,
        "bezpieczenstwo",
        "straz-miejska",
        eligibility="Każdy.",
        documents=("Nie są wymagane; warto podać dokładne miejsce i opis zdarzenia",),
        payment="Zgłoszenie jest bezpłatne.",
        deadline="interwencja niezwłocznie; pisemne zgłoszenia rozpatrywane do 30 dni",
        online_url=SEKAP + "zgloszenie-do-strazy-miejskiej",
        legal=(STRAZE_GMINNE,),
        related=("zabezpieczenie-nagrania-monitoringu",),
        review="2026-10-12",
        text="<p>W nagłych sprawach dzwoń do dyżurnego pod numer 986 — czynny całą dobę.</p>",
    ),
)

SERVICE_IDS = tuple(service["id"] for service in SERVICES)

SKIP = ("id", "title", "description", "responsible", "location", "related")


def field_values(data):
    """The stored values of one card: contract names, Decimal fee, date of review, None for empty."""
    values = {k: v for k, v in data.items() if k not in SKIP}
    values["fee_amount"] = Decimal(data["fee_amount"]) if data["fee_amount"] else None
    values["last_review"] = date.fromisoformat(data["last_review"])
    values["submission_channels"] = list(data["submission_channels"])
    values["audience"] = list(data["audience"])
    values["online_url"] = data["online_url"] or None
    values["suspension_reason"] = data["suspension_reason"] or None
    return values


def create(portal):
    """Create the missing services, then (second pass) their relations to units and services. Idempotent."""
    from ezabrze.policy.demo import units

    folder = _util.ensure_folder(portal, SECTION_ID, FOLDER_ID, FOLDER_TITLE, FOLDER_DESCRIPTION)
    unit_folder = _util.ensure_folder(
        portal, units.SECTION_ID, units.FOLDER_ID, units.FOLDER_TITLE, units.FOLDER_DESCRIPTION
    )
    created = []
    for data in SERVICES:
        if data["id"] in folder.objectIds():
            continue
        obj = api.content.create(
            container=folder,
            type="Service",
            id=data["id"],
            title=data["title"],
            description=data["description"],
            **_util.field_values(field_values(data)),
        )
        created.append((obj, data))
    for obj, data in created:
        _util.set_relation(obj, "responsible_unit", unit_folder.get(data["responsible"]))
        if data["location"]:
            _util.set_relation(obj, "location_unit", unit_folder.get(data["location"]))
        _util.set_relation_list(obj, "related_services", [folder.get(id_) for id_ in data["related"]])
        _util.finish(obj)
    if created:
        logger.info("Created %d demo services", len(created))
    return [obj for obj, _ in created]
