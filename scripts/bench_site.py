"""The benchmark site: the demo portal plus 20,000 service cards, their units and notices, in its own
FileStorage (var/bench, bin/instance-bench), never in the demo site of `make start`.

Run: bin/instance-bench run scripts/bench_site.py [--services 20000] [--units 150] [--notices 2000]
(`make bench-search` runs it). Creates the site with demo content if missing, then adds what is missing up
to the wanted numbers (a second run reuses what exists). Items are published; titles and texts come from
word lists so the full-text index holds realistic Polish words. Commits every 500 items.
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
BATCH = 500


def main(app, argv):
    parser = argparse.ArgumentParser(prog="bench_site.py")
    parser.add_argument("--site-id", default="zabrze")
    parser.add_argument("--services", type=int, default=20000)
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--notices", type=int, default=2000)
    args = parser.parse_args(argv)

    from ezabrze.policy.catalogue.vocabularies import life_event_categories_items
    from ezabrze.policy.site import ensure_site
    from plone import api
    from plone.app.textfield.value import RichTextValue
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    app = makerequest(app)
    admin = app.acl_users.getUserById("admin")
    newSecurityManager(None, admin.__of__(app.acl_users))
    site, created = ensure_site(app, args.site_id, demo=True, add_ons=("ezabrze.ngo:default",),
                                demo_profiles=("ezabrze.ngo:demo",))
    setSite(site)
    transaction.commit()
    print(("Created" if created else "Kept") + f" site /{args.site_id}", flush=True)

    rnd = random.Random(20261202)
    intids = getUtility(IIntIds)
    units_folder = site["dla-mieszkancow"]["jednostki"]
    catalogue = site["dla-mieszkancow"]["uslugi"]
    categories = [item[0] for item in life_event_categories_items()] or ["meldunek"]
    started = time.monotonic()
    made = 0

    def done(kind):
        nonlocal made
        made += 1
        if made % BATCH == 0:
            transaction.commit()
            print(f"  {made} items ({kind}), {time.monotonic() - started:.0f} s", flush=True)

    units = [u for u in units_folder.objectValues() if u.portal_type == "OrganizationalUnit"]
    for number in range(len([u for u in units if u.getId().startswith("bench-unit-")]), args.units):
        kind = UNIT_KINDS[number % len(UNIT_KINDS)]
        unit = api.content.create(units_folder, "OrganizationalUnit", id=f"bench-unit-{number:04d}",
                                  title=f"Jednostka {rnd.choice(DISTRICTS)} nr {number}", unit_kind=kind,
                                  postal_code="41-800", city="Zabrze")
        api.content.transition(unit, to_state="published")
        units.append(unit)
        done("units")
    unit_ids = [intids.getId(u) for u in units]

    existing = len([i for i in catalogue.objectIds() if i.startswith("bench-service-")])
    for number in range(existing, args.services):
        subject = rnd.choice(SUBJECTS)
        title = f"{rnd.choice(ACTIONS)} {subject} ({rnd.choice(DISTRICTS)}, {number})"
        online = rnd.random() < 0.3
        service = api.content.create(
            catalogue, "Service", id=f"bench-service-{number:05d}", title=title,
            description=f"Jak załatwić sprawę: {title.lower()} w Urzędzie Miejskim w Zabrzu.",
            audience=rnd.sample(["residents", "businesses", "ngos"], rnd.randint(1, 2)),
            category=rnd.choice(categories),
            eligibility=f"Sprawę może załatwić każdy mieszkaniec dzielnicy {rnd.choice(DISTRICTS)}.",
            required_documents=f"Wniosek, dokument tożsamości, potwierdzenie opłaty {subject}.",
            fee_free=rnd.random() < 0.5,
            submission_channels=["in_person", "online"] if online else ["in_person", "post"],
            online_url="https://epuap.gov.pl/wps/portal" if online else None,
            last_review=date.today() - timedelta(days=rnd.randint(0, 300)),
            responsible_unit=RelationValue(rnd.choice(unit_ids)),
        )
        api.content.transition(service, to_state="published")
        done("services")

    boards = [c for c in site["rady-dzielnic"].objectValues() if c.portal_type == "DistrictCouncil"]
    existing = sum(len([i for i in b.objectIds() if i.startswith("bench-notice-")]) for b in boards)
    for number in range(existing, args.notices):
        board = boards[number % len(boards)]
        title = f"Ogłoszenie rady: {rnd.choice(SUBJECTS)} ({number})"
        notice = api.content.create(
            board, "Notice", id=f"bench-notice-{number:05d}", title=title,
            text=RichTextValue(f"<p>{title}</p>", "text/html", "text/x-html-safe"),
            notice_category="announcement",
            valid_from=date.today() - timedelta(days=rnd.randint(1, 60)),
        )
        api.content.transition(notice, transition="publish")
        done("notices")
    transaction.commit()
    print(f"Bench site ready: {made} items added in {time.monotonic() - started:.0f} s", flush=True)


if __name__ == "__main__":
    # `bin/instance-bench run SCRIPT ARGS` runs us as `python -c SCRIPT ARGS`: our arguments follow the script.
    argv = sys.argv[sys.argv.index("-c") + 2 :] if "-c" in sys.argv else sys.argv[1:]
    main(app, argv)  # noqa: F821 -- `app` is provided by `bin/instance-bench run`
