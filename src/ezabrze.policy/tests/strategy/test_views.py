"""Portfolio pages: by goal with counts and progress, filters, timeline, complementarity graph (SVG + table),
budget (table + chart), CSV/XLSX exports, project page; a private project never shows to the public."""

from decimal import Decimal
from ezabrze.policy.strategy.portfolio import Portfolio
from ezabrze.policy.testing.personas import create_personas
from io import BytesIO
from plone import api
from plone.app.testing import logout

import csv
import io
import pytest


@pytest.fixture
def strategy(portal):
    return portal["strategia-e-zabrze"]["strategia-2020"]


def _view(context, name, request, **form):
    request.form.clear()
    request.form.update(form)
    return api.content.get_view(name, context, request)


@pytest.fixture
def private_project(strategy):
    with api.env.adopt_roles(["Manager"]):
        project = api.content.create(
            strategy, "StrategyProject", id="tajny-projekt", title="Projekt roboczy Zeta", goals=["e-gospodarka"],
            project_status="planned", partners=["=cmd|' /C calc'!A0"],
            budget=[{"year": 2021, "source": "eu", "programme": '=HYPERLINK("http://x")', "amount": Decimal("999")}],
            complementarity=[{"project": "geoportal", "note": "zależy od geoportalu"}],
        )
    assert api.content.get_state(project) == "private"
    return project


def test_portfolio_counts_and_progress_by_goal(strategy):
    portfolio = Portfolio(strategy)
    counts = portfolio.status_counts()
    assert sum(counts.values()) == 24 and counts["done"] == 3
    assert portfolio.progress() == round(100 * 3 / 24)
    groups = {goal.getId(): (projects, counts) for goal, projects, counts in portfolio.by_goal()}
    assert {p.getId() for p in groups["e-gospodarka"][0]} >= {"e-zamowienia", "inkubator-ict", "platforma-dla-biznesu"}
    assert groups["e-gospodarka"][1]["done"] == 1


def test_portfolio_page_with_filters(strategy):
    logout()
    html = _view(strategy, "portfel", strategy.REQUEST)()
    assert "Infokioski nowej generacji" in html and "Portfel według celów" in html
    html = _view(strategy, "portfel", strategy.REQUEST, status="done")()
    assert "Infokioski nowej generacji" in html and "Geoportal" not in html.replace("geoportal", "")
    html = _view(strategy, "portfel", strategy.REQUEST, partner="Politechnika Śląska")()
    assert "Kompetencje cyfrowe mieszkańców" in html and "E-podatki" not in html
    html = _view(strategy, "portfel", strategy.REQUEST, source="other")()
    assert "Inkubator przedsiębiorczości ICT" in html and "E-podatki" not in html
    # nonsense filters are ignored, not a 500
    assert "Infokioski" in _view(strategy, "portfel", strategy.REQUEST, goal=["a", "b"], status="x")()


def test_timeline_lists_projects_per_goal_with_dates(strategy):
    logout()
    html = _view(strategy, "harmonogram", strategy.REQUEST)()
    assert "2016-07-01" in html and "2017-11-30" in html  # the actual dates of a done project
    assert "ezabrze-timeline-bar" in html


def test_graph_svg_and_table_say_the_same(strategy):
    logout()
    view = _view(strategy, "komplementarnosc", strategy.REQUEST)
    html = view()
    links = view.links()
    assert len(links) == len(Portfolio(strategy).edges()) > 10
    svg = view.svg()
    assert svg.count("<line ") == len(links)
    assert svg.count("<a href=") == 24
    assert "<title" in svg and "<desc" in svg
    assert "miejskim centrum danych" in html  # a note of the table


def test_budget_table_totals_by_source_and_year(strategy):
    rows, totals = Portfolio(strategy).budget_table()
    expected = sum((p.budget_total() for p in strategy.projects()), Decimal("0.00"))
    assert totals[-1] == expected
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    for row in rows:
        assert row[-1] == sum(row[1:-1], Decimal("0.00"))
    logout()
    html = _view(strategy, "budzet", strategy.REQUEST)()
    assert "strategy-budget-chart" in html and "Środki UE" in html


