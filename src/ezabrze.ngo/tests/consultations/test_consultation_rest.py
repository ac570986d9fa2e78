"""REST over real HTTP (functional layer): list, read with units, post / report / moderate / answer, paginated
remarks with answers, adopted text and the report; Polish errors with 400/401/403/404/409; CSRF."""

from datetime import timedelta
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.setup import folder
from ezabrze.ngo.testing import make_consultation
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import NOW
from plone import api

import pytest
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


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
        c = make_consultation(folder(), NOW - timedelta(days=1), NOW + timedelta(days=6, hours=12),
                              id_="rest", short_period_reason="Test")
        make_consultation(folder(), NOW + timedelta(days=1), NOW + timedelta(days=9), id_="szkic", state="draft")
        state.sync()
    # The pagination check posts 23 remarks from one account in a second: more than the per-person limit
    # (tests/consultations/test_consultation_limits.py checks the limits themselves).
    api.portal.set_registry_record("ezabrze.ngo.consultations.remarks_per_account", 0)
    transaction.commit()
    return world, c


def test_list_and_read(setup, session):
    anon = session()
    items = anon.get("/@consultations").json()["items"]
    assert [(i["title"], i["state"], i["days_left"]) for i in items] == [("Program 2027", "open", 7)]
    data = anon.get("/organizacje-pozarzadowe/konsultacje/rest/@consultation").json()
    assert "state" in data, data
    assert data["state"] == "open"
    units = {u["id"]: u for u in data["units"]}
    assert units["par-2-ust-2-pkt-1"]["label"] == "§ 2 ust. 2 pkt 1"
    assert units["par-3"]["permalink"].endswith("/rest#par-3")
    assert anon.get("/organizacje-pozarzadowe/konsultacje/szkic/@consultation").status_code == 401


