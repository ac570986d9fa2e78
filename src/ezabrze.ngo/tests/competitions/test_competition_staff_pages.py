"""The staff and committee pages over real HTTP: the committee (appointing members, declarations, exclusions),
the formal evaluation (the list, the checklist per offer, the correction request with its deadline and items) and
the ranking with the committee's proposals (total within the funds). Polish refusals with the matching status,
nothing stored half-way, CSRF (a POST without the authenticator is refused) and who may open each page."""

from datetime import timedelta
from decimal import Decimal
from ezabrze.ngo import clock
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import offers
from ezabrze.ngo.competitions.setup import folder
from ezabrze.ngo.testing import make_call
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import offer_fields
from ezabrze.ngo.testing import PASSWORD
from ezabrze.policy.testing.smtp import SMTPSink
from plone import api

import html
import pytest
import re
import requests
import transaction


AUTH_RE = re.compile(r'name="_authenticator" value="([^"]+)"')
DEADLINE = NOW + timedelta(days=21)
CHECKLIST = {key: True for key, _title in evaluation.FORMAL_ITEMS}
ANSWERS = {f"item_{key}": "yes" for key in CHECKLIST}


@pytest.fixture
def sink(functional_portal):
    with SMTPSink() as smtp:
        mailhost = api.portal.get_tool("MailHost")
        mailhost.smtp_host, mailhost.smtp_port = smtp.host, smtp.port
        api.portal.set_registry_record("plone.smtp_host", smtp.host)
        api.portal.set_registry_record("plone.smtp_port", smtp.port)
        api.portal.set_registry_record("plone.email_from_address", "e-zabrze@um.zabrze.pl")
        transaction.commit()
        yield smtp


@pytest.fixture
def site(functional_portal, sink, frozen):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    login(functional_portal, TEST_USER_NAME)
    with api.env.adopt_roles(["Manager"]):
        world = make_personas(functional_portal)
        call = make_call(folder(), DEADLINE, id_="sport")
    a = offers.create(call, "rep_a", world["org_a"], "Sport A", **offer_fields())
    b = offers.create(call, "rep_b", world["org_b"], "Sport B", **offer_fields(grant="4000", other="2000"))
    c = offers.create(call, "rep_a", world["org_a"], "Sport A2", **offer_fields())
    for offer, rep in ((a, "rep_a"), (b, "rep_b"), (c, "rep_a")):
        offers.submit(offer, rep)
    transaction.commit()
    return functional_portal, world, call, (a, b, c)


def browser(user=None):
    s = requests.Session()
    if user:
        s.auth = (user, PASSWORD)
    return s


def denied(session, url, method="get", **kwargs):
    response = getattr(session, method)(url, allow_redirects=False, **kwargs)
    return response.status_code in (401, 403) or (
        response.status_code == 302 and "login" in response.headers.get("Location", ""))


def token(page):
    return html.unescape(AUTH_RE.search(page.text).group(1))


def token_of(portal, userid):
    """A valid authenticator of `userid` (their pages here carry no form)."""
    from plone.app.testing import login
    from plone.protect.authenticator import createToken

    login(portal, userid)
    try:
        return createToken()
    finally:
        login(portal, "test-user")


def test_committee_page_appoints_members(site, frozen):
    portal, world, call, (a, b, c) = site
    url = f"{call.absolute_url()}/@@komisja"
    editor = browser("editor")
    for who in (None, "rep_a", "resident", "staff"):
        assert denied(browser(who), url), who
    page = editor.get(url)
    assert page.status_code == 200 and "Powołaj członka komisji" in page.text
    assert editor.post(url, data={"add_member": "1", "userid": "staff", "kind": "staff"}).status_code == 403
    response = editor.post(url, data={"add_member": "1", "userid": "nikt", "kind": "staff",
                                      "_authenticator": token(page)})
    assert response.status_code == 400 and "Nie ma takiego użytkownika." in response.text
    response = editor.post(url, data={"add_member": "1", "userid": "resident", "kind": "ngo", "organization": "",
                                      "_authenticator": token(page)})
    assert response.status_code == 400 and "Wskaż organizację, która zgłosiła członka komisji." in response.text
    transaction.begin()
    assert committee.members(call) == {}
    response = editor.post(url, data={"add_member": "1", "userid": "staff", "kind": "staff",
                                      "_authenticator": token(page)})
    assert response.status_code == 200 and "Członek komisji został powołany." in response.text
    response = editor.post(url, data={"add_member": "1", "userid": "resident", "kind": "ngo",
                                      "organization": world["org_b"].UID(), "_authenticator": token(page)})
    assert response.status_code == 200
    transaction.begin()
    assert dict(committee.members(call)["resident"]) == {"kind": "ngo", "organization_uid": world["org_b"].UID()}
    # a member sees the committee (not the form to appoint); the exclusion of the NGO-nominated member shows
    staff = browser("staff")
    page = staff.get(url)
    assert page.status_code == 200 and "Powołaj członka komisji" not in page.text
    assert "Fundacja B" in page.text and "organizacja, która go zgłosiła, składa ofertę" in page.text
    assert denied(staff, url, method="post", data={"add_member": "1", "userid": "rep_b", "kind": "staff",
                                                   "_authenticator": token_of(portal, "staff")})
    transaction.begin()
    assert "rep_b" not in committee.members(call)


