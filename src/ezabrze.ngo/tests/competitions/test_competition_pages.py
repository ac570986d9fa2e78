"""The pages over real HTTP: the listing, the call, an offer started, filled in on the template form (a cost
row added with a button, no scripts), refused with Polish messages, submitted with its checksum shown; a form POST
without the authenticator refused (CSRF); a conflicted member's page refused; the public results with CSV/XLSX
whose cells cannot run as formulas."""

from datetime import timedelta
from decimal import Decimal
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import offers
from ezabrze.ngo.competitions.setup import folder
from ezabrze.ngo.testing import make_call
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import offer_fields
from ezabrze.ngo.testing import PASSWORD
from plone import api

import csv
import html
import io
import openpyxl
import pytest
import re
import requests
import transaction


AUTH_RE = re.compile(r'name="_authenticator" value="([^"]+)"')
DEADLINE = NOW + timedelta(days=21)
CHECKLIST = {key: True for key, _title in evaluation.FORMAL_ITEMS}


@pytest.fixture
def site(functional_portal, frozen):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    login(functional_portal, TEST_USER_NAME)
    with api.env.adopt_roles(["Manager"]):
        world = make_personas(functional_portal)
        call = make_call(folder(), DEADLINE, id_="sport")
    transaction.commit()
    return functional_portal, world, call


def browser(user=None):
    s = requests.Session()
    if user:
        s.auth = (user, PASSWORD)
    return s


def denied(session, url):
    """Plone answers an authenticated user without the permission with a redirect to the login form."""
    response = session.get(url, allow_redirects=False)
    return response.status_code in (401, 403) or (
        response.status_code == 302 and "login" in response.headers.get("Location", ""))


def token(page):
    return html.unescape(AUTH_RE.search(page.text).group(1))


def test_offer_through_the_pages(site, frozen):
    portal, world, call = site
    url = call.absolute_url()
    anon, rep_a, rep_b = browser(), browser("rep_a"), browser("rep_b")
    listing = anon.get(f"{portal.absolute_url()}/organizacje-pozarzadowe/konkursy")
    assert listing.status_code == 200
    assert "Sport 2028" in listing.text and "Przyjmowanie ofert" in listing.text
    page = anon.get(url)
    assert page.status_code == 200 and "Jakość merytoryczna" in page.text and "Rozpocznij ofertę" not in page.text
    page = rep_a.get(url)
    assert "Rozpocznij ofertę" in page.text
    assert rep_a.post(url, data={"start_offer": "1", "title": "Sport"}).status_code == 403  # no authenticator
    response = rep_a.post(url, data={"start_offer": "1", "title": "Sport dla dzieci", "_authenticator": token(page)})
    assert response.status_code == 200 and response.url.endswith("/@@formularz-oferty")
    form_url = response.url
    offer_url = form_url.rsplit("/", 1)[0]
    assert denied(rep_b, form_url)
    assert denied(rep_b, offer_url)
    fields = offer_fields()
    data = {name: value for name, value in fields.items() if isinstance(value, str)}
    data.update({"task_start": "2028-03-01", "task_end": "2028-11-30", "statements:list": fields["statements"],
                 "_authenticator": token(response)})
    row = fields["costs"][0]
    for column in ("cost_type", "unit", "unit_cost", "units", "from_grant", "other", "year"):
        data[f"{column}:list"] = [row.get(column, "")]
    # "add a row" keeps what was typed and adds an empty row
    added = rep_a.post(form_url, data=dict(data, add_row="1"))
    assert added.status_code == 200 and added.text.count('name="cost_type:list"') == 2
    assert "Wynagrodzenie trenera" in added.text
    # arithmetic that does not add up: refused, Polish message, nothing submitted
    bad = dict(data, submit_offer="1", **{"other:list": ["999"]})
    response = rep_a.post(form_url, data=bad)
    assert response.status_code == 400 and "nie sumują się" in response.text
    response = rep_a.post(form_url, data=dict(data, submit_offer="1"))
    assert response.status_code == 200 and response.url == offer_url
    transaction.begin()
    offer = call[offer_url.rsplit("/", 1)[1]]
    assert api.content.get_state(offer) == "submitted"
    assert offer.checksum in response.text and "Wynagrodzenie trenera" in response.text
    assert rep_a.get(form_url).status_code == 200  # the form is shown, but saving is refused now
    assert rep_a.post(form_url, data=dict(data, save="1")).status_code == 409


