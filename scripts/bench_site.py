"""The benchmark site: the demo portal plus 20,000 service cards, their units and notices, in its own
FileStorage (var/bench, bin/instance-bench), never in the demo site of `make start`.

Run: bin/instance-bench run scripts/bench_site.py [--services 20000] [--units 150] [--notices 2000]
(`make bench-scale` runs it). Creates the site with demo content if missing, then adds what is missing up
to the wanted numbers: a second run, or a run after an interruption, continues where the last commit stopped.

Every item is made the way an editor's add form makes it — the content object created with its fields, added
to its folder with the normal add events (catalog, workflow, intids, relations), then the publish transition
(which reindexes the workflow state and the security indexes) — and nothing more: no extra reindex per item.
A savepoint every SAVEPOINT items keeps the memory flat; a commit every COMMIT items makes the run resumable.
The catalog indexes the items of one transaction in one go when it is committed (Plone's indexing queue).

Each item's choices (titles, audiences, category, unit, online channel) come from a random generator seeded
with the item's kind and number, so the site is the same whether it was made in one run or in several.
Titles and texts come from word lists so the full-text index holds realistic Polish words.
"""

from AccessControl.SecurityManagement import newSecurityManager
from datetime import date
from datetime import timedelta
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import argparse
import random
import sys
import time
import transaction


SUBJECTS = (
    "zaświadczenia", "dowodu osobistego", "prawa jazdy", "rejestracji pojazdu", "podatku od nieruchomości",
    "opłaty za odpady", "zezwolenia na sprzedaż alkoholu", "wycinki drzewa", "zajęcia pasa drogowego",
    "karty parkingowej", "dodatku mieszkaniowego", "stypendium szkolnego", "zameldowania", "wymeldowania",
    "aktu urodzenia", "aktu małżeństwa", "działalności gospodarczej", "imprezy masowej", "dotacji",
    "najmu lokalu", "decyzji środowiskowej", "warunków zabudowy", "pozwolenia na budowę", "numeru porządkowego",
)
ACTIONS = ("Wydanie", "Zmiana", "Wniosek o wydanie", "Przedłużenie", "Odwołanie", "Zgłoszenie", "Wpis",
           "Zwrot", "Ulga w spłacie", "Korekta")
DISTRICTS = ("Biskupice", "Zaborze", "Mikulczyce", "Rokitnica", "Helenka", "Grzybowice", "Maciejów",
             "Pawłów", "Makoszowy", "Kończyce", "Centrum", "Guido")
UNIT_KINDS = ("department", "office", "education", "social", "culture", "sport", "utility")
AUDIENCES = ("residents", "businesses", "ngos")
SAVEPOINT = 100
COMMIT = 1000
SEED = 20261202


def item_random(kind, number):
    """The random choices of one item: the same for the same item, whatever run makes it."""
    return random.Random(f"{SEED}-{kind}-{number}")


