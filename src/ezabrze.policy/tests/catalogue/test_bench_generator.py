"""The generator of the benchmark site (scripts/bench_site.py) at a tiny size: published, indexed items of the
wanted kinds and numbers, a second run adds only what is missing, the same items whatever run makes them."""

from pathlib import Path
from plone import api
from plone.app.testing import logout

import importlib.util
import pytest


SCRIPT = Path(__file__).parents[4] / "scripts" / "bench_site.py"


@pytest.fixture(scope="module")
def bench_site():
    spec = importlib.util.spec_from_file_location("bench_site", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def generate(portal, bench_site):
    commits = []

    def run(services, units, notices):
        with api.env.adopt_roles(["Manager"]):
            generator = bench_site.Generator(portal, commit=lambda: commits.append(1), log=lambda *a, **k: None)
            return generator.run(services, units, notices)

    run.commits = commits
    return run


def bench_brains(portal_type, prefix):
    catalog = api.portal.get_tool("portal_catalog")
    return [b for b in catalog.unrestrictedSearchResults(portal_type=portal_type) if b.getId.startswith(prefix)]


def test_generator_makes_published_indexed_items(portal, generate, bench_site):
    assert generate(services=12, units=5, notices=4) == 21
    assert generate.commits  # the last items are committed at the end
    units = bench_brains("OrganizationalUnit", "bench-unit-")
    services = bench_brains("Service", "bench-service-")
    notices = bench_brains("Notice", "bench-notice-")
    assert (len(units), len(services), len(notices)) == (5, 12, 4)
    assert {b.review_state for b in units + services + notices} == {"published"}
    assert len({b.getPath().rsplit("/", 1)[0] for b in notices}) > 1  # spread over the district boards

    unit_uids = {b.UID for b in api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="OrganizationalUnit")}
    for brain in services:
        assert brain.catalogue_responsible_unit_uid in unit_uids
        assert brain.catalogue_audience and set(brain.catalogue_audience) <= set(bench_site.AUDIENCES)
        assert brain.catalogue_category
        service = brain.getObject()
        assert brain.catalogue_online_available == ("online" in service.submission_channels)

    # indexed through the add events: the full text, the catalogue's filters, anonymous visibility
    catalog = api.portal.get_tool("portal_catalog")
    first = catalog.unrestrictedSearchResults(id="bench-service-00000")[0]
    word = first.Title.split("(")[1].split(",")[0]  # the district in the title
    assert first.getPath() in [b.getPath() for b in catalog(portal_type="Service", SearchableText=word)]
    logout()
    visible = catalog(portal_type="Service", catalogue_responsible_unit_uid=first.catalogue_responsible_unit_uid)
    assert first.getPath() in [b.getPath() for b in visible]


def test_generator_continues_where_it_stopped(portal, generate, bench_site):
    generate(services=3, units=2, notices=0)
    before = {b.getId: b.modified for b in bench_brains("Service", "bench-service-")}
    assert generate(services=5, units=2, notices=1) == 3  # two services and a notice: only what is missing
    services = {b.getId: b for b in bench_brains("Service", "bench-service-")}
    assert sorted(services) == [f"bench-service-{n:05d}" for n in range(5)]
    assert all(services[i].modified == before[i] for i in before)
    # an item is the same whichever run makes it: its title follows from its number
    for number, item_id in enumerate(sorted(services)):
        rnd = bench_site.item_random("service", number)
        subject = rnd.choice(bench_site.SUBJECTS)
        assert services[item_id].Title.startswith(f"{rnd.choice(bench_site.ACTIONS)} {subject} (")
