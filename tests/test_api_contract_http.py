"""The published contract holds on the demo site over real HTTP: the answers of the endpoints whose content only
the demo has (strategy portfolio, city network, catalogue filters) match the schemas of /@openapi."""

from ezabrze.policy.testing import openapi

import pytest
import requests


pytestmark = pytest.mark.server

JSON = {"Accept": "application/json"}


@pytest.fixture(scope="module")
def contract(server):
    response = requests.get(f"{server}/@openapi", headers=JSON, timeout=60)
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    "path",
    [
        "/strategia-e-zabrze/strategia-2020/@strategy-portfolio",
        "/strategia-e-zabrze/siec/@network",
        "/strategia-e-zabrze/siec/@network?type=kiosk",
        "/@search?portal_type=Service&catalogue_audience=businesses&catalogue_online_available=true",
        "/@search?portal_type=Service&SearchableText=meldunek",
        "/@search?portal_type=OrganizationalUnit&sort_on=sortable_title&b_size=50",
    ],
)
def test_demo_answers_match_the_contract(server, contract, path):
    response = requests.get(f"{server}{path}", headers=JSON, timeout=120)
    assert response.status_code == 200, response.text[:500]
    openapi.assert_matches(contract, path.split("?")[0], "get", response)
