"""Demo organizational units: the departments of Urząd Miejski w Zabrzu and the municipal units.

`UNITS` follows docs/catalogue-contract.md: one dict per unit with the OrganizationalUnit fields, plus `id`
and `parent` (id of another unit, the parent_unit relation). Heads of units other than the Mayor are fictional.
`create(portal)` builds them in /dla-mieszkancow/jednostki (idempotent: existing ids are left as they are).
"""

from ezabrze.policy.demo import _util
from plone import api

import logging


logger = logging.getLogger("ezabrze.policy")

SECTION_ID = "dla-mieszkancow"
FOLDER_ID = "jednostki"
FOLDER_TITLE = "Urząd i jednostki organizacyjne"
FOLDER_DESCRIPTION = (
    "Wydziały Urzędu Miejskiego w Zabrzu i miejskie jednostki organizacyjne: adresy, godziny otwarcia, "
    "kontakt i skrzynki podawcze ePUAP."
)

OFFICE = "urzad-miejski"
OFFICE_STREET = "ul. Powstańców Śląskich 5-7"
OFFICE_POSTAL_CODE = "41-800"
OFFICE_LATITUDE = 50.3085
OFFICE_LONGITUDE = 18.7856
OFFICE_EPUAP = "/UMZabrze/SkrytkaESP"

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _hours(*values):
    """Seven opening-hour values, Monday first; "" means closed."""
    assert len(values) == 7
    return {f"hours_{day}": value for day, value in zip(DAYS, values, strict=True)}


OFFICE_HOURS = _hours("8:00–17:00", "7:30–15:30", "7:30–15:30", "7:30–15:30", "7:30–14:00", "", "")
WEEKDAYS_0730 = _hours(*(["7:30–15:30"] * 5), "", "")
WEEKDAYS_0800 = _hours(*(["8:00–15:00"] * 5), "", "")
SCHOOL_HOURS = _hours(*(["7:30–15:30"] * 5), "", "")
KINDERGARTEN_HOURS = _hours(*(["6:00–17:00"] * 5), "", "")
ROUND_THE_CLOCK = _hours(*(["0:00–24:00"] * 7))


def _department(id_, title, description, kind, head_name, head_function, phone, email, text, room=None):
    """A cell of the office: same building, inbox and hours as the office itself."""
    if room:
        text += f"<p>Siedziba: Urząd Miejski w Zabrzu, {OFFICE_STREET}, {room}.</p>"
    return {
        "id": id_,
        "title": title,
        "description": description,
        "unit_kind": kind,
        "parent": OFFICE,
        "head_name": head_name,
        "head_function": head_function,
        "street": OFFICE_STREET,
        "postal_code": OFFICE_POSTAL_CODE,
        "city": "Zabrze",
        "phone": phone,
        "email": email,
        "epuap_box": OFFICE_EPUAP,
        **OFFICE_HOURS,
        "latitude": OFFICE_LATITUDE,
        "longitude": OFFICE_LONGITUDE,
        "text": text,
    }


def _unit(id_, title, description, kind, head_name, head_function, street, postal_code, phone, email,
          epuap_box, hours, latitude, longitude, text, parent=None):
    return {
        "id": id_,
        "title": title,
        "description": description,
        "unit_kind": kind,
        "parent": parent,
        "head_name": head_name,
        "head_function": head_function,
        "street": street,
        "postal_code": postal_code,
        "city": "Zabrze",
        "phone": phone,
        "email": email,
        "epuap_box": epuap_box,
        **hours,
        "latitude": latitude,
        "longitude": longitude,
        "text": text,
    }


