"""Small grants over real HTTP: REST (create, update, submit, publish, comment, decide; statuses and Polish
messages; privacy of drafts in GET and listings) and the pages (start an offer, submit, publish, comment as an
anonymous visitor, decide; CSRF: a form POST without the authenticator is refused)."""

from datetime import timedelta
from ezabrze.ngo.smallgrants.setup import folder
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import PASSWORD
from plone import api

import html
import pytest
import re
import requests
import transaction


AUTH_RE = re.compile(r'name="_authenticator" value="([^"]+)"')
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
FIELDS = {
    "contact_person": "Jan Kowalski",
    "task_start": "2027-11-01",
    "task_end": "2027-11-30",
    "task_description": "Warsztaty dla seniorów.",
    "task_place": "Zabrze, klub seniora",
    "expected_results": "40 uczestników.",
    "costs": [{"cost_type": "Prowadzący", "unit": "godzina", "unit_cost": "100", "units": "40",
               "from_grant": "3600", "other": "400"}],
    "statements": ["non_profit", "no_arrears", "data_true", "personal_data"],
}


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
        section = folder()
    transaction.commit()
    return functional_portal, world, section


def session(user=None):
    s = requests.Session()
    if user:
        s.auth = (user, PASSWORD)
    return s


def token(page):
    return html.unescape(AUTH_RE.search(page.text).group(1))


def test_rest_flow(site, frozen):
    portal, world, section = site
    url = f"{section.absolute_url()}/@small-grants"
    rep_a, rep_b, anon, editor = session("rep_a"), session("rep_b"), session(), session("editor")
    assert anon.post(url, json={"title": "x"}, headers=JSON).status_code == 401
    assert rep_a.post(url, data="title=x", headers={"Accept": "application/json"}).status_code == 400
    response = rep_b.post(url, json={"title": "Cudza", "organization": world["org_a"].UID()}, headers=JSON)
    assert response.status_code == 403
    response = rep_a.post(url, json={"title": "Warsztaty", "task_start": "1.11.2027"}, headers=JSON)
    assert response.status_code == 400 and "RRRR-MM-DD" in response.json()["error"]["message"]
    response = rep_a.post(url, json=dict(FIELDS, title="Warsztaty"), headers=JSON)
    assert response.status_code == 201
    item_url = response.json()["@id"]
    assert response.json()["requested"] == "3600.00" and response.json()["state"] == "draft"
    # the draft is private: not for the other organisation, anonymous visitors or the staff
    for other in (rep_b, anon, editor):
        assert other.get(f"{item_url}/@small-grant", headers=JSON).status_code in (401, 403)
        assert other.get(url, headers=JSON).json()["items_total"] == 0
    assert rep_a.get(url, headers=JSON).json()["items_total"] == 1
    bad = {"fields": {"task_end": "2028-02-15"}}  # 107 days
    assert rep_a.post(f"{item_url}/@small-grant/update", json=bad, headers=JSON).status_code == 200
    response = rep_a.post(f"{item_url}/@small-grant/submit", json={}, headers=JSON)
    assert response.status_code == 400 and "najwyżej 90 dni" in response.json()["error"]["message"]
    rep_a.post(f"{item_url}/@small-grant/update", json={"fields": {"task_end": "2027-11-30"}}, headers=JSON)
    assert rep_a.post(f"{item_url}/@small-grant/submit", json={}, headers=JSON).json()["state"] == "submitted"
    assert rep_a.post(f"{item_url}/@small-grant/submit", json={}, headers=JSON).status_code == 409
    assert rep_a.post(f"{item_url}/@small-grant/publish", json={}, headers=JSON).status_code == 403
    assert editor.get(f"{item_url}/@small-grant", headers=JSON).status_code == 200
    assert anon.get(f"{item_url}/@small-grant", headers=JSON).status_code in (401, 403)
    response = editor.post(f"{item_url}/@small-grant/publish", json={}, headers=JSON)
    assert response.status_code == 200 and response.json()["accepting_comments"] is True
    assert response.json()["comments_until"] == (NOW + timedelta(days=7)).isoformat()
    response = anon.post(f"{item_url}/@small-grant/comment", json={"name": "Anna", "text": "Popieram."},
                         headers=JSON)
    assert response.status_code == 200 and response.json()["comments"][0]["text"] == "Popieram."
    assert anon.get(url, headers=JSON).json()["items_total"] == 1
    response = editor.post(f"{item_url}/@small-grant/decide", json={"result": "granted", "amount": "3600"},
                           headers=JSON)
    assert response.status_code == 409
    frozen.set(NOW + timedelta(days=7))
    response = anon.post(f"{item_url}/@small-grant/comment", json={"name": "Anna", "text": "Późno."}, headers=JSON)
    assert response.status_code == 409
    response = editor.post(f"{item_url}/@small-grant/decide", json={"result": "granted", "amount": "3600"},
                           headers=JSON)
    assert response.status_code == 200 and response.json()["decision"]["amount"] == "3600.00"
    assert anon.get(f"{item_url}/@small-grant", headers=JSON).json()["state"] == "granted"
    assert anon.post(f"{item_url}/@small-grant/nothing", json={}, headers=JSON).status_code in (401, 404)


