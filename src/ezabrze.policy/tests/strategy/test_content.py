"""The StrategyProject type: editable tables (validated row by row), status history, dates, indexes,
permissions of adding and editing."""

from AccessControl import Unauthorized
from decimal import Decimal
from ezabrze.policy.strategy.content import IStrategyProject
from ezabrze.policy.strategy.content import parse_budget
from ezabrze.policy.strategy.content import parse_complementarity
from ezabrze.policy.strategy.content import parse_indicators
from ezabrze.policy.strategy.content import TableError
from ezabrze.policy.testing.personas import create_personas
from plone import api
from zope.i18n import translate
from zope.interface import Invalid
from zope.lifecycleevent import modified

import pytest


@pytest.fixture
def strategy(portal):
    return portal["strategia-e-zabrze"]["strategia-2020"]


def test_budget_rows_are_read_with_polish_sources_and_amounts():
    rows = parse_budget("2017; UE; RPO WSL 2014-2020, działanie 2.1; 1 200 000,50\n\n2018; budżet miasta; wkład; 100")
    assert rows == [
        {"year": 2017, "source": "eu", "programme": "RPO WSL 2014-2020, działanie 2.1", "amount": Decimal("1200000.50")},
        {"year": 2018, "source": "city", "programme": "wkład", "amount": Decimal("100.00")},
    ]


@pytest.mark.parametrize(
    "text",
    ["2017; UE; RPO; -5", "17; UE; RPO; 5", "2017; Bank; RPO; 5", "2017; UE; 5", "2017; UE; RPO; dużo"],
)
def test_a_wrong_budget_row_is_refused_with_its_number_in_polish(text):
    with pytest.raises(TableError) as error:
        parse_budget("2016; UE; RPO; 10\n" + text)
    message = translate(error.value.message, target_language="pl")
    assert "wiersz 2" in message and "Budżet" in message


def test_indicators_and_complementarity_rows():
    assert parse_indicators("E-usługi; szt.; 226; ; 2018")[0]["achieved"] is None
    with pytest.raises(TableError):
        parse_indicators("E-usługi; szt.; dużo; 1; 2018")
    assert parse_complementarity("siec-wimax; zasila kamery") == [{"project": "siec-wimax", "note": "zasila kamery"}]
    with pytest.raises(TableError):
        parse_complementarity("siec-wimax")


def test_schema_refuses_a_wrong_table_and_reversed_dates(strategy):
    with pytest.raises(Invalid):
        IStrategyProject["budget"].validate("2017; UE; RPO")
    project = strategy["e-podatki"]
    project.planned_end = project.planned_start.replace(year=project.planned_start.year - 1)
    with pytest.raises(Invalid):
        IStrategyProject.validateInvariants(project)


def test_status_change_is_recorded_in_the_history(strategy):
    project = strategy["e-podatki"]
    before = len(project.status_history)
    project.project_status = "in_progress"
    modified(project)
    modified(project)  # no change: no new entry
    assert len(project.status_history) == before + 1
    assert project.status_history[-1]["status"] == "in_progress"


def test_indexes_carry_the_strategy_prefix(portal):
    catalog = api.portal.get_tool("portal_catalog")
    for index in ("strategy_goals", "strategy_status", "strategy_sources", "strategy_partners", "strategy_complements"):
        assert index in catalog.indexes()
    found = {b.getId for b in catalog(strategy_partners="Politechnika Śląska", portal_type="StrategyProject")}
    assert {"kompetencje-cyfrowe", "siec-szkieletowa", "inkubator-ict"} <= found
    assert len(catalog(strategy_status="done", path="/plone/strategia-e-zabrze/strategia-2020")) == 3
    dependent = {b.getId for b in catalog(strategy_complements="centrum-przetwarzania-danych")}
    assert {"obieg-dokumentow-etap-2", "bezpieczenstwo-systemow"} <= dependent


@pytest.mark.parametrize(
    "user, may_add, may_edit",
    [("resident", False, False), ("staff", False, False), ("editor", True, True), ("admin", True, True)],
)
def test_who_may_add_and_edit_projects(strategy, user, may_add, may_edit):
    create_personas([user])
    project = strategy["e-podatki"]
    with api.env.adopt_user(username=user):
        assert api.user.has_permission("ezabrze.policy: Add strategy goals and projects", obj=strategy) is may_add
        assert api.user.has_permission("Modify portal content", obj=project) is may_edit
        assert api.user.has_permission("ezabrze.policy: Add Strategy", obj=strategy.__parent__) is (user == "admin")
        if not may_add:
            with pytest.raises((Unauthorized, api.exc.InvalidParameterError)):
                api.content.create(strategy, "StrategyProject", id="x", title="X", goals=["e-gospodarka"])
