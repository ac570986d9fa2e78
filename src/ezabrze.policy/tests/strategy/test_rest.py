"""REST (real HTTP): the portfolio service, projects as content, editing with validation and CSRF-free JSON,
the old addresses of the static pages redirect."""

from ezabrze.policy.testing.personas import create_personas
from ezabrze.policy.testing.personas import PASSWORD
from plone import api

import pytest
import transaction


BASE = "/strategia-e-zabrze/strategia-2020"


@pytest.fixture
def people(functional_portal):
    create_personas(["editor", "resident"])
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            functional_portal["strategia-e-zabrze"]["strategia-2020"], "StrategyProject", id="tajny-projekt",
            title="Projekt roboczy Zeta", goals=["e-gospodarka"], project_status="planned",
        )
    transaction.commit()


def test_portfolio_service_for_anonymous(anon_request, people):
    response = anon_request.get(f"{BASE}/@strategy-portfolio")
    assert response.status_code == 200
    data = response.json()
    assert data["counts"]["done"] == 3 and sum(data["counts"].values()) == 24
    assert [goal["id"] for goal in data["goals"]][0] == "infrastruktura"
    assert "tajny-projekt" not in {p["id"] for p in data["projects"]}
    assert data["budget"]["totals"]["total"]
    assert data["complementarity"]
    filtered = anon_request.get(f"{BASE}/@strategy-portfolio", params={"status": "done"}).json()
    assert len(filtered["projects"]) == 3


def test_editor_sees_the_draft_in_the_portfolio(request_factory, people):
    session = request_factory(basic_auth=("editor", PASSWORD))
    data = session.get(f"{BASE}/@strategy-portfolio").json()
    assert "tajny-projekt" in {p["id"] for p in data["projects"]}


def test_project_over_rest_and_private_one_refused(anon_request, people):
    response = anon_request.get(f"{BASE}/infokioski-nowej-generacji")
    assert response.status_code == 200
    data = response.json()
    assert data["project_status"]["token"] == "done"
    assert {"year": 2016, "source": "eu", "programme": "RPO WSL 2014-2020, działanie 2.1", "amount": "382500.00"} in data["budget"]
    assert anon_request.get(f"{BASE}/tajny-projekt").status_code == 401
    found = anon_request.get("/@search", params={"SearchableText": "Zeta"}).json()
    assert found["items_total"] == 0


def test_editor_creates_a_project_and_a_wrong_budget_is_refused(request_factory, people):
    session = request_factory(basic_auth=("editor", PASSWORD))
    payload = {
        "@type": "StrategyProject",
        "id": "nowy-projekt",
        "title": "Nowy projekt",
        "goals": ["e-administracja"],
        "project_status": "prepared",
        "budget": [{"year": 2021, "source": "eu", "programme": "FEŚL 2021-2027", "amount": "100 000,50"}],
        "indicators": [{"name": "E-usługi", "unit": "szt.", "target": 10, "achieved": None, "year": 2022}],
    }
    for budget in (
        [{"year": 2021, "source": "eu", "programme": "brak kwoty"}],
        [{"year": 2021, "source": "eu", "programme": "x", "amount": "dużo"}],
        [{"year": 2021, "source": "unia", "amount": 5}],
        [{"year": 1700, "source": "eu", "amount": 5}],
        [{"year": 2021, "source": "eu", "amount": -5}],
        "2021; UE; FEŚL; 100",
    ):
        bad = session.post(BASE, json={**payload, "budget": budget})
        assert bad.status_code == 400, (budget, bad.status_code, bad.text)
        transaction.begin()
        assert "nowy-projekt" not in api.portal.get()["strategia-e-zabrze"]["strategia-2020"].objectIds()
    wrong_amount = session.post(BASE, json={**payload, "budget": [{"year": 2021, "source": "eu", "amount": "dużo"}]})
    assert "Kwota (zł): wpisz liczbę" in wrong_amount.json()["message"]
    not_a_row = session.post(BASE, json={**payload, "budget": "2021; UE; FEŚL; 100"})
    assert "Wiersz budżetu: wyślij obiekt z kolumnami tabeli" in not_a_row.json()["message"]
    created = session.post(BASE, json=payload)
    assert created.status_code == 201, created.text
    data = session.get(f"{BASE}/nowy-projekt").json()
    assert data["budget"][0]["amount"] in (100000.5, "100000.50", "100000.5")
    assert data["indicators"][0]["name"] == "E-usługi"
    changed = session.patch(f"{BASE}/nowy-projekt", json={"project_status": "in_progress"})
    assert changed.status_code == 204
    transaction.begin()
    project = api.portal.get()["strategia-e-zabrze"]["strategia-2020"]["nowy-projekt"]
    assert [entry["status"] for entry in project.status_history] == ["prepared", "in_progress"]
    assert [entry["by"] for entry in project.status_history] == ["editor", "editor"]


def test_resident_cannot_create_or_edit(request_factory, people):
    session = request_factory(basic_auth=("resident", PASSWORD))
    response = session.post(BASE, json={"@type": "StrategyProject", "title": "X", "goals": ["e-gospodarka"]})
    assert response.status_code in (401, 403)
    assert session.patch(f"{BASE}/e-podatki", json={"title": "Y"}).status_code in (401, 403)


@pytest.mark.parametrize(
    "old, new",
    [
        ("o-strategii", "strategia-2020"),
        ("infrastruktura", "strategia-2020/infrastruktura"),
        ("e-bezpieczenstwo", "strategia-2020/e-bezpieczenstwo"),
    ],
)
def test_old_static_pages_redirect(request_factory, old, new):
    session = request_factory(api=False)
    response = session.get(f"/strategia-e-zabrze/{old}", allow_redirects=False)
    assert response.status_code in (301, 302)
    assert response.headers["Location"].endswith(f"/strategia-e-zabrze/{new}")