def test_pages(site, frozen):
    portal, world, section = site
    url = section.absolute_url()
    rep_a, anon, editor = session("rep_a"), session(), session("editor")
    page = anon.get(url)
    assert page.status_code == 200 and "Złóż ofertę w trybie małego grantu" not in page.text
    page = rep_a.get(url)
    assert "Złóż ofertę w trybie małego grantu" in page.text
    assert rep_a.post(f"{url}/@@male-granty", data={"start_small_grant": "1", "title": "X"}).status_code == 403
    response = rep_a.post(f"{url}/@@male-granty", data={"start_small_grant": "1", "title": "Warsztaty",
                                                      "_authenticator": token(page)})
    assert response.status_code == 200 and response.url.endswith("/edit")
    item_url = response.url.rsplit("/", 1)[0]
    # the edit form has the cost table as a grid of inputs
    assert "form.widgets.costs" in response.text and "datagridwidget" in response.text.lower()
    transaction.begin()
    item = section[item_url.rsplit("/", 1)[1]]
    page = rep_a.get(item_url)
    assert "Wypełnij pole" in page.text  # what is still missing before submission
    from ezabrze.ngo.smallgrants import rules

    fields = dict(FIELDS)
    from datetime import date

    fields["task_start"], fields["task_end"] = date(2027, 11, 1), date(2027, 11, 30)
    rules.update(item, "rep_a", fields)
    transaction.commit()
    page = rep_a.get(item_url)
    response = rep_a.post(item_url, data={"submit_small_grant": "1", "_authenticator": token(page)})
    assert response.status_code == 200 and "Oferta została złożona." in response.text
    page = editor.get(item_url)
    assert "Opublikuj na 7 dni do zgłaszania uwag" in page.text
    response = editor.post(item_url, data={"publish_small_grant": "1", "_authenticator": token(page)})
    assert response.status_code == 200 and "Uwagi można zgłaszać do" in response.text
    page = anon.get(item_url)
    assert page.status_code == 200 and "Wyślij uwagę" in page.text
    assert anon.post(item_url, data={"add_comment": "1", "name": "Anna", "text": "Tak"}).status_code == 403
    response = anon.post(item_url, data={"add_comment": "1", "name": "", "text": "Tak",
                                         "_authenticator": token(page)})
    assert response.status_code == 400 and "Podaj swoje imię" in response.text
    response = anon.post(item_url, data={"add_comment": "1", "name": "Anna", "text": "Popieram <b>bardzo</b>",
                                         "_authenticator": token(page)})
    assert response.status_code == 200 and "Popieram &lt;b&gt;bardzo&lt;/b&gt;" in response.text
    frozen.set(NOW + timedelta(days=7))
    page = editor.get(item_url)
    assert "Zapisz decyzję" in page.text and "Wyślij uwagę" not in page.text
    response = editor.post(item_url, data={"decide": "1", "result": "refused", "reason": "",
                                           "_authenticator": token(page)})
    assert response.status_code == 400 and "Podaj przyczynę odmowy." in response.text
    response = editor.post(item_url, data={"decide": "1", "result": "refused", "reason": "Brak środków.",
                                           "_authenticator": token(page)})
    assert response.status_code == 200 and "Odmówiono" in response.text and "Brak środków." in response.text
    listing = anon.get(url)
    assert "Warsztaty" in listing.text and "Odmówiono" in listing.text


