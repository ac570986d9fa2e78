"""scripts/sync_staff_directory.py (cron): synchronises and prints the report; when the directory does not answer it
exits 2 and changes nothing."""

from ezabrze.policy.demo import intranet as demo_intranet
from ezabrze.policy.directory import sync
from ezabrze.policy.testing.directory import directory_server
from ezabrze.policy.testing.directory import make_units
from ezabrze.policy.testing.directory import ROOT
from plone import api

import importlib.util
import pytest
import transaction


def load_script():
    spec = importlib.util.spec_from_file_location("sync_staff_directory", ROOT / "scripts" / "sync_staff_directory.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def site(functional_portal, directory, fresh_tree):
    with api.env.adopt_roles(["Manager"]):
        make_units(functional_portal)
        demo_intranet.create(functional_portal)
    transaction.commit()
    return functional_portal


def test_script_synchronises(site, capsys):
    load_script().main(site.aq_parent, ["--site-id", site.getId()])
    out = capsys.readouterr().out
    assert "27 added" in out and "1 archived" in out
    assert "moved: Jan Nowak [jan.nowak]" in out
    transaction.begin()
    folder = sync.staff_directory(site)
    assert len(folder.objectIds()) == 33
    assert sync.reports(folder)[0]["actor"] == "sync_staff_directory.py"


def test_script_exits_2_when_the_directory_is_down(site, capsys):
    directory_server("stop")
    with pytest.raises(SystemExit) as exit_:
        load_script().main(site.aq_parent, ["--site-id", site.getId()])
    assert exit_.value.code == 2
    assert "Not synchronised" in capsys.readouterr().err
    transaction.begin()
    assert len(sync.staff_directory(site).objectIds()) == 6