def test_private_project_never_shows_to_the_public(strategy, private_project):
    logout()
    for name in ("portfel", "harmonogram", "komplementarnosc", "budzet"):
        assert "Projekt roboczy Zeta" not in _view(strategy, name, strategy.REQUEST)(), name
    assert "tajny-projekt" not in _view(strategy, "portfel.csv", strategy.REQUEST)()
    assert not api.content.find(SearchableText="Zeta")
    geoportal = strategy["geoportal"]
    assert "Projekt roboczy Zeta" not in _view(geoportal, "view", strategy.REQUEST)()


def test_exports_neutralize_formulas(strategy, private_project):
    create_personas(["editor"])
    with api.env.adopt_user(username="editor"):
        text = _view(strategy, "portfel.csv", strategy.REQUEST)()
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
        assert rows[0][0] == "Skrót"
        row = next(r for r in rows if r[0] == "tajny-projekt")
        assert row[11] == "'=cmd|' /C calc'!A0"
        data = _view(strategy, "portfel.xlsx", strategy.REQUEST)()
    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(data)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'=cmd|' /C calc'!A0" in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    assert len(list(sheet.iter_rows())) == 26  # header + 24 + the editor's draft


def test_project_page_links_services_units_partners_and_dependent_projects(portal):
    logout()
    strategy = portal["strategia-e-zabrze"]["strategia-2020"]
    html = _view(strategy["centrum-przetwarzania-danych"], "view", strategy.REQUEST)()
    assert "Projekty zależne od tego projektu" in html
    assert "Bezpieczeństwo systemów IT urzędu i jednostek" in html
    html = _view(strategy["e-uslugi-sekap"], "view", strategy.REQUEST)()
    assert "Wdrożenie kompleksowego systemu obiegu dokumentów" in html  # in the other strategy
    assert "Historia statusu" in html
    first = portal["strategia-e-zabrze"]["program-2009"]
    html = _view(first["siec-szkieletowa"], "view", strategy.REQUEST)()
    assert "Politechnika Śląska" in html and "RPO WSL 2007-2013" in html


def test_editor_add_and_edit_forms_offer_the_goals_and_the_table_grids(strategy):
    create_personas(["editor"])
    request = strategy.REQUEST
    with api.env.adopt_user(username="editor"):
        add = strategy.restrictedTraverse("++add++StrategyProject")
        html = add()
        assert 'name="form.widgets.goals:list"' in html
        assert "e-Administracja" in html  # the goals of this strategy
        # the tables are grids: a field per column, rows added and removed with buttons (keyboard), in Polish
        assert 'class="pat-datagridfield' in html and 'name="form.widgets.budget.AA.widgets.amount"' in html
        assert 'aria-label="Dodaj wiersz"' in html and 'aria-label="Usuń wiersz"' in html
        assert "<button" in html.split("dgf--row-add", 1)[0].rsplit("\n", 1)[-1]
        assert "form.widgets.indicators.AA.widgets.target" in html
        assert "form.widgets.complementarity.AA.widgets.note" in html
        assert "<textarea" not in html.split("form.widgets.budget", 1)[1].split("form.widgets.indicators", 1)[0]
        request.form.clear()
        edit = api.content.get_view("edit", strategy["e-podatki"], request)
        html = edit()
        # the project's three budget rows, a column each
        assert 'name="form.widgets.budget.count" value="3"' in html
        assert html.count('value="Wieloletnia Prognoza Finansowa"') == 3
        assert 'name="form.widgets.budget.0.widgets.amount" type="text" value="566666,00"' in html
        assert '<option id="form-widgets-budget-0-widgets-year-29" selected="selected" value="2019" >2019</option>' in html
