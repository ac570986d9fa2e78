"""Demo data of the strategy portfolio matches the seed: two strategies, five goals each, 24 current projects
(3 done, the rest in progress or prepared), 19 done under the 2009 programme, the named projects among them."""

from collections import Counter
from datetime import date
from plone import api


GOALS = ["infrastruktura", "e-administracja", "e-gospodarka", "e-spoleczenstwo", "e-bezpieczenstwo"]


def _projects(strategy):
    return strategy.projects()


def test_two_strategies_with_their_dates_and_five_goals(portal):
    section = portal["strategia-e-zabrze"]
    first, current = section["program-2009"], section["strategia-2020"]
    assert first.adopted == date(2009, 12, 14)
    assert current.adopted == date(2016, 1, 18)
    assert "2015" in current.inventory
    for strategy in (first, current):
        assert [goal.getId() for goal in strategy.goals()] == GOALS
        assert api.content.get_state(strategy) == "published"


def test_current_strategy_has_24_projects_3_done_the_rest_in_progress_or_prepared(portal):
    projects = _projects(portal["strategia-e-zabrze"]["strategia-2020"])
    counts = Counter(project.project_status for project in projects)
    assert len(projects) == 24
    assert counts["done"] == 3
    assert counts["in_progress"] + counts["prepared"] == 21
    eu = [p for p in projects if "eu" in {row["source"] for row in p.budget_rows()}]
    assert len(eu) > 12  # mostly EU-funded


def test_first_strategy_has_19_done_projects_among_them_the_named_ones(portal):
    strategy = portal["strategia-e-zabrze"]["program-2009"]
    projects = _projects(strategy)
    assert len(projects) == 19
    assert {p.project_status for p in projects} == {"done"}
    fibre = ("siec-szkieletowa", "siec-dystrybucyjna", "siec-wimax", "podlaczenie-jednostek")
    assert [id_ for id_ in fibre if "infrastruktura" in strategy[id_].goals] == list(fibre)
    sekap = strategy["sekap-obieg-dokumentow"]
    assert "SEKAP" in sekap.Title()
    assert {row["name"]: row["achieved"] for row in sekap.indicator_rows()}["E-usługi udostępnione klientom"] == 226
    assert strategy["wspolpraca-to-sie-oplaca"].Title() == "Współpraca – to się opłaca!"
    assert "Politechnika Śląska" in strategy["siec-szkieletowa"].partners


def test_every_project_is_published_and_has_a_status_history(portal):
    for strategy_id in ("program-2009", "strategia-2020"):
        for project in _projects(portal["strategia-e-zabrze"][strategy_id]):
            assert api.content.get_state(project) == "published"
            assert project.status_history[-1]["status"] == project.project_status