def test_remark_flow(setup, session, frozen):
    base = "/organizacje-pozarzadowe/konsultacje/rest"
    remark = {"unit_id": "par-3", "proposed_wording": "200 zł", "justification": "Więcej środków."}
    anon, resident, rep_a, rep_b = session(), session("resident"), session("rep_a"), session("rep_b")
    response = anon.post(f"{base}/@remarks", json=remark)
    assert response.status_code == 401 and "Zaloguj się" in response.json()["error"]["message"]
    response = resident.post(f"{base}/@remarks", json=remark)
    assert response.status_code == 403 and "zweryfikowani" in response.json()["error"]["message"]
    assert rep_a.post(f"{base}/@remarks", json=dict(remark, unit_id="par-9")).status_code == 400
    assert rep_a.post(f"{base}/@remarks", json=dict(remark, justification="")).status_code == 400
    assert rep_a.post(f"{base}/@remarks", data="unit_id=par-3", headers={
        "Content-Type": "application/x-www-form-urlencoded"}).status_code == 400
    response = rep_a.post(f"{base}/@remarks", json=remark)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["author"] == "Stowarzyszenie A" and "rep_a" not in response.text
    rid = created["id"]
    reply = rep_b.post(f"{base}/@remarks", json={"parent_id": rid, "justification": "Popieramy."})
    assert reply.status_code == 201
    for i in range(22):
        assert rep_b.post(f"{base}/@remarks", json={"unit_id": "", "justification": f"Ogólna {i}"}).status_code == 201
    page = anon.get(f"{base}/@remarks").json()
    assert page["items_total"] == 23 and len(page["items"]) == 20 and "next" in page["batching"]
    first = page["items"][0]
    assert first["id"] == rid and first["replies"][0]["author"] == "Fundacja B"
    # malformed batching is a clear 400 site-wide (ezabrze.policy.security), never a 5xx
    assert anon.get(f"{base}/@remarks?b_start=abc&b_size=-1").status_code == 400
    assert anon.get(f"{base}/@remarks?unit=par-3").json()["items_total"] == 1
    assert anon.get(f"{base}/@remarks?unit=nope").status_code == 404
    assert anon.get(f"{base}/@remarks/nope").status_code == 404

    # report, moderate
    assert rep_a.post(f"{base}/@remarks/{rid}/report", json={"reason": "spam"}).status_code == 409  # own
    assert rep_b.post(f"{base}/@remarks/{rid}/report", json={"reason": "zly"}).status_code == 400
    assert rep_b.post(f"{base}/@remarks/{rid}/report", json={"reason": "spam"}).status_code == 200
    assert rep_b.post(f"{base}/@remarks/{rid}/moderate", json={"action": "hide", "reason": "x"}).status_code == 403
    moderator = session("moderator")
    assert moderator.post(f"{base}/@remarks/{rid}/moderate", json={"action": "hide", "reason": "Spam"}).json() == {
        "id": rid, "hidden": True}
    assert anon.get(f"{base}/@remarks/{rid}").status_code == 404
    assert anon.get(f"{base}/@remarks").json()["items_total"] == 22
    assert moderator.get(f"{base}/@remarks/{rid}").json()["hidden"] is True
    moderator.post(f"{base}/@remarks/{rid}/moderate", json={"action": "restore", "reason": "Merytoryczna"})

    # answers: prepared (staff only), then published together
    staff = session("staff")
    assert rep_a.post(f"{base}/@remarks/{rid}/answer", json={"verdict": "accepted", "reasoning": "x"}).status_code == 403
    response = staff.post(f"{base}/@remarks/{rid}/answer", json={"verdict": "accepted", "reasoning": "Przyjęto."})
    assert response.status_code == 200 and response.json()["answer"]["published"] is None
    assert anon.get(f"{base}/@remarks/{rid}").json()["answer"] is None
    assert staff.post(f"{base}/@remarks/publish-answers", json={}).json() == {"published": [rid]}
    answer = anon.get(f"{base}/@remarks/{rid}").json()["answer"]
    assert answer["verdict_title"] == "Uwzględniona" and answer["official"] is True

    # the end, to the second
    frozen.set(NOW + timedelta(days=6, hours=12))
    response = rep_a.post(f"{base}/@remarks", json=remark)
    assert response.status_code == 409 and "zakończone" in response.json()["error"]["message"]

    # report: not public before publication; adopted text by an editor
    assert anon.get(f"{base}/@consultation-report").status_code == 401
    assert rep_a.get(f"{base}/@consultation-report").status_code == 403
    editor = session("editor")
    assert editor.post(f"{base}/@adopted-text", json={"adopted": {"par-3": 5}}).status_code == 400
    assert rep_a.post(f"{base}/@adopted-text", json={"adopted": {}}).status_code == 401
    response = editor.post(f"{base}/@adopted-text",
                           json={"adopted": {"par-3": "Na program przeznacza się 200 zł."}})
    assert response.status_code == 200
    with api.env.adopt_roles(["Manager"]):
        state.sync()
    transaction.commit()
    response = editor.post(f"{base}/@workflow/publish_report", json={})
    assert response.status_code == 200, response.text
    report = anon.get(f"{base}/@consultation-report").json()
    unit = {u["id"]: u for u in report["units"]}["par-3"]
    assert unit["changed"] and {"kind": "ins", "text": "200"} in unit["diff"]
    assert unit["remarks"][0]["answer"]["verdict"] == "accepted"
    assert report["total"] == 23
    pdf = anon.get(report["downloads"]["pdf"])
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    from ezabrze.policy.testing.pdf import pdf_text

    assert "Raport z konsultacji" in pdf_text(pdf.content)


def test_csrf_and_no_server_errors(setup, session, functional_portal):
    base = "/organizacje-pozarzadowe/konsultacje/rest"
    rep_a = session("rep_a")
    rep_a.headers.pop("Accept")
    response = rep_a.post(f"{base}/@@zglos-uwage", data={"unit_id": "par-1", "justification": "Bez tokenu"},
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 403
    anon = session()
    anon.headers.pop("Accept")
    for path in (f"{base}/@@uwagi?unit=%3Cscript%3E", f"{base}/@@uwagi?b_start=x", f"{base}/@@zglos-uwage",
                 f"{base}/@@raport", f"{base}/@@uwagi.csv", "/organizacje-pozarzadowe/organizacje?q=%22(",
                 f"{base}/@@zglos-uwage?parent=nope"):
        response = anon.get(path)
        assert response.status_code < 500, path
    assert anon.get(f"{base}/@@uwagi").status_code == 200
