"""Polish by default, English second: the UI language a visitor gets over HTTP."""

import pytest
import re


@pytest.fixture
def site(request_factory):
    session = request_factory(api=False)
    session.headers["Accept"] = "text/html"
    return session


def _lang(html):
    match = re.search(r"<html[^>]*\blang=\"([a-z-]+)\"", html)
    return match and match.group(1)


def test_polish_by_default(site):
    response = site.get("/dla-mieszkancow")
    assert response.status_code == 200
    assert _lang(response.text) == "pl"
    assert "Szukaj" in response.text  # Plone's own UI strings come in Polish


def test_browser_language_does_not_switch_the_default(site):
    response = site.get("/dla-mieszkancow", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert _lang(response.text) == "pl"


def test_english_on_request(site):
    response = site.get("/dla-mieszkancow", cookies={"I18N_LANGUAGE": "en"})
    assert _lang(response.text) == "en"
    assert "Search Site" in response.text and "Szukaj" not in response.text


def test_unsupported_language_falls_back_to_polish(site):
    response = site.get("/dla-mieszkancow", cookies={"I18N_LANGUAGE": "de"})
    assert _lang(response.text) == "pl"
