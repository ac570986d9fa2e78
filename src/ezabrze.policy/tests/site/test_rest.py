"""Anonymous REST access: public content yes, private content no (functional, real HTTP)."""

from plone import api

import pytest
import transaction


@pytest.fixture
def content(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        public = api.content.create(
            functional_portal["aktualnosci"], "News Item", id="jawna", title="Jawna wiadomość"
        )
        api.content.transition(public, to_state="published")
        api.content.create(functional_portal["aktualnosci"], "News Item", id="robocza", title="Robocza wiadomość")
        api.content.create(functional_portal["intranet"], "Document", id="wewnetrzny", title="Wewnętrzny dokument")
    transaction.commit()


def test_anonymous_reads_public_content(anon_request, content):
    response = anon_request.get("/aktualnosci/jawna", headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.json()["title"] == "Jawna wiadomość"


def test_anonymous_reads_a_section(anon_request, content):
    response = anon_request.get("/dla-mieszkancow", headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.json()["title"] == "Dla mieszkańców"


@pytest.mark.parametrize("path", ["/aktualnosci/robocza", "/intranet", "/intranet/wewnetrzny"])
def test_anonymous_is_refused_private_content(anon_request, content, path):
    response = anon_request.get(path, headers={"Accept": "application/json"})
    assert response.status_code == 401


def test_search_lists_only_public_content(anon_request, content):
    response = anon_request.get("/@search", params={"portal_type": ["News Item", "Document"]},
                                headers={"Accept": "application/json"})
    assert response.status_code == 200
    urls = [item["@id"] for item in response.json()["items"]]
    assert any(url.endswith("/aktualnosci/jawna") for url in urls)
    assert not any("robocza" in url or "intranet" in url for url in urls)


def test_manager_reads_private_content(manager_request, content):
    response = manager_request.get("/intranet/wewnetrzny", headers={"Accept": "application/json"})
    assert response.status_code == 200