def test_formal_evaluation_pages(site, frozen):
    portal, world, call, (a, b, c) = site
    frozen.set(DEADLINE)
    with api.env.adopt_roles(["Manager"]):
        committee.add_member(call, "staff")
    transaction.commit()
    list_url = f"{call.absolute_url()}/@@ocena-formalna"
    url = f"{a.absolute_url()}/@@ocena-formalna"
    for who in (None, "rep_a", "staff", "resident"):
        assert denied(browser(who), list_url), who
        assert denied(browser(who), url), who
    editor = browser("editor")
    listing = editor.get(list_url)
    assert listing.status_code == 200
    assert all(title in listing.text for title in ("Sport A", "Sport B", "Sport A2"))
    assert "Nie oceniono jeszcze" in listing.text
    page = editor.get(url)
    assert page.status_code == 200 and "Lista kontrolna oceny formalnej" in page.text
    assert a.checksum in page.text
    assert editor.post(url, data=dict(ANSWERS, save_formal="1", result="correct")).status_code == 403
    auth = token(page)
    cases = [
        (dict(ANSWERS, item_statutory=""), "correct", "", "Odpowiedz na każdy punkt listy kontrolnej"),
        (dict(ANSWERS, item_statutory="no"), "correct", "", "z niespełnionym punktem"),
        (dict(ANSWERS, item_statutory="no"), "rejected", " ", "Podaj przyczynę odrzucenia oferty."),
    ]
    for answers, result, reason, message in cases:
        response = editor.post(url, data=dict(answers, save_formal="1", result=result, reason=reason,
                                              _authenticator=auth))
        assert response.status_code == 400 and message in response.text
    transaction.begin()
    assert evaluation.formal(a) is None
    response = editor.post(url, data=dict(ANSWERS, save_formal="1", result="correct", _authenticator=auth))
    assert response.status_code == 200 and "Ocena formalna została zapisana." in response.text
    transaction.begin()
    assert evaluation.formal(a)["result"] == "correct" and evaluation.formal(a)["checklist"] == CHECKLIST
    assert evaluation.formal(a)["actor"] == "editor"
    # the correction request: the named items and a deadline in the future
    url_b = f"{b.absolute_url()}/@@ocena-formalna"
    later = clock.local(DEADLINE + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%S")
    past = clock.local(DEADLINE - timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%S")
    response = editor.post(url_b, data={"request_correction": "1", "deadline": later, "_authenticator": auth})
    assert response.status_code == 400 and "Wskaż elementy do uzupełnienia." in response.text
    response = editor.post(url_b, data={"request_correction": "1", "items:list": ["schedule"], "deadline": past,
                                        "_authenticator": auth})
    assert response.status_code == 400 and "Termin uzupełnienia musi przypadać w przyszłości." in response.text
    response = editor.post(url_b, data={"request_correction": "1", "items:list": ["schedule"], "deadline": "jutro",
                                        "_authenticator": auth})
    assert response.status_code == 400 and "Podaj termin uzupełnienia" in response.text
    transaction.begin()
    assert getattr(b, "correction", None) is None
    response = editor.post(url_b, data={"request_correction": "1", "items:list": ["schedule", "experience"],
                                        "deadline": later, "note": "Harmonogram bez dat.", "_authenticator": auth})
    assert response.status_code == 200 and "Wezwanie do uzupełnienia zostało zapisane." in response.text
    assert "Plan i harmonogram działań" in response.text and "Harmonogram bez dat." in response.text
    transaction.begin()
    assert b.correction["items"] == ["schedule", "experience"]
    assert b.correction["deadline"] == DEADLINE + timedelta(days=7)
    # the applicant corrects only the named items (the same rule as REST), a new checksum
    old = b.checksum
    offers.correct(b, "rep_b", {"schedule": "Marzec: nabór; kwiecień-listopad: zajęcia."})
    assert b.checksum != old
    transaction.commit()
    assert "Termin uzupełnienia" in editor.get(list_url).text


def merit(call, a, b, c):
    with api.env.adopt_roles(["Manager"]):
        committee.add_member(call, "staff")
        api.content.transition(call, transition="start_formal")
        committee.sign_declaration(call, "staff", [], True)
        for offer in (a, b, c):
            evaluation.set_formal(offer, CHECKLIST, "correct")
        api.content.transition(call, transition="start_merit")
    scores = {"a": (9, 3), "b": (9, 4), "c": (2, 1)}
    for key, offer in (("a", a), ("b", b), ("c", c)):
        first, second = scores[key]
        evaluation.score(offer, "staff", {"c1": {"points": first, "justification": "Uzasadnienie."},
                                          "c2": {"points": second, "justification": "Uzasadnienie."}})


def test_ranking_and_proposals_page(site, frozen):
    portal, world, call, (a, b, c) = site
    frozen.set(DEADLINE)
    merit(call, a, b, c)
    transaction.commit()
    url = f"{call.absolute_url()}/@@ranking"
    for who in (None, "rep_a", "staff", "resident"):
        assert denied(browser(who), url), who
    editor = browser("editor")
    page = editor.get(url)
    assert page.status_code == 200
    text = page.text
    # the ranking: B (13 points) before A (12), then A2 (3)
    assert text.index("Sport B") < text.index("Sport A<") < text.index("Sport A2")
    assert 'id="amount-' in text and "Zapisz propozycje" in text
    fields = {f"amount_{a.getId()}": "5000", f"amount_{b.getId()}": "4000", f"amount_{c.getId()}": "5000"}
    assert editor.post(url, data=dict(fields, save_proposals="1")).status_code == 403
    response = editor.post(url, data=dict(fields, save_proposals="1", _authenticator=token(page)))
    assert response.status_code == 400 and "przekraczają środki konkursu" in response.text
    response = editor.post(url, data=dict(fields, save_proposals="1", _authenticator=token(page),
                                          **{f"amount_{c.getId()}": ""}))
    assert response.status_code == 400 and "Podaj proponowaną dotację (lub 0)" in response.text
    response = editor.post(url, data=dict(fields, save_proposals="1", _authenticator=token(page),
                                          **{f"amount_{c.getId()}": "abc"}))
    assert response.status_code == 400 and "nie jest liczbą" in response.text
    transaction.begin()
    assert [evaluation.proposal(o) for o in (a, b, c)] == [None, None, None]
    response = editor.post(url, data=dict(fields, save_proposals="1", _authenticator=token(page),
                                          **{f"amount_{c.getId()}": "0", f"amount_{a.getId()}": "4500,50"}))
    assert response.status_code == 200 and "Propozycje zostały zapisane." in response.text
    transaction.begin()
    assert [evaluation.proposal(o) for o in (a, b, c)] == [Decimal("4500.50"), Decimal("4000.00"),
                                                           Decimal("0.00")]
    assert "8\u00a0500,50" in response.text


def test_applicant_corrects_only_the_named_items_on_the_form(site, frozen):
    portal, world, call, (a, b, c) = site
    frozen.set(DEADLINE)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(call, transition="start_formal")
        offers.request_correction(b, ["schedule", "experience"], DEADLINE + timedelta(days=7), "Bez dat.")
    transaction.commit()
    rep_b = browser("rep_b")
    page = rep_b.get(b.absolute_url())
    assert "Uzupełnij ofertę" in page.text
    url = f"{b.absolute_url()}/@@formularz-oferty"
    page = rep_b.get(url)
    assert "Można zmienić tylko te elementy: Plan i harmonogram działań, Doświadczenie oferenta" in page.text
    assert re.search(r'<textarea[^>]*id="f-task_place"[^>]*disabled', page.text)
    assert not re.search(r'<textarea[^>]*id="f-schedule"[^>]*disabled', page.text)
    assert "Wyślij uzupełnienie" in page.text and "Złóż ofertę" not in page.text
    assert denied(browser("rep_a"), url)
    old = b.checksum
    data = {"submit_correction": "1", "schedule": "Marzec: nabór; kwiecień-listopad: zajęcia.",
            "experience": "12 lat.", "task_place": "Gdzie indziej", "_authenticator": token(page)}
    assert rep_b.post(url, data=dict(data, _authenticator="")).status_code == 403
    response = rep_b.post(url, data=dict(data, schedule=""))
    assert response.status_code == 400 and "Wypełnij pole: Plan i harmonogram działań" in response.text
    transaction.begin()
    assert b.checksum == old and b.schedule != ""
    response = rep_b.post(url, data=data)
    assert response.status_code == 200 and response.url == b.absolute_url()
    transaction.begin()
    assert b.schedule.startswith("Marzec: nabór") and b.experience == "12 lat."
    assert b.task_place == "Zabrze, hala MOSiR"  # not named: the posted value is ignored
    assert b.checksum != old and offers.verify(b) and b.correction["done"] == DEADLINE
    # after the correction (or its deadline) nothing can be changed any more
    page = rep_b.get(url)
    assert "Wyślij uzupełnienie" not in page.text
    assert rep_b.post(url, data=dict(data, _authenticator=token(page))).status_code == 409
