"""The top-level structure of the portal, created by the default profile (idempotent)."""

from ezabrze.policy import accessibility
from ezabrze.policy.cases import setup as cases_setup
from ezabrze.policy.catalogue import setup as catalogue_setup
from ezabrze.policy.councils import setup as councils_setup
from ezabrze.policy.intranet import setup as intranet_setup
from ezabrze.policy.utils import ensure
from ezabrze.policy.utils import ensure_group
from ezabrze.policy.utils import publish
from ezabrze.policy.utils import rich_text
from plone import api

import logging


logger = logging.getLogger("ezabrze.policy")

STAFF_GROUP = "pracownicy"

SECTIONS = (
    {
        "id": "dla-mieszkancow",
        "title": "Dla mieszkańców",
        "description": "Sprawy urzędowe, e-usługi i informacje dla mieszkańców Zabrza.",
    },
    {
        "id": "dla-biznesu",
        "title": "Dla biznesu",
        "description": "E-usługi, podatki, zezwolenia i wsparcie dla przedsiębiorców.",
    },
    {
        "id": "organizacje-pozarzadowe",
        "title": "Organizacje pozarządowe",
        "description": "Konsultacje społeczne, otwarte konkursy ofert i współpraca miasta z NGO.",
    },
    {
        "id": "rady-dzielnic",
        "title": "Rady Dzielnic",
        "description": "Ogłoszenia, posiedzenia i uchwały rad dzielnic Zabrza.",
    },
    {
        "id": "strategia-e-zabrze",
        "title": "Strategia e-Zabrze",
        "description": (
            "e-Zabrze — strategia budowy Społeczeństwa Informacyjnego miasta Zabrze do roku 2020+."
        ),
    },
    {
        "id": "aktualnosci",
        "title": "Aktualności",
        "description": "Wiadomości z Urzędu Miejskiego i jednostek organizacyjnych miasta.",
    },
    {
        "id": "intranet",
        "title": "Intranet",
        "description": "Serwis wewnętrzny dla pracowników urzędu i jednostek organizacyjnych.",
        "private": True,
    },
)

STRATEGY_TEXT = """
<p>Miasto Zabrze od lat konsekwentnie wdraża strategię informatyzacji. Jej odbiorcami są mieszkańcy,
przedsiębiorcy i organizacje pozarządowe, ale również urząd i miejskie jednostki organizacyjne.</p>
<h2>Dwie strategie</h2>
<ul>
<li>„e-Zabrze Program budowy Społeczeństwa Informacyjnego miasta Zabrze” z 14 grudnia 2009 r. —
zrealizowano w nim 19 projektów.</li>
<li>„e-Zabrze strategia budowy Społeczeństwa Informacyjnego miasta Zabrze do roku 2020+”, uchwalona
18 stycznia 2016 r. na podstawie inwentaryzacji zasobów IT gminy przeprowadzonej w 2015 r. Określa 24 projekty,
w większości finansowane ze środków unijnych.</li>
</ul>
<h2>Pięć celów strategicznych</h2>
<ol>
<li><a href="infrastruktura">Infrastruktura</a></li>
<li><a href="e-administracja">e-Administracja</a></li>
<li><a href="e-gospodarka">e-Gospodarka</a></li>
<li><a href="e-spoleczenstwo">e-Społeczeństwo</a></li>
<li><a href="e-bezpieczenstwo">e-Bezpieczeństwo</a></li>
</ol>
<h2>Partnerzy</h2>
<p>Politechnika Śląska (projekt partnerski, programy szkoleń ICT, wsparcie eksperckie przy budowie sieci
szerokopasmowej), Rady Dzielnic, lokalni przedsiębiorcy oraz organizacje pozarządowe.</p>
"""

