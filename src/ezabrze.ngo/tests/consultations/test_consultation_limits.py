"""Limits and anti-spam of the participation forms (remark form and REST @remarks, proposing an organization):
a burst from one client gets a Polish 429 with Retry-After and nothing is stored; a filled anti-spam field
(collective.honeypot's ``protected_1``) is refused with 403; the page forms must send it (empty)."""

from datetime import timedelta
from ezabrze.ngo import limits
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.setup import folder
from ezabrze.ngo.testing import make_consultation
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import NOW
from plone import api

import html
import pytest
import re
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
SETTINGS = "ezabrze.ngo.consultations"
AUTH_RE = re.compile(r'name="_authenticator"\s+value="([^"]+)"|value="([^"]+)"\s+name="_authenticator"')


def set_limits(**values):
    for name, value in values.items():
        api.portal.set_registry_record(f"{SETTINGS}.{name}", value)


@pytest.fixture
def setup(functional_portal, frozen):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    login(functional_portal, TEST_USER_NAME)
    with api.env.adopt_roles(["Manager"]):
        world = make_personas(functional_portal)
        c = make_consultation(folder(), NOW - timedelta(days=1), NOW + timedelta(days=6, hours=12), id_="limity",
                              participation="ngo_residents", short_period_reason="Test")
        state.sync()
    transaction.commit()
    return world, c


def stored(c):
    transaction.begin()
    return len(remarks_api.visible(c, include_hidden=True))


def rest_post(s, c, text):
    return s.post(f"{c.absolute_url()}/@remarks", json={"unit_id": "par-3", "justification": text})


def page_token(s, url):
    page = s.get(url)
    assert page.status_code == 200, page.status_code
    match = AUTH_RE.search(page.text)
    return html.unescape(match.group(1) or match.group(2)), page.text


def test_rest_burst_from_one_account_gets_429(setup, session):
    _world, c = setup
    set_limits(remarks_per_account=3)
    transaction.commit()
    rep_a = session("rep_a")
    for i in range(3):
        assert rest_post(rep_a, c, f"Uwaga {i}").status_code == 201
    refused = rest_post(rep_a, c, "Czwarta")
    assert refused.status_code == 429
    assert refused.json()["error"]["type"] == "TooManyRequests"
    assert "zbyt wiele" in refused.json()["error"]["message"] and "10 minut" in refused.json()["error"]["message"]
    assert refused.headers["Retry-After"] == "600"
    assert stored(c) == 3
    # another account is not affected
    assert rest_post(session("rep_b"), c, "Od B").status_code == 201
    # the page form counts in the same limit
    page = session("rep_a", json=False)
    url = f"{c.absolute_url()}/@@zglos-uwage"
    token, _text = page_token(page, url + "?unit=par-3")
    response = page.post(url, data={"_authenticator": token, "protected_1": "", "unit_id": "par-3",
                                    "justification": "Z formularza"})
    assert response.status_code == 429
    assert "zbyt wiele" in response.text
    assert stored(c) == 4


def test_burst_from_one_address_gets_429(setup, session):
    _world, c = setup
    set_limits(remarks_per_account=0, remarks_per_address=2)
    transaction.commit()
    assert rest_post(session("rep_a"), c, "A").status_code == 201
    assert rest_post(session("rep_b"), c, "B").status_code == 201
    assert rest_post(session("resident"), c, "C").status_code == 429
    assert stored(c) == 2


def test_limit_off(setup, session):
    _world, c = setup
    set_limits(remarks_per_account=0, remarks_per_address=0)
    transaction.commit()
    rep_a = session("rep_a")
    assert [rest_post(rep_a, c, f"U{i}").status_code for i in range(25)] == [201] * 25


def test_refused_remarks_count_but_aborted_ones_do_not(setup, functional_portal):
    request = functional_portal.REQUEST
    set_limits(remarks_per_account=2, remarks_per_address=0)
    from plone.app.testing import login

    login(functional_portal, "rep_a")
    limits.reserve("remarks", request)
    transaction.abort()  # e.g. a ZODB conflict: the request runs again and must not be counted twice
    limits.reserve("remarks", request)
    limits.reserve("remarks", request)
    with pytest.raises(limits.Limited):
        limits.reserve("remarks", request)


def test_rest_filled_honeypot_refused(setup, session):
    _world, c = setup
    response = session("rep_a").post(f"{c.absolute_url()}/@remarks",
                                     json={"unit_id": "par-3", "justification": "Bot", "protected_1": "http://spam"})
    assert response.status_code == 403
    assert "spam" in response.text and "Formularz odrzucono" in response.text
    assert stored(c) == 0
    # sent empty, or not at all (API clients), it is fine
    assert session("rep_a").post(f"{c.absolute_url()}/@remarks", json={
        "unit_id": "par-3", "justification": "Człowiek", "protected_1": ""}).status_code == 201


def test_page_form_carries_the_honeypot_and_refuses_it_filled_or_missing(setup, session):
    _world, c = setup
    page = session("rep_a", json=False)
    url = f"{c.absolute_url()}/@@zglos-uwage"
    token, text = page_token(page, url + "?unit=par-3")
    assert re.search(r'<input[^>]*name="protected_1"', text)  # added to the form by collective.honeypot
    data = {"_authenticator": token, "unit_id": "par-3", "justification": "Uwaga"}
    # filled: collective.honeypot refuses it before any view runs (the portal's Polish error page)
    filled = page.post(url, data={**data, "protected_1": "http://spam"}, headers={"Accept": "text/html"})
    assert filled.status_code == 403 and "Przepraszamy" in filled.text
    missing = page.post(url, data=data)
    assert missing.status_code == 403 and "Formularz odrzucono jako spam" in missing.text
    assert stored(c) == 0
    ok = page.post(url, data={**data, "protected_1": ""})
    assert ok.status_code == 200 and stored(c) == 1


def proposal(token, title, **extra):
    data = {"_authenticator": token, "protected_1": "", "title": title, "legal_form": "ordinary_association",
            "register_name": "Ewidencja", "register_number": f"SZ/{title}", "street": "ul. Nowa 1",
            "postal_code": "41-800", "city": "Zabrze", "areas:list": "sport", "fullname": "Ewa Nowa", "rodo": "1"}
    data.update(extra)
    return data


def organizations(title):
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        return len(api.content.find(portal_type="Organization", Title=title))


def test_proposal_form_limit_and_honeypot(setup, session, functional_portal):
    world, _c = setup
    set_limits(proposals_per_account=1)
    transaction.commit()
    page = session("resident", json=False)
    url = f"{world['org_a'].__parent__.absolute_url()}/@@zglos-organizacje"
    token, text = page_token(page, url)
    assert re.search(r'<input[^>]*name="protected_1"', text)
    response = page.post(url, data=proposal(token, "Koło Bot", protected_1="http://spam"), headers={"Accept": "text/html"})
    assert response.status_code == 403 and organizations("Koło Bot") == 0
    data = proposal(token, "Koło Bez Pola")
    del data["protected_1"]
    response = page.post(url, data=data)
    assert response.status_code == 403 and "Formularz odrzucono jako spam" in response.text
    assert organizations("Koło Bez Pola") == 0
    response = page.post(url, data=proposal(token, "Koło Pierwsze"))
    assert response.status_code == 200 and organizations("Koło Pierwsze") == 1
    response = page.post(url, data=proposal(token, "Koło Drugie"))
    assert response.status_code == 429 and "zbyt wiele" in response.text
    assert organizations("Koło Drugie") == 0
