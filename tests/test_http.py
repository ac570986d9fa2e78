"""Anonymous and administrator access over real HTTP against bin/instance-test (see conftest.py)."""

import pytest
import requests


pytestmark = pytest.mark.server

SECTIONS = (
    "dla-mieszkancow",
    "dla-biznesu",
    "organizacje-pozarzadowe",
    "rady-dzielnic",
    "strategia-e-zabrze",
    "aktualnosci",
)
JSON = {"Accept": "application/json"}
# Text that only the intranet folder itself carries (its description, see ezabrze.policy.structure).
INTRANET_TEXT = "Serwis wewnętrzny dla pracowników"
TIMEOUT = 30


@pytest.fixture(scope="module")
def anon():
    with requests.Session() as session:
        yield session


@pytest.fixture(scope="module")
def admin(admin_auth):
    with requests.Session() as session:
        session.auth = admin_auth
        yield session


@pytest.fixture(scope="module")
def home(server, anon):
    return anon.get(server, timeout=TIMEOUT)


def _intranet_urls(items):
    return [item["@id"] for item in items if "/intranet" in item["@id"]]


def test_home_page_is_polish_and_titled(home):
    assert home.status_code == 200
    assert home.headers["Content-Type"].startswith("text/html")
    assert 'lang="pl"' in home.text
    assert "Miasto Zabrze" in home.text


def test_home_page_is_themed(home):
    # The Diazo theme (Barceloneta) is applied: its CSS bundle is linked. Plone leaves hosts in
    # "Unthemed host names" (127.0.0.1 by default) unthemed; the fixture uses localhost for that.
    assert 'data-bundle="diazo"' in home.text
    assert "++theme++" in home.text


def test_home_page_shows_polish_ui_strings(home):
    # Plone's own Polish translation (plone.app.locales), not our content.
    assert "Szukaj" in home.text  # search box label / button
    assert ">Zaloguj<" in home.text  # personal bar login link
    assert "Search Site" not in home.text
    assert ">Log in<" not in home.text


@pytest.mark.parametrize("section", SECTIONS)
def test_section_is_public(server, anon, section):
    response = anon.get(f"{server}/{section}", timeout=TIMEOUT)
    assert response.status_code == 200, response.url
    assert 'lang="pl"' in response.text


def test_intranet_page_is_not_shown_to_anonymous(server, anon):
    response = anon.get(f"{server}/intranet", timeout=TIMEOUT, allow_redirects=False)
    assert response.status_code in (302, 401, 403), response.status_code
    if response.status_code == 302:
        assert "login" in response.headers["Location"], response.headers["Location"]
    assert INTRANET_TEXT not in response.text
    # Following the redirect lands on a login form, never on the content.
    followed = anon.get(f"{server}/intranet", timeout=TIMEOUT)
    assert INTRANET_TEXT not in followed.text
    assert 'name="__ac_password"' in followed.text


def test_rest_site_root_hides_the_intranet(server, anon):
    response = anon.get(f"{server}/++api++/", timeout=TIMEOUT)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["title"] == "Miasto Zabrze"
    ids = [item["@id"].rsplit("/", 1)[-1] for item in data["items"]]
    assert set(SECTIONS) <= set(ids)
    assert "intranet" not in ids
    assert INTRANET_TEXT not in response.text


def test_rest_search_hides_the_intranet(server, anon):
    response = anon.get(f"{server}/@search", params={"b_size": 1000}, headers=JSON, timeout=TIMEOUT)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["items_total"] > 0
    assert _intranet_urls(data["items"]) == []
    assert INTRANET_TEXT not in response.text


def test_rest_intranet_refuses_anonymous(server, anon):
    response = anon.get(f"{server}/++api++/intranet", timeout=TIMEOUT)
    assert response.status_code == 401
    assert INTRANET_TEXT not in response.text
    response = anon.get(f"{server}/intranet", headers=JSON, timeout=TIMEOUT)
    assert response.status_code == 401


def test_admin_reads_the_intranet_over_rest(server, admin):
    response = admin.get(f"{server}/++api++/intranet", timeout=TIMEOUT)
    assert response.status_code == 200
    data = response.json()
    assert data["@type"] == "Folder"
    assert data["description"].startswith(INTRANET_TEXT)


def test_admin_search_finds_the_intranet(server, admin):
    # Proves the anonymous search check above is meaningful: the item is in the catalog.
    response = admin.get(f"{server}/@search", params={"b_size": 1000}, headers=JSON, timeout=TIMEOUT)
    assert response.status_code == 200
    assert _intranet_urls(response.json()["items"]) != []