class Generator:
    """Adds what is missing of the benchmark content to ``site``; ``commit`` is called every COMMIT items."""

    def __init__(self, site, commit=transaction.commit, log=print):
        from plone import api

        self.site = site
        self.commit = commit
        self.log = log
        self.workflow = api.portal.get_tool("portal_workflow")
        self.units_folder = site["dla-mieszkancow"]["jednostki"]
        self.catalogue = site["dla-mieszkancow"]["uslugi"]
        self.made = 0
        self.started = time.monotonic()
        self.cpu_started = time.process_time()

    def add(self, container, portal_type, item_id, transition, **fields):
        """Create the item with its fields, add it (the normal add events) and do the workflow transition."""
        from plone.dexterity.utils import createContent

        item = createContent(portal_type, **fields)
        item.id = item_id
        container._setObject(item_id, item)
        item = container._getOb(item_id)
        self.workflow.doActionFor(item, transition)
        self.made += 1
        if self.made % COMMIT == 0:
            self.commit()
            self.log(
                f"  {self.made} items ({portal_type}), {time.monotonic() - self.started:.0f} s, "
                f"{(time.process_time() - self.cpu_started) * 1000 / self.made:.0f} ms CPU per item",
                flush=True,
            )
        elif self.made % SAVEPOINT == 0:
            transaction.savepoint(optimistic=True)
        return item

    def units(self, wanted):
        """Published units bench-unit-0000… up to ``wanted``; returns the intids of all units of the folder."""
        from zope.component import getUtility
        from zope.intid.interfaces import IIntIds

        folder = self.units_folder
        for number in range(len([i for i in folder.objectIds() if i.startswith("bench-unit-")]), wanted):
            rnd = item_random("unit", number)
            self.add(
                folder, "OrganizationalUnit", f"bench-unit-{number:04d}", "publish",
                title=f"Jednostka {rnd.choice(DISTRICTS)} nr {number}",
                unit_kind=UNIT_KINDS[number % len(UNIT_KINDS)], postal_code="41-800", city="Zabrze",
            )
        intids = getUtility(IIntIds)
        return [intids.getId(unit) for unit in folder.objectValues() if unit.portal_type == "OrganizationalUnit"]

    def services(self, wanted, unit_ids):
        from ezabrze.policy.catalogue.vocabularies import life_event_categories_items
        from z3c.relationfield import RelationValue

        categories = [item[0] for item in life_event_categories_items()] or ["meldunek"]
        folder = self.catalogue
        today = date.today()
        for number in range(len([i for i in folder.objectIds() if i.startswith("bench-service-")]), wanted):
            rnd = item_random("service", number)
            subject = rnd.choice(SUBJECTS)
            title = f"{rnd.choice(ACTIONS)} {subject} ({rnd.choice(DISTRICTS)}, {number})"
            online = rnd.random() < 0.3
            self.add(
                folder, "Service", f"bench-service-{number:05d}", "publish",
                title=title,
                description=f"Jak załatwić sprawę: {title.lower()} w Urzędzie Miejskim w Zabrzu.",
                audience=rnd.sample(AUDIENCES, rnd.randint(1, 2)),
                category=rnd.choice(categories),
                eligibility=f"Sprawę może załatwić każdy mieszkaniec dzielnicy {rnd.choice(DISTRICTS)}.",
                required_documents=f"Wniosek, dokument tożsamości, potwierdzenie opłaty {subject}.",
                fee_free=rnd.random() < 0.5,
                submission_channels=["in_person", "online"] if online else ["in_person", "post"],
                online_url="https://epuap.gov.pl/wps/portal" if online else None,
                last_review=today - timedelta(days=rnd.randint(0, 300)),
                responsible_unit=RelationValue(rnd.choice(unit_ids)),
            )

    def notices(self, wanted):
        from plone.app.textfield.value import RichTextValue

        boards = [c for c in self.site["rady-dzielnic"].objectValues() if c.portal_type == "DistrictCouncil"]
        if not boards:
            return
        existing = sum(len([i for i in b.objectIds() if i.startswith("bench-notice-")]) for b in boards)
        today = date.today()
        for number in range(existing, wanted):
            rnd = item_random("notice", number)
            title = f"Ogłoszenie rady: {rnd.choice(SUBJECTS)} ({number})"
            self.add(
                boards[number % len(boards)], "Notice", f"bench-notice-{number:05d}", "publish",
                title=title,
                text=RichTextValue(f"<p>{title}</p>", "text/html", "text/x-html-safe"),
                notice_category="announcement",
                valid_from=today - timedelta(days=rnd.randint(1, 60)),
            )

    def run(self, services, units, notices):
        unit_ids = self.units(units)
        self.services(services, unit_ids)
        self.notices(notices)
        self.commit()
        return self.made


def main(app, argv):
    parser = argparse.ArgumentParser(prog="bench_site.py")
    parser.add_argument("--site-id", default="zabrze")
    parser.add_argument("--services", type=int, default=20000)
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--notices", type=int, default=2000)
    args = parser.parse_args(argv)

    from ezabrze.policy.site import ensure_site

    app = makerequest(app)
    admin = app.acl_users.getUserById("admin")
    newSecurityManager(None, admin.__of__(app.acl_users))
    site, created = ensure_site(app, args.site_id, demo=True, add_ons=("ezabrze.ngo:default",),
                                demo_profiles=("ezabrze.ngo:demo",))
    setSite(site)
    transaction.commit()
    print(("Created" if created else "Kept") + f" site /{args.site_id}", flush=True)

    generator = Generator(site)
    made = generator.run(args.services, args.units, args.notices)
    print(
        f"Bench site ready: {made} items added in {time.monotonic() - generator.started:.0f} s "
        f"({time.process_time() - generator.cpu_started:.0f} s CPU)",
        flush=True,
    )


if __name__ == "__main__":
    # `bin/instance-bench run SCRIPT ARGS` runs us as `python -c SCRIPT ARGS`: our arguments follow the script.
    argv = sys.argv[sys.argv.index("-c") + 2 :] if "-c" in sys.argv else sys.argv[1:]
    main(app, argv)  # noqa: F821 -- `app` is provided by `bin/instance-bench run`
