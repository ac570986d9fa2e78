"""Set-up of the strategy section (default profile, upgrade 1005; idempotent):

- the two strategies of the city (the 2009 programme and the 2016 strategy "do roku 2020+") with their five
  strategic goals — facts of the city's resolutions, so every site has them; the projects are the editors' work
  (and the demo data);
- the former static pages (o-strategii and one per goal) give way to the live portfolio, and their addresses
  redirect to it (plone.app.redirector), so links and bookmarks keep working.
"""

from datetime import date
from ezabrze.policy.strategy import CURRENT_STRATEGY_ID
from ezabrze.policy.strategy import FIRST_STRATEGY_ID
from ezabrze.policy.strategy import GOAL_IDS
from ezabrze.policy.strategy import SECTION_ID
from ezabrze.policy.strategy.content import parse_budget
from ezabrze.policy.strategy.content import parse_complementarity
from ezabrze.policy.strategy.content import parse_indicators
from ezabrze.policy.utils import ensure
from ezabrze.policy.utils import publish
from ezabrze.policy.utils import rich_text
from pathlib import Path
from persistent.list import PersistentList
from plone import api
from plone.app.redirector.interfaces import IRedirectionStorage
from plone.dexterity.utils import createContentInContainer
from z3c.relationfield import RelationValue
from z3c.relationfield.event import updateRelations
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import json
import logging


logger = logging.getLogger("ezabrze.policy")