UNITS = (
    # ------------------------------------------------------------------ the office and its cells
    _unit(
        OFFICE,
        "Urząd Miejski w Zabrzu",
        "Urząd, przy pomocy którego Prezydent Miasta Zabrze wykonuje zadania gminy i powiatu grodzkiego.",
        "office",
        "Agnieszka Rupniewska",
        "Prezydent Miasta Zabrze",
        OFFICE_STREET,
        OFFICE_POSTAL_CODE,
        "+48 32 373 33 00",
        "um@um.zabrze.pl",
        OFFICE_EPUAP,
        OFFICE_HOURS,
        OFFICE_LATITUDE,
        OFFICE_LONGITUDE,
        "<p>Zabrze jest miastem na prawach powiatu, dlatego Urząd Miejski załatwia zarówno sprawy gminne "
        "(meldunki, podatki lokalne, odpady), jak i powiatowe (rejestracja pojazdów, prawa jazdy, pozwolenia "
        "na budowę).</p><p>Sprawy można załatwić osobiście w Biurze Obsługi Mieszkańców, listownie albo "
        "elektronicznie przez platformę SEKAP i ePUAP — system obiegu dokumentów objął urząd i 118 miejskich "
        "jednostek, udostępniając 226 e-usług.</p>",
    ),
    _department(
        "biuro-obslugi-mieszkancow",
        "Biuro Obsługi Mieszkańców",
        "Punkt pierwszego kontaktu: przyjmowanie wniosków, informacja o sprawach, potwierdzanie "
        "profilu zaufanego.",
        "office",
        "Katarzyna Pietrek",
        "Kierownik Biura Obsługi Mieszkańców",
        "+48 32 373 35 00",
        "bom@um.zabrze.pl",
        "<p>Biuro przyjmuje wnioski do wszystkich wydziałów, wydaje druki i udziela informacji, w której "
        "komórce zostanie załatwiona sprawa. Na sali obsługi działa system biletowy i infokiosk z katalogiem "
        "e-usług.</p><p>Obsługa osób ze szczególnymi potrzebami: pętla indukcyjna, tłumacz języka migowego "
        "po wcześniejszym zgłoszeniu (co najmniej 3 dni robocze).</p>",
        room="parter, sala obsługi",
    ),
    _department(
        "wydzial-spraw-obywatelskich",
        "Wydział Spraw Obywatelskich",
        "Ewidencja ludności, meldunki, dowody osobiste i rejestr PESEL.",
        "department",
        "Joanna Kubica",
        "Naczelnik Wydziału Spraw Obywatelskich",
        "+48 32 373 34 10",
        "so@um.zabrze.pl",
        "<p>Wydział prowadzi rejestr mieszkańców, przyjmuje zgłoszenia zameldowania i wymeldowania, wnioski "
        "o dowody osobiste i zgłoszenia ich utraty oraz udostępnia dane z rejestru PESEL.</p>",
        room="parter, stanowiska 1–12",
    ),
    _department(
        "urzad-stanu-cywilnego",
        "Urząd Stanu Cywilnego w Zabrzu",
        "Rejestracja urodzeń, małżeństw i zgonów, odpisy aktów, zmiana imienia i nazwiska.",
        "office",
        "Beata Wyciślik",
        "Kierownik Urzędu Stanu Cywilnego",
        "+48 32 373 34 60",
        "usc@um.zabrze.pl",
        "<p>USC sporządza akty stanu cywilnego, przyjmuje zapewnienia o braku przeszkód do zawarcia "
        "małżeństwa i udziela ślubów cywilnych w Sali Ślubów, także w soboty po wcześniejszym "
        "uzgodnieniu terminu.</p>",
        room="I piętro",
    ),
    _department(
        "wydzial-komunikacji",
        "Wydział Komunikacji",
        "Rejestracja pojazdów, prawa jazdy, licencje taxi i transport drogowy.",
        "department",
        "Dariusz Skrzypiec",
        "Naczelnik Wydziału Komunikacji",
        "+48 32 373 35 40",
        "komunikacja@um.zabrze.pl",
        "<p>Wydział wykonuje zadania starosty w sprawach dopuszczenia pojazdów do ruchu, uprawnień do "
        "kierowania pojazdami i transportu drogowego. Na wizytę można umówić się przez internetowy system "
        "rezerwacji kolejki.</p>",
        room="parter, sala B",
    ),
    _department(
        "wydzial-podatkow-i-oplat",
        "Wydział Podatków i Opłat",
        "Podatek od nieruchomości, podatek od środków transportowych, ulgi i zaświadczenia podatkowe.",
        "department",
        "Iwona Mrozek",
        "Naczelnik Wydziału Podatków i Opłat",
        "+48 32 373 34 30",
        "podatki@um.zabrze.pl",
        "<p>Wydział ustala i pobiera podatki lokalne, rozpatruje wnioski o ulgi w spłacie zobowiązań "
        "i wydaje zaświadczenia o niezaleganiu w podatkach.</p>",
        room="II piętro",
    ),
    _department(
        "wydzial-gospodarki-komunalnej",
        "Wydział Gospodarki Komunalnej",
        "Gospodarka odpadami komunalnymi, deklaracje śmieciowe, nadzór nad odbiorem odpadów.",
        "department",
        "Marek Szołtysek",
        "Naczelnik Wydziału Gospodarki Komunalnej",
        "+48 32 373 36 20",
        "gk@um.zabrze.pl",
        "<p>Wydział przyjmuje deklaracje o wysokości opłaty za gospodarowanie odpadami komunalnymi, "
        "rozpatruje reklamacje odbioru odpadów i prowadzi rejestr działalności regulowanej w zakresie "
        "odbierania odpadów komunalnych.</p>",
        room="III piętro",
    ),
    _department(
        "wydzial-ochrony-srodowiska",
        "Wydział Ochrony Środowiska",
        "Zieleń i drzewa, ochrona powietrza, ochrona zwierząt, decyzje środowiskowe.",
        "department",
        "Sabina Gajda",
        "Naczelnik Wydziału Ochrony Środowiska",
        "+48 32 373 36 50",
        "srodowisko@um.zabrze.pl",
        "<p>Wydział wydaje zezwolenia na usunięcie drzew, przyjmuje zgłoszenia instalacji, prowadzi "
        "miejski program ograniczania niskiej emisji oraz program opieki nad zwierzętami bezdomnymi.</p>",
        room="III piętro",
    ),
    _department(
        "wydzial-architektury-i-budownictwa",
        "Wydział Architektury i Budownictwa",
        "Pozwolenia na budowę, zgłoszenia robót budowlanych i rozbiórek.",
        "department",
        "Łukasz Nocoń",
        "Naczelnik Wydziału Architektury i Budownictwa",
        "+48 32 373 35 70",
        "architektura@um.zabrze.pl",
        "<p>Wydział wykonuje zadania organu administracji architektoniczno-budowlanej (starosty) na "
        "terenie miasta. Wnioski i zgłoszenia można składać elektronicznie w portalu e-Budownictwo.</p>",
        room="IV piętro",
    ),
    _department(
        "wydzial-planowania-przestrzennego",
        "Wydział Planowania Przestrzennego",
        "Plan ogólny, miejscowe plany zagospodarowania, warunki zabudowy, wypisy i wyrysy.",
        "department",
        "Monika Szafranek",
        "Naczelnik Wydziału Planowania Przestrzennego",
        "+48 32 373 35 90",
        "planowanie@um.zabrze.pl",
        "<p>Wydział przygotowuje plan ogólny i miejscowe plany zagospodarowania przestrzennego, wydaje "
        "decyzje o warunkach zabudowy oraz wypisy i wyrysy z planów.</p>",
        room="IV piętro",
    ),
    _department(
        "wydzial-dzialalnosci-gospodarczej",
        "Wydział Ewidencji Działalności Gospodarczej i Zezwoleń",
        "CEIDG, zezwolenia na sprzedaż napojów alkoholowych, punkt informacji dla przedsiębiorców.",
        "department",
        "Michał Kandzia",
        "Naczelnik Wydziału Ewidencji Działalności Gospodarczej i Zezwoleń",
        "+48 32 373 34 80",
        "przedsiebiorcy@um.zabrze.pl",
        "<p>Wydział pomaga złożyć wniosek do CEIDG, wydaje zezwolenia na sprzedaż napojów alkoholowych "
        "i prowadzi punkt informacji dla przedsiębiorców, którzy zakładają firmę w Zabrzu.</p>",
        room="parter, stanowiska 14–16",
    ),
    _department(
        "wydzial-edukacji",
        "Wydział Edukacji",
        "Przedszkola i szkoły prowadzone przez miasto, rekrutacja, dowóz uczniów, dofinansowanie "
        "kształcenia młodocianych.",
        "department",
        "Aleksandra Bujok",
        "Naczelnik Wydziału Edukacji",
        "+48 32 373 36 80",
        "edukacja@um.zabrze.pl",
        "<p>Wydział koordynuje rekrutację do przedszkoli i szkół, organizuje dowóz uczniów "
        "z niepełnosprawnościami, przyznaje stypendia szkolne i dofinansowanie kosztów kształcenia "
        "młodocianych pracowników.</p>",
        room="V piętro",
    ),
    _department(
        "wydzial-polityki-spolecznej",
        "Wydział Polityki Społecznej",
        "Programy zdrowotne, profilaktyka i rozwiązywanie problemów alkoholowych, polityka senioralna.",
        "department",
        "Ewa Mazur",
        "Naczelnik Wydziału Polityki Społecznej",
        "+48 32 373 37 10",
        "polityka.spoleczna@um.zabrze.pl",
        "<p>Wydział realizuje miejskie programy polityki zdrowotnej, obsługuje Miejską Komisję "
        "Rozwiązywania Problemów Alkoholowych i współpracuje z Radą Seniorów Miasta Zabrze.</p>",
        room="V piętro",
    ),
    _department(
        "biuro-organizacji-pozarzadowych",
        "Biuro ds. Organizacji Pozarządowych",
        "Współpraca z NGO: otwarte konkursy ofert, małe granty, konsultacje, ewidencja stowarzyszeń "
        "zwykłych.",
        "office",
        "Agata Respondek",
        "Kierownik Biura ds. Organizacji Pozarządowych",
        "+48 32 373 37 40",
        "ngo@um.zabrze.pl",
        "<p>Biuro prowadzi otwarte konkursy ofert i konsultacje z organizacjami pozarządowymi na "
        "platformach zbudowanych w projekcie „Współpraca – to się opłaca!” — Zabrze jako pierwsze miasto "
        "w Polsce udostępniło NGO elektroniczne konsultacje i ocenę ofert.</p>",
        room="pok. 118",
    ),
    _department(
        "wydzial-gospodarki-nieruchomosciami",
        "Wydział Gospodarki Nieruchomościami",
        "Sprzedaż, dzierżawa i najem gruntów miejskich, przekształcenie użytkowania wieczystego.",
        "department",
        "Bartłomiej Kuczera",
        "Naczelnik Wydziału Gospodarki Nieruchomościami",
        "+48 32 373 36 00",
        "nieruchomosci@um.zabrze.pl",
        "<p>Wydział gospodaruje zasobem nieruchomości gminy i Skarbu Państwa: ogłasza przetargi, zawiera "
        "umowy dzierżawy i wydaje zaświadczenia o przekształceniu prawa użytkowania wieczystego.</p>",
        room="II piętro",
    ),
    _department(
        "wydzial-geodezji",
        "Wydział Geodezji i Kartografii",
        "Ewidencja gruntów i budynków, numeracja porządkowa, zasób geodezyjny.",
        "department",
        "Jan Musioł",
        "Geodeta Miasta, Naczelnik Wydziału Geodezji i Kartografii",
        "+48 32 373 36 30",
        "geodezja@um.zabrze.pl",
        "<p>Wydział prowadzi ewidencję gruntów i budynków oraz powiatowy zasób geodezyjny i kartograficzny, "
        "nadaje numery porządkowe budynkom.</p>",
        room="IV piętro",
    ),
    _department(
        "wydzial-bezpieczenstwa",
        "Wydział Bezpieczeństwa i Zarządzania Kryzysowego",
        "Imprezy masowe, zgromadzenia publiczne, zarządzanie kryzysowe i obrona cywilna.",
        "department",
        "Rafał Buchta",
        "Naczelnik Wydziału Bezpieczeństwa i Zarządzania Kryzysowego",
        "+48 32 373 37 70",
        "bezpieczenstwo@um.zabrze.pl",
        "<p>Wydział wydaje zezwolenia na imprezy masowe, przyjmuje zawiadomienia o zgromadzeniach "
        "i prowadzi Miejskie Centrum Zarządzania Kryzysowego współpracujące z monitoringiem miejskim.</p>",
        room="VI piętro",
    ),
    _department(
        "wydzial-kultury-i-sportu",
        "Wydział Kultury i Sportu",
        "Miejskie instytucje kultury, stypendia sportowe, dotacje dla klubów sportowych.",
        "department",
        "Marta Ledwoń",
        "Naczelnik Wydziału Kultury i Sportu",
        "+48 32 373 37 20",
        "kultura.sport@um.zabrze.pl",
        "<p>Wydział nadzoruje miejskie instytucje kultury, przyznaje stypendia sportowe i dotacje celowe "
        "na rozwój sportu w Zabrzu.</p>",
        room="V piętro",
    ),
    _department(
        "miejski-konserwator-zabytkow",
        "Miejski Konserwator Zabytków",
        "Ochrona zabytków Zabrza, gminna ewidencja zabytków, dotacje na prace konserwatorskie.",
        "office",
        "Dorota Golec",
        "Miejski Konserwator Zabytków",
        "+48 32 373 35 95",
        "konserwator@um.zabrze.pl",
        "<p>Konserwator prowadzi gminną ewidencję zabytków, uzgadnia prace przy obiektach w strefach "
        "ochrony konserwatorskiej i obsługuje dotacje na prace przy zabytkach wpisanych do rejestru.</p>",
        room="IV piętro",
    ),
    _department(
        "miejski-rzecznik-konsumentow",
        "Miejski Rzecznik Konsumentów",
        "Bezpłatne porady konsumenckie i pomoc w sporach z przedsiębiorcami.",
        "office",
        "Renata Sobik",
        "Miejski Rzecznik Konsumentów",
        "+48 32 373 34 95",
        "rzecznik.konsumentow@um.zabrze.pl",
        "<p>Rzecznik udziela mieszkańcom Zabrza bezpłatnych porad w sprawach reklamacji, umów zawieranych "
        "na odległość i poza lokalem przedsiębiorstwa, a w uzasadnionych przypadkach występuje do "
        "przedsiębiorców w imieniu konsumentów.</p>",
        room="pok. 021",
    ),
    _department(
        "biuro-rad-dzielnic",
        "Biuro Rad Dzielnic i Budżetu Obywatelskiego",
        "Obsługa Rad Dzielnic, konsultacje społeczne i budżet obywatelski.",
        "office",
        "Paweł Kocur",
        "Kierownik Biura Rad Dzielnic i Budżetu Obywatelskiego",
        "+48 32 373 37 50",
        "rady.dzielnic@um.zabrze.pl",
        "<p>Biuro obsługuje Rady Dzielnic Zabrza, prowadzi konsultacje społeczne i coroczną edycję budżetu "
        "obywatelskiego: zgłaszanie projektów, ich weryfikację i głosowanie mieszkańców.</p>",
        room="pok. 120",
    ),
    _department(
        "wydzial-informatyki",
        "Wydział Informatyki",
        "Strategia e-Zabrze, platforma SEKAP, sieć światłowodowa i infokioski.",
        "department",
        "Krzysztof Mrowiec",
        "Naczelnik Wydziału Informatyki",
        "+48 32 373 38 00",
        "informatyka@um.zabrze.pl",
        "<p>Wydział realizuje strategię „e-Zabrze”: utrzymuje system elektronicznego obiegu dokumentów "
        "zintegrowany z platformą SEKAP, 17 infokiosków i usługi Zabrzańskiej Szerokopasmowej Sieci "
        "Światłowodowej (ok. 100 km, 216 podłączeń).</p>",
        room="VI piętro",
    ),
    _department(
        "wydzial-organizacyjny",
        "Wydział Organizacyjny",
        "Biuletyn Informacji Publicznej, dostęp do informacji publicznej, kancelaria urzędu.",
        "department",
        "Elżbieta Machulec",
        "Naczelnik Wydziału Organizacyjnego",
        "+48 32 373 33 20",
        "bip@um.zabrze.pl",
        "<p>Wydział prowadzi Biuletyn Informacji Publicznej Miasta Zabrze, koordynuje odpowiedzi na wnioski "
        "o udostępnienie informacji publicznej i obsługuje elektroniczną skrzynkę podawczą urzędu.</p>",
        room="I piętro",
    ),
    # ------------------------------------------------------------------ social
    _unit(
        "mops",
        "Miejski Ośrodek Pomocy Społecznej w Zabrzu",
        "Pomoc społeczna, świadczenia rodzinne, dodatki mieszkaniowe, Karta Dużej Rodziny, zadania PCPR.",
        "social",
        "Halina Nowara",
        "Dyrektor Miejskiego Ośrodka Pomocy Społecznej",
        "ul. Żeromskiego 7",
        "41-800",
        "+48 32 271 70 81",
        "sekretariat@mops.zabrze.pl",
        "/MOPSZabrze/SkrytkaESP",
        _hours("7:30–17:00", "7:30–15:30", "7:30–15:30", "7:30–15:30", "7:30–14:00", "", ""),
        50.3042,
        18.7798,
        "<p>MOPS przyznaje świadczenia z pomocy społecznej, świadczenia rodzinne i z funduszu "
        "alimentacyjnego, dodatki mieszkaniowe oraz Kartę Dużej Rodziny. Jako ośrodek miasta na prawach "
        "powiatu wykonuje też zadania powiatowego centrum pomocy rodzinie, w tym dofinansowania ze środków "
        "PFRON.</p><p>Pracownicy socjalni przyjmują w rejonowych punktach pracy socjalnej w dzielnicach.</p>",
    ),
    _unit(
        "osrodek-interwencji-kryzysowej",
        "Ośrodek Interwencji Kryzysowej",
        "Całodobowa pomoc psychologiczna, prawna i schronienie dla osób w kryzysie i doznających przemocy.",
        "social",
        "Wojciech Janik",
        "Kierownik Ośrodka Interwencji Kryzysowej",
        "ul. Damrota 6",
        "41-800",
        "+48 32 271 49 24",
        "oik@mops.zabrze.pl",
        "/MOPSZabrze/SkrytkaESP",
        ROUND_THE_CLOCK,
        50.3020,
        18.7818,
        "<p>Ośrodek działa w strukturze MOPS. Udziela natychmiastowej pomocy osobom i rodzinom w sytuacji "
        "kryzysu, w tym doznającym przemocy domowej, i zapewnia miejsca interwencyjnego schronienia.</p>",
        parent="mops",
    ),
    _unit(
        "dom-pomocy-spolecznej",
        "Dom Pomocy Społecznej w Zabrzu",
        "Całodobowa opieka dla osób starszych i przewlekle somatycznie chorych.",
        "social",
        "Urszula Klimas",
        "Dyrektor Domu Pomocy Społecznej",
        "ul. Makoszowska 17",
        "41-814",
        "+48 32 278 46 50",
        "sekretariat@dps.zabrze.pl",
        "/DPSZabrze/SkrytkaESP",
        WEEKDAYS_0730,
        50.2815,
        18.7705,
        "<p>Dom zapewnia całodobową opiekę, usługi bytowe i terapeutyczne. Skierowanie do domu wydaje "
        "Miejski Ośrodek Pomocy Społecznej na wniosek mieszkańca.</p>",
    ),
    _unit(
        "miejski-zespol-orzekania",
        "Miejski Zespół do Spraw Orzekania o Niepełnosprawności w Zabrzu",
        "Orzeczenia o niepełnosprawności i stopniu niepełnosprawności, karty parkingowe, legitymacje.",
        "social",
        "Grażyna Pawlik",
        "Przewodnicząca Miejskiego Zespołu do Spraw Orzekania o Niepełnosprawności",
        "ul. 3 Maja 16",
        "41-800",
        "+48 32 271 39 71",
        "orzekanie@mzon.zabrze.pl",
        "/MZONZabrze/SkrytkaESP",
        WEEKDAYS_0730,
        50.3066,
        18.7807,
        "<p>Zespół wydaje orzeczenia o niepełnosprawności (dzieci do 16 lat) i o stopniu "
        "niepełnosprawności, legitymacje osoby niepełnosprawnej oraz karty parkingowe.</p>",
    ),
    # ------------------------------------------------------------------ education
    _unit(
        "miejski-zespol-zlobkow",
        "Miejski Zespół Żłobków w Zabrzu",
        "Opieka nad dziećmi do lat 3 w miejskich żłobkach.",
        "education",
        "Jolanta Koj",
        "Dyrektor Miejskiego Zespołu Żłobków",
        "ul. Roosevelta 28",
        "41-800",
        "+48 32 271 24 35",
        "sekretariat@zlobki.zabrze.pl",
        "/MZZZabrze/SkrytkaESP",
        KINDERGARTEN_HOURS,
        50.3003,
        18.7855,
        "<p>Zespół prowadzi miejskie żłobki w kilku dzielnicach Zabrza. Przyjmuje zapisy dzieci w wieku od "
        "20. tygodnia życia do 3 lat.</p>",
    ),
    _unit(
        "zespol-poradni",
        "Zespół Poradni Psychologiczno-Pedagogicznych w Zabrzu",
        "Diagnoza, opinie i orzeczenia o potrzebie kształcenia specjalnego, terapia dzieci i młodzieży.",
        "education",
        "Adam Wieczorek",
        "Dyrektor Zespołu Poradni Psychologiczno-Pedagogicznych",
        "ul. Skłodowskiej-Curie 17",
        "41-800",
        "+48 32 271 43 90",
        "poradnia@oswiata.zabrze.pl",
        "/ZPPPZabrze/SkrytkaESP",
        _hours(*(["8:00–18:00"] * 4), "8:00–16:00", "", ""),
        50.2965,
        18.7830,
        "<p>Poradnia bada dzieci i młodzież, wydaje opinie oraz orzeczenia o potrzebie kształcenia "
        "specjalnego i zajęć rewalidacyjno-wychowawczych, prowadzi terapię i wspiera rodziców "
        "i nauczycieli.</p>",
    ),
    _unit(
        "szkola-podstawowa-15",
        "Szkoła Podstawowa nr 15 w Zabrzu",
        "Szkoła podstawowa z oddziałami integracyjnymi w dzielnicy Centrum Północ.",
        "education",
        "Barbara Wróbel",
        "Dyrektor Szkoły",
        "ul. Gdańska 36",
        "41-806",
        "+48 32 271 52 15",
        "sp15@oswiata.zabrze.pl",
        "/SP15Zabrze/SkrytkaESP",
        SCHOOL_HOURS,
        50.3203,
        18.7892,
        "<p>Szkoła prowadzi klasy I–VIII, w tym oddziały integracyjne, świetlicę czynną od 6:30 do 16:30 "
        "i stołówkę.</p>",
    ),
    _unit(
        "szkola-podstawowa-40",
        "Szkoła Podstawowa nr 40 w Zabrzu",
        "Szkoła podstawowa w Mikulczycach z salą gimnastyczną i boiskiem wielofunkcyjnym.",
        "education",
        "Tomasz Lach",
        "Dyrektor Szkoły",
        "ul. Tarnopolska 56",
        "41-808",
        "+48 32 277 81 40",
        "sp40@oswiata.zabrze.pl",
        "/SP40Zabrze/SkrytkaESP",
        SCHOOL_HOURS,
        50.3335,
        18.7651,
        "<p>Szkoła prowadzi klasy I–VIII i oddział przedszkolny, świetlicę oraz zajęcia sportowe "
        "w ramach szkolnego klubu sportowego.</p>",
    ),
    _unit(
        "ii-liceum",
        "II Liceum Ogólnokształcące w Zabrzu",
        "Czteroletnie liceum ogólnokształcące z klasami politechnicznymi i medycznymi.",
        "education",
        "Krystian Pyka",
        "Dyrektor Liceum",
        "ul. Stalmacha 17",
        "41-800",
        "+48 32 271 22 02",
        "lo2@oswiata.zabrze.pl",
        "/LO2Zabrze/SkrytkaESP",
        SCHOOL_HOURS,
        50.3098,
        18.7813,
        "<p>Liceum prowadzi klasy z rozszerzoną matematyką i fizyką we współpracy z Politechniką Śląską "
        "oraz klasy biologiczno-chemiczne.</p>",
    ),
    _unit(
        "przedszkole-16",
        "Przedszkole Miejskie nr 16 w Zabrzu",
        "Przedszkole dla dzieci w wieku 3–6 lat w dzielnicy Centrum Południe.",
        "education",
        "Magdalena Sowa",
        "Dyrektor Przedszkola",
        "ul. Franciszkańska 5",
        "41-819",
        "+48 32 271 66 16",
        "pm16@oswiata.zabrze.pl",
        "/PM16Zabrze/SkrytkaESP",
        KINDERGARTEN_HOURS,
        50.2991,
        18.7915,
        "<p>Przedszkole ma pięć oddziałów, w tym oddział integracyjny. Zapewnia wyżywienie i zajęcia "
        "dodatkowe z języka angielskiego i rytmiki.</p>",
    ),
    _unit(
        "przedszkole-36",
        "Przedszkole Miejskie nr 36 w Zabrzu",
        "Przedszkole dla dzieci w wieku 3–6 lat w dzielnicy Rokitnica.",
        "education",
        "Anna Kowalska",
        "Dyrektor Przedszkola",
        "ul. Pyskowicka 40",
        "41-809",
        "+48 32 273 36 36",
        "pm36@oswiata.zabrze.pl",
        "/PM36Zabrze/SkrytkaESP",
        KINDERGARTEN_HOURS,
        50.3412,
        18.7398,
        "<p>Przedszkole ma cztery oddziały i ogród z placem zabaw. Prowadzi zajęcia z logopedą "
        "i psychologiem.</p>",
    ),
    _unit(
        "centrum-uslug-wspolnych",
        "Centrum Usług Wspólnych w Zabrzu",
        "Obsługa finansowa, kadrowa i administracyjna miejskich szkół i przedszkoli.",
        "other",
        "Henryk Pyrsz",
        "Dyrektor Centrum Usług Wspólnych",
        "ul. Religi 1",
        "41-800",
        "+48 32 271 30 10",
        "sekretariat@cuw.zabrze.pl",
        "/CUWZabrze/SkrytkaESP",
        WEEKDAYS_0730,
        50.3040,
        18.7841,
        "<p>Centrum prowadzi wspólną obsługę księgową, płacową i administracyjną placówek oświatowych, "
        "a także rozlicza dowóz uczniów z niepełnosprawnościami.</p>",
    ),
    # ------------------------------------------------------------------ safety, culture, sport, utilities
    _unit(
        "straz-miejska",
        "Straż Miejska w Zabrzu",
        "Porządek publiczny, interwencje, monitoring miejski. Całodobowy numer alarmowy 986.",
        "city_guard",
        "Grzegorz Mikołajczyk",
        "Komendant Straży Miejskiej",
        "ul. Bytomska 3",
        "41-800",
        "+48 32 271 39 86",
        "dyzurny@strazmiejska.zabrze.pl",
        "/SMZabrze/SkrytkaESP",
        ROUND_THE_CLOCK,
        50.3118,
        18.7880,
        "<p>Dyżurny straży przyjmuje zgłoszenia całą dobę pod numerem 986. Straż obsługuje monitoring "
        "miejski — kamery pracują w Zabrzańskiej Szerokopasmowej Sieci Światłowodowej i w sieci WiMax.</p>",
    ),
    _unit(
        "biblioteka",
        "Miejska Biblioteka Publiczna w Zabrzu",
        "Biblioteka główna i filie w dzielnicach, e-booki, spotkania autorskie.",
        "culture",
        "Justyna Bednarek",
        "Dyrektor Miejskiej Biblioteki Publicznej",
        "ul. Mikulczycka 8",
        "41-800",
        "+48 32 271 39 05",
        "biblioteka@mbp.zabrze.pl",
        "/MBPZabrze/SkrytkaESP",
        _hours(*(["10:00–18:00"] * 5), "9:00–14:00", ""),
        50.3125,
        18.7812,
        "<p>Biblioteka ma kilkanaście filii w dzielnicach. W bibliotece głównej działają czytelnia, "
        "stanowiska komputerowe z dostępem do internetu i infokiosk z katalogiem e-usług miasta.</p>",
    ),
    _unit(
        "dom-muzyki-i-tanca",
        "Dom Muzyki i Tańca w Zabrzu",
        "Widowiskowo-koncertowa sala na ponad 1800 miejsc: koncerty, spektakle, wydarzenia miejskie.",
        "culture",
        "Piotr Gawlik",
        "Dyrektor Domu Muzyki i Tańca",
        "ul. Gen. de Gaulle'a 17",
        "41-800",
        "+48 32 271 17 33",
        "biuro@dmit.zabrze.pl",
        "/DMiTZabrze/SkrytkaESP",
        _hours(*(["11:00–18:00"] * 5), "", ""),
        50.3047,
        18.7870,
        "<p>Dom Muzyki i Tańca organizuje koncerty, musicale i gale, a także udostępnia salę na wydarzenia "
        "organizacji pozarządowych i firm. Kasa biletowa w dni wydarzeń jest czynna także w weekendy.</p>",
    ),
    _unit(
        "muzeum-gornictwa",
        "Muzeum Górnictwa Węglowego w Zabrzu",
        "Zabytkowa Kopalnia Guido, Sztolnia Królowa Luiza i Główna Kluczowa Sztolnia Dziedziczna.",
        "culture",
        "Bartosz Kapica",
        "Dyrektor Muzeum",
        "ul. Jodłowa 59",
        "41-800",
        "+48 32 630 30 91",
        "muzeum@muzeumgornictwa.pl",
        "/MGWZabrze/SkrytkaESP",
        _hours("", *(["9:00–17:00"] * 6)),
        50.2982,
        18.7757,
        "<p>Muzeum udostępnia podziemne trasy turystyczne dawnych kopalń węgla kamiennego, w tym spływ "
        "łodziami Główną Kluczową Sztolnią Dziedziczną. Zwiedzanie podziemi odbywa się z przewodnikiem.</p>",
    ),
    _unit(
        "mosir",
        "Miejski Ośrodek Sportu i Rekreacji w Zabrzu",
        "Hale sportowe, baseny, boiska i lodowisko; wynajem obiektów i zajęcia dla mieszkańców.",
        "sport",
        "Kamil Stolorz",
        "Dyrektor Miejskiego Ośrodka Sportu i Rekreacji",
        "ul. Matejki 6",
        "41-800",
        "+48 32 271 61 21",
        "mosir@mosir.zabrze.pl",
        "/MOSiRZabrze/SkrytkaESP",
        _hours(*(["7:00–15:00"] * 5), "", ""),
        50.3036,
        18.7702,
        "<p>MOSiR zarządza miejskimi obiektami sportowymi i rekreacyjnymi. Biuro przyjmuje rezerwacje "
        "obiektów dla klubów, szkół, firm i organizacji; obiekty są czynne także w weekendy.</p>",
    ),
    _unit(
        "miejski-zarzad-drog",
        "Miejski Zarząd Dróg i Infrastruktury Informatycznej w Zabrzu",
        "Zarządca dróg miejskich i operator miejskiej sieci światłowodowej.",
        "utility",
        "Andrzej Ziaja",
        "Dyrektor Miejskiego Zarządu Dróg i Infrastruktury Informatycznej",
        "ul. Tarnopolska 48",
        "41-807",
        "+48 32 271 85 31",
        "sekretariat@mzdiii.zabrze.pl",
        "/MZDiIIZabrze/SkrytkaESP",
        WEEKDAYS_0730,
        50.3278,
        18.7702,
        "<p>Zarząd utrzymuje drogi gminne i powiatowe w granicach miasta, wydaje zezwolenia na zajęcie pasa "
        "drogowego i lokalizację zjazdów. Utrzymuje też Zabrzańską Szerokopasmową Sieć Światłowodową, "
        "do której podłączono miejskie jednostki, policję, straż pożarną i szpitale.</p>",
    ),
    _unit(
        "mzbm",
        "Miejski Zarząd Budynków Mieszkalnych w Zabrzu",
        "Zarządca gminnego zasobu mieszkaniowego i lokali użytkowych.",
        "utility",
        "Irena Sośnica",
        "Dyrektor Miejskiego Zarządu Budynków Mieszkalnych",
        "ul. Wolności 215",
        "41-800",
        "+48 32 271 47 00",
        "sekretariat@mzbm.zabrze.pl",
        "/MZBMZabrze/SkrytkaESP",
        _hours("7:30–17:00", "7:30–15:30", "7:30–15:30", "7:30–15:30", "7:30–14:00", "", ""),
        50.3058,
        18.7740,
        "<p>MZBM zarządza mieszkaniami komunalnymi i lokalami użytkowymi miasta, prowadzi listy osób "
        "oczekujących na najem i przyjmuje zgłoszenia awarii w budynkach gminnych.</p>",
    ),
    _unit(
        "pszok",
        "Punkt Selektywnej Zbiórki Odpadów Komunalnych",
        "Bezpłatne przyjmowanie od mieszkańców odpadów wielkogabarytowych, elektroodpadów i odpadów "
        "niebezpiecznych.",
        "utility",
        "Damian Kokot",
        "Kierownik Punktu Selektywnej Zbiórki Odpadów Komunalnych",
        "ul. Lecha 10",
        "41-800",
        "+48 32 271 93 10",
        "pszok@um.zabrze.pl",
        OFFICE_EPUAP,
        _hours(*(["8:00–18:00"] * 5), "8:00–14:00", ""),
        50.3218,
        18.8100,
        "<p>Mieszkańcy Zabrza, którzy złożyli deklarację o wysokości opłaty za gospodarowanie odpadami, "
        "oddają tu bezpłatnie meble, zużyty sprzęt, opony, odpady budowlane z drobnych remontów "
        "i przeterminowane leki.</p>",
    ),
    _unit(
        "schronisko",
        "Schronisko dla Bezdomnych Zwierząt w Zabrzu",
        "Opieka nad bezdomnymi zwierzętami, adopcje, bezpłatne czipowanie psów i kotów mieszkańców.",
        "other",
        "Natalia Pyrek",
        "Kierownik Schroniska",
        "ul. Cmentarna 19F",
        "41-800",
        "+48 32 271 53 42",
        "schronisko@um.zabrze.pl",
        OFFICE_EPUAP,
        _hours(*(["10:00–16:00"] * 5), "10:00–14:00", ""),
        50.3160,
        18.8040,
        "<p>Schronisko prowadzi adopcje zwierząt i w ramach miejskiego programu opieki nad zwierzętami "
        "bezpłatnie znakuje (czipuje) psy i koty mieszkańców Zabrza.</p>",
    ),
    _unit(
        "pup",
        "Powiatowy Urząd Pracy w Zabrzu",
        "Rejestracja osób bezrobotnych i poszukujących pracy, oferty pracy, wsparcie pracodawców.",
        "office",
        "Leszek Gajdzik",
        "Dyrektor Powiatowego Urzędu Pracy",
        "ul. Bolesława Chrobrego 6",
        "41-800",
        "+48 32 271 25 51",
        "sekretariat@pup.zabrze.pl",
        "/PUPZabrze/SkrytkaESP",
        WEEKDAYS_0800,
        50.3092,
        18.7927,
        "<p>Urząd rejestruje osoby bezrobotne i poszukujące pracy, pośredniczy w zatrudnieniu, finansuje "
        "szkolenia, przyznaje środki na podjęcie działalności gospodarczej i refunduje pracodawcom koszty "
        "wyposażenia stanowisk pracy.</p>",
    ),
    _unit(
        "szpital-miejski",
        "Szpital Miejski w Zabrzu",
        "Miejski szpital wielospecjalistyczny ze szpitalnym oddziałem ratunkowym.",
        "health",
        "Ryszard Cholewa",
        "Prezes Zarządu",
        "ul. Zamkowa 4",
        "41-803",
        "+48 32 373 23 00",
        "sekretariat@szpital.zabrze.pl",
        "/SzpitalMiejskiZabrze/SkrytkaESP",
        ROUND_THE_CLOCK,
        50.3170,
        18.8250,
        "<p>Szpital prowadzi oddziały zachowawcze i zabiegowe, poradnie specjalistyczne i szpitalny "
        "oddział ratunkowy czynny całą dobę. Przy szpitalu działa punkt szczepień miejskiego programu "
        "profilaktyki grypy dla seniorów.</p>",
    ),
)

UNIT_IDS = tuple(unit["id"] for unit in UNITS)

SKIP = ("id", "title", "description", "parent")


def create(portal):
    """Create the units that are missing, set parent relations of the new ones, publish. Idempotent."""
    folder = _util.ensure_folder(portal, SECTION_ID, FOLDER_ID, FOLDER_TITLE, FOLDER_DESCRIPTION)
    created = []
    for data in UNITS:
        if data["id"] in folder.objectIds():
            continue
        obj = api.content.create(
            container=folder,
            type="OrganizationalUnit",
            id=data["id"],
            title=data["title"],
            description=data["description"],
            **_util.field_values({k: v for k, v in data.items() if k not in SKIP}),
        )
        created.append((obj, data))
    for obj, data in created:
        if data.get("parent"):
            _util.set_relation(obj, "parent_unit", folder.get(data["parent"]))
        _util.finish(obj)
    if created:
        logger.info("Created %d demo organizational units", len(created))
    return [obj for obj, _ in created]