def test_committee_pages_and_public_results(site, frozen):
    portal, world, call = site
    a = offers.create(call, "rep_a", world["org_a"], "=HYPERLINK(\"http://x\")", **offer_fields())
    b = offers.create(call, "rep_b", world["org_b"], "Sport B", **offer_fields(grant="4000", other="2000"))
    offers.submit(a, "rep_a")
    offers.submit(b, "rep_b")
    with api.env.adopt_roles(["Manager"]):
        committee.add_member(call, "staff")
        frozen.set(DEADLINE)
        api.content.transition(call, transition="start_formal")
    transaction.commit()
    staff = browser("staff")
    page = staff.get(call.absolute_url())
    assert "Oświadczenie o braku konfliktu interesów" in page.text
    assert denied(staff, a.absolute_url())  # before the declaration
    response = staff.post(call.absolute_url(), data={"sign_declaration": "1", "statement": "1",
                                                     "conflicts:list": [b.organization_uid],
                                                     "_authenticator": token(page)})
    assert response.status_code == 200 and "Oświadczenie zostało podpisane" in response.text
    assert staff.get(a.absolute_url()).status_code == 200
    assert denied(staff, b.absolute_url())
    transaction.begin()
    assert [e["userid"] for e in committee.view_log(call)] == ["staff"]
    with api.env.adopt_roles(["Manager"]):
        evaluation.set_formal(a, CHECKLIST, "correct")
        evaluation.set_formal(b, dict(CHECKLIST, statutory=False), "rejected", "Poza statutem.")
        api.content.transition(call, transition="start_merit")
    transaction.commit()
    card_url = f"{a.absolute_url()}/@@karta-oceny"
    page = staff.get(card_url)
    response = staff.post(card_url, data={"points_c1": "11", "justification_c1": "x", "points_c2": "3",
                                          "justification_c2": "y", "_authenticator": token(page)})
    assert response.status_code == 400 and "od 0 do 10" in response.text
    response = staff.post(card_url, data={"points_c1": "9", "justification_c1": "Dobrze.", "points_c2": "3",
                                          "justification_c2": "Poprawnie.", "_authenticator": token(page)})
    assert response.status_code == 200 and "Karta została zapisana" in response.text
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        evaluation.propose(call, {a.getId(): "5000"})
        api.content.transition(call, transition="publish_results")
    transaction.commit()
    anon = browser()
    results = anon.get(f"{call.absolute_url()}/@@wyniki")
    assert "Stowarzyszenie A" in results.text and "nie przyznano" in results.text and "5\u00a0000,00" in results.text
    rows = list(csv.reader(io.StringIO(anon.get(f"{call.absolute_url()}/@@wyniki.csv").content.decode("utf-8-sig")),
                           delimiter=";"))
    assert rows[1][1:3] == ["Stowarzyszenie A", "'=HYPERLINK(\"http://x\")"] and rows[1][5] == "5000.00"
    assert rows[2][5] == "nie przyznano"
    book = openpyxl.load_workbook(io.BytesIO(anon.get(f"{call.absolute_url()}/@@wyniki.xlsx").content))
    sheet = book.active
    assert sheet["C2"].value == "'=HYPERLINK(\"http://x\")" and sheet["F2"].value == float(Decimal("5000"))
    assert denied(anon, a.absolute_url())  # offers never public
    own = browser("rep_a").get(a.absolute_url())
    assert "Dobrze." in own.text  # the applicant sees the justifications