STATIC_PAGE_IDS = ("o-strategii", *GOAL_IDS)

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
<li>Infrastruktura</li>
<li>e-Administracja</li>
<li>e-Gospodarka</li>
<li>e-Społeczeństwo</li>
<li>e-Bezpieczeństwo</li>
</ol>
<h2>Partnerzy</h2>
<p>Politechnika Śląska (projekt partnerski, programy szkoleń ICT, wsparcie eksperckie przy budowie sieci
szerokopasmowej), Rady Dzielnic, lokalni przedsiębiorcy oraz organizacje pozarządowe.</p>
"""

CURRENT_GOALS = (
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



FIRST_GOALS_TEXT = "<p>Cel programu z 2009 r.; jego projekty zostały zrealizowane.</p>"

STRATEGIES = (
    {
        "id": FIRST_STRATEGY_ID,
        "title": "e-Zabrze Program budowy Społeczeństwa Informacyjnego miasta Zabrze",
        "description": "Pierwsza strategia informatyzacji miasta z 14 grudnia 2009 r.: zrealizowano 19 projektów.",
        "adopted": date(2009, 12, 14),
        "resolution": "Uchwała Rady Miasta Zabrze z dnia 14 grudnia 2009 r.",
        "inventory": "",
        "horizon": "2009–2015",
        "text": "<p>Pierwszy program budowy społeczeństwa informacyjnego w Zabrzu. W jego ramach zrealizowano "
        "19 projektów, w tym budowę Zabrzańskiej Szerokopasmowej Sieci Światłowodowej.</p>",
    },
    {
        "id": CURRENT_STRATEGY_ID,
        "title": "e-Zabrze strategia budowy Społeczeństwa Informacyjnego miasta Zabrze do roku 2020+",
        "description": (
            "Strategia cyfryzacji miasta uchwalona 18 stycznia 2016 r.: pięć celów strategicznych, 24 projekty, "
            "w większości finansowane ze środków unijnych."
        ),
        "adopted": date(2016, 1, 18),
        "resolution": "Uchwała Rady Miasta Zabrze z dnia 18 stycznia 2016 r.",
        "inventory": "Inwentaryzacja zasobów IT gminy Zabrze przeprowadzona w 2015 r.",
        "horizon": "2016–2020+",
        "text": STRATEGY_TEXT,
    },
)


def install(portal):
    """The strategies and their goals, then the static pages replaced by redirects."""
    section = portal.get(SECTION_ID)
    if section is None:
        return
    for data in STRATEGIES:
        strategy = section.get(data["id"])
        if strategy is None:
            strategy = createContentInContainer(
                section,
                "Strategy",
                checkConstraints=False,
                id=data["id"],
                title=data["title"],
                description=data["description"],
                adopted=data["adopted"],
                resolution=data["resolution"],
                inventory=data["inventory"],
                horizon=data["horizon"],
                text=rich_text(data["text"]),
            )
            logger.info("Created %s", "/".join(strategy.getPhysicalPath()))
        publish(strategy)
        for number, (id_, title, description, text) in enumerate(CURRENT_GOALS, 1):
            if data["id"] == FIRST_STRATEGY_ID:
                text = FIRST_GOALS_TEXT
            goal = ensure(strategy, "StrategicGoal", id_, title, description, number=number, text=rich_text(text))
            publish(goal)
    replace_static_pages(portal)


def replace_static_pages(portal):
    """Delete the static pages of the section and redirect their addresses to the current strategy (the
    section's default page) and its goals. Idempotent; does nothing until the current strategy exists."""
    section = portal.get(SECTION_ID)
    if section is None or CURRENT_STRATEGY_ID not in section.objectIds():
        return False
    strategy = section[CURRENT_STRATEGY_ID]
    storage = getUtility(IRedirectionStorage)
    section_path = "/".join(section.getPhysicalPath())
    for id_ in STATIC_PAGE_IDS:
        old = section.get(id_)
        if old is not None and old.portal_type == "Document":
            api.content.delete(old, check_linkintegrity=False)
            logger.info("Removed the static page %s/%s", section_path, id_)
        target = strategy.get(id_) if id_ in GOAL_IDS else strategy
        if target is not None:
            storage.add(f"{section_path}/{id_}", "/".join(target.getPhysicalPath()))
    section.setDefaultPage(CURRENT_STRATEGY_ID)
    return True


# ------------------------------------------------------------------ demo data

DEMO_DATA = Path(__file__).parent / "demo_data.json"


def _relations(objs):
    intids = getUtility(IIntIds)
    return [RelationValue(intids.getId(obj)) for obj in objs]


def _history(data):
    """A plausible status history of a demo project from its dates (planned -> in progress -> done)."""
    entries = [{"status": "planned", "date": data["planned_start"] + "T00:00:00", "by": "admin"}]
    if data["project_status"] == "prepared":
        entries.append({"status": "prepared", "date": data["planned_start"] + "T00:00:00", "by": "admin"})
    if data["actual_start"]:
        entries.append({"status": "in_progress", "date": data["actual_start"] + "T00:00:00", "by": "admin"})
    if data["actual_end"]:
        entries.append({"status": "done", "date": data["actual_end"] + "T00:00:00", "by": "admin"})
    return PersistentList(entries)


def load_demo(portal):
    """The demo projects of both strategies (demo_data.json), published; the SEKAP projects linked to the
    catalogue's online services (and the document-flow project to the units). Idempotent: existing projects are
    kept."""
    section = portal.get(SECTION_ID)
    if section is None:
        return []
    data = json.loads(DEMO_DATA.read_text(encoding="utf-8"))
    catalog = api.portal.get_tool("portal_catalog")
    created = []
    for item in data["projects"]:
        strategy = section.get(item["strategy"])
        if strategy is None or item["id"] in strategy.objectIds():
            continue
        fields = {name: item[name] for name in ("goals", "project_status", "health", "partners")}
        # the tables are written in the data file as text, a row per line (see content.parse_budget)
        fields["budget"] = parse_budget(item["budget"])
        fields["indicators"] = parse_indicators(item["indicators"])
        fields["complementarity"] = parse_complementarity(item["complementarity"])
        for name in ("planned_start", "planned_end", "actual_start", "actual_end"):
            fields[name] = date.fromisoformat(item[name]) if item[name] else None
        project = createContentInContainer(
            strategy,
            "StrategyProject",
            checkConstraints=False,
            id=item["id"],
            title=item["title"],
            description=item["description"],
            **fields,
        )
        if item["link_all_services"]:
            # the e-services the SEKAP projects made available: the catalogue's services available online
            brains = catalog.unrestrictedSearchResults(portal_type="Service", catalogue_online_available=True)
            services = [brain.getObject() for brain in brains]
            project.services = _relations(services)
        if item["link_all_units"]:
            units = [brain.getObject() for brain in catalog.unrestrictedSearchResults(portal_type="OrganizationalUnit")]
            project.units = _relations(units)
        project.status_history = _history(item)
        updateRelations(project, None)
        publish(project)
        project.reindexObject()
        created.append(project)
    if created:
        logger.info("Created %d demo strategy projects", len(created))
    return created