def test_moderation_over_http(site, frozen):
    """REST: anonymous 401, a representative 403, the editor hides with a reason (400 without); the page: a form
    POST without the authenticator is refused, with it the comment is restored; anonymous visitors never get
    the hidden text."""
    portal, world, section = site
    url = f"{section.absolute_url()}/@small-grants"
    rep_a, anon, editor = session("rep_a"), session(), session("editor")
    item_url = rep_a.post(url, json=dict(FIELDS, title="Warsztaty"), headers=JSON).json()["@id"]
    rep_a.post(f"{item_url}/@small-grant/submit", json={}, headers=JSON)
    editor.post(f"{item_url}/@small-grant/publish", json={}, headers=JSON)
    data = anon.post(f"{item_url}/@small-grant/comment", json={"name": "Jan", "text": "Obraźliwy wpis."},
                     headers=JSON).json()
    comment_id = data["comments"][0]["id"]
    moderate = f"{item_url}/@small-grant/moderate"
    body = {"comment": comment_id, "action": "hide", "reason": "Treść obraźliwa"}
    assert anon.post(moderate, json=body, headers=JSON).status_code == 401
    assert rep_a.post(moderate, json=body, headers=JSON).status_code == 403
    response = editor.post(moderate, json=dict(body, reason=""), headers=JSON)
    assert response.status_code == 400 and response.json()["error"]["message"] == "Podaj powód decyzji moderatora."
    response = editor.post(moderate, json=body, headers=JSON)
    assert response.status_code == 200 and response.json()["comments"][0]["hidden"] is True
    assert response.json()["moderation_log"][0]["actor"] == "editor"
    public = anon.get(f"{item_url}/@small-grant", headers=JSON).json()
    assert public["comments"] == [] and "moderation_log" not in public
    assert "Obraźliwy wpis." not in anon.get(item_url).text
    page = editor.get(item_url)
    assert "Obraźliwy wpis." in page.text and "Przywróć uwagę" in page.text and "Treść obraźliwa" in page.text
    form = {"moderate_comment": "1", "comment": comment_id, "action": "restore", "reason": "Pomyłka"}
    assert editor.post(item_url, data=form).status_code == 403  # no authenticator
    response = editor.post(item_url, data=dict(form, _authenticator=token(page)))
    assert response.status_code == 200 and "Zapisano moderację." in response.text
    assert "Obraźliwy wpis." in anon.get(item_url).text


def test_small_grant_pdf(site, frozen):
    """The offer as a PDF on the simplified template (read back as text): the draft for its organisation's
    representatives only, the published offer for anyone; hidden from the other organisation before."""
    from ezabrze.policy.testing.pdf import pdf_text

    portal, world, section = site
    url = f"{section.absolute_url()}/@small-grants"
    rep_a, rep_b, anon, editor = session("rep_a"), session("rep_b"), session(), session("editor")
    item_url = rep_a.post(url, json=dict(FIELDS, title="Warsztaty"), headers=JSON).json()["@id"]
    response = rep_a.get(f"{item_url}/@@oferta.pdf")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    assert "private" in response.headers["Cache-Control"]  # never in a shared cache (personal ruleset)
    text = " ".join(pdf_text(response.content).split())
    assert "Oferta realizacji zadania publicznego (mały grant)" in text
    assert "Warsztaty" in text and "Stowarzyszenie A" in text and "Warsztaty dla seniorów." in text
    assert "3 600,00" in text and "4 000,00" in text and "01.11.2027" in text
    for other in (rep_b, anon, editor):
        response = other.get(f"{item_url}/@@oferta.pdf", allow_redirects=False)
        assert response.status_code in (302, 401, 403), response.status_code  # 302: to the login form
        assert response.headers.get("Content-Type") != "application/pdf"
    rep_a.post(f"{item_url}/@small-grant/submit", json={}, headers=JSON)
    editor.post(f"{item_url}/@small-grant/publish", json={}, headers=JSON)
    response = anon.get(f"{item_url}/@@oferta.pdf")
    assert response.status_code == 200
    text = " ".join(pdf_text(response.content).split())
    assert "Złożono: 01.10.2027 14:00:00" in text or "01.10.2027 14:00:00" in text