GOALS = (
    (
        "infrastruktura",
        "Infrastruktura",
        "Zabrzańska Szerokopasmowa Sieć Światłowodowa i sieć bezprzewodowa WiMax.",
        """<p>Cztery projekty infrastrukturalne zbudowały sieć światłowodową szkieletową i dystrybucyjną
o długości ok. 100 km. Podłączono do niej wszystkie miejskie jednostki organizacyjne oraz policję, straż pożarną,
straż miejską i szpitale — w sumie 216 podłączeń.</p>
<p>Na bazie sieci działa 17 infokiosków, 16 kamer monitoringu miejskiego i 5 hotspotów. Sieć WiMax obejmuje
ok. 90% miasta i zasila kolejne 50 punktów dostępowych, w tym 8 kolejnych kamer.</p>
<p>Usługi sieci: dostęp do szerokopasmowego Internetu, strony www, poczta elektroniczna, serwery DNS, serwery
plików i sieci wewnętrzne jednostek.</p>""",
    ),
    (
        "e-administracja",
        "e-Administracja",
        "Elektroniczny obieg dokumentów i e-usługi urzędu oraz jednostek.",
        """<p>Projekt „Wdrożenie kompleksowego systemu obiegu dokumentów w gminie Zabrze w powiązaniu
z platformą SEKAP” objął urząd i 118 jednostek organizacyjnych oraz udostępnił 226 e-usług dla mieszkańców,
przedsiębiorców i organizacji pozarządowych.</p>""",
    ),
    (
        "e-gospodarka",
        "e-Gospodarka",
        "E-usługi i informacja dla przedsiębiorców.",
        """<p>Przedsiębiorcy załatwiają sprawy w urzędzie elektronicznie, a miasto współpracuje z lokalnym
biznesem przy rozwoju usług cyfrowych.</p>""",
    ),
    (
        "e-spoleczenstwo",
        "e-Społeczeństwo",
        "Konsultacje społeczne, konkursy ofert dla NGO i kompetencje cyfrowe mieszkańców.",
        """<p>W projekcie „Współpraca – to się opłaca!” powstały platformy do prowadzenia konsultacji
z organizacjami pozarządowymi i do oceny ofert w otwartych konkursach. Zabrze jako pierwsze miasto w Polsce
wdrożyło takie rozwiązania.</p>""",
    ),
    (
        "e-bezpieczenstwo",
        "e-Bezpieczeństwo",
        "Monitoring miejski i bezpieczeństwo systemów informatycznych miasta.",
        """<p>Kamery monitoringu miejskiego pracują w sieci światłowodowej i WiMax. Wspólna obsługa
informatyczna jednostek podnosi bezpieczeństwo danych i systemów.</p>""",
    ),
)


def create_groups():
    ensure_group(
        STAFF_GROUP,
        title="Pracownicy",
        description="Pracownicy Urzędu Miejskiego i jednostek organizacyjnych (dostęp do intranetu).",
    )


def create_structure(portal):
    for position, section in enumerate(SECTIONS):
        folder = ensure(portal, "Folder", section["id"], section["title"], section["description"])
        if section.get("private"):
            api.group.grant_roles(groupname=STAFF_GROUP, roles=["Reader"], obj=folder)
            folder.reindexObjectSecurity()
        else:
            publish(folder)
        portal.moveObjectToPosition(section["id"], position)

    statement = ensure(
        portal,
        "Document",
        accessibility.ID,
        accessibility.TITLE,
        accessibility.DESCRIPTION,
        text=rich_text(accessibility.TEXT),
        exclude_from_nav=True,
    )
    publish(statement)

    strategy = portal["strategia-e-zabrze"]
    page = ensure(
        strategy,
        "Document",
        "o-strategii",
        "Strategia e-Zabrze",
        SECTIONS[4]["description"],
        text=rich_text(STRATEGY_TEXT),
        exclude_from_nav=True,
    )
    publish(page)
    strategy.setDefaultPage("o-strategii")
    for id_, title, description, text in GOALS:
        publish(ensure(strategy, "Document", id_, title, description, text=rich_text(text)))
    # The features' own set-up (each idempotent). Applying the profile is an administrator's act, whoever calls
    # create_structure.
    catalogue_setup.create_catalogue(portal)
    cases_setup.install(portal)
    with api.env.adopt_roles(["Manager"]):
        councils_setup.create_councils(portal)
        intranet_setup.setup(portal)
