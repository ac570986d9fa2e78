"""A competition over real HTTP (functional layer, REST): announced with a 21-day deadline, offers of two NGOs
created and submitted by their representatives (confirmation mails to a real local SMTP server), an offer a second
late refused, the same offer submitted twice at once, a three-member committee (one member excluded from an offer
for a declared conflict), formal and merit evaluation, proposals within the funds, published results; Polish
errors with their statuses; drafts and offers never public."""

from datetime import timedelta
from ezabrze.ngo.competitions.setup import folder
from ezabrze.ngo.organizations import representatives as reps
from ezabrze.ngo.testing import make_call
from ezabrze.ngo.testing import make_organization
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import offer_fields
from ezabrze.ngo.testing import PASSWORD
from ezabrze.policy.testing.smtp import SMTPSink
from plone import api

import pytest
import threading
import time
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
DEADLINE = NOW + timedelta(days=21)
BASE = "/organizacje-pozarzadowe/konkursy/sport"
CHECKLIST = {"on_time": True, "eligible": True, "statutory": True, "template": True, "arithmetic": True,
             "statements": True}


def api_fields(**kwargs):
    fields = offer_fields(**kwargs)
    fields["task_start"], fields["task_end"] = fields["task_start"].isoformat(), fields["task_end"].isoformat()
    return fields


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
def setup(functional_portal, frozen):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    login(functional_portal, TEST_USER_NAME)
    with api.env.adopt_roles(["Manager"]):
        world = make_personas(functional_portal)
        world["org_c"] = make_organization(world["org_a"].aq_parent, "org-c", "Klub C", krs="0000000003")
        # a second verified representative of NGO A (the double-submit race)
        api.user.create(email="rep_a2@example.org", username="rep_a2", password=PASSWORD, roles=["Member"])
        token = reps.request(world["org_a"], "rep_a2", "Rep A2", "skarbnik", True)
        reps.confirm(world["org_a"], token)
        reps.set_state(world["org_a"], "rep_a2", reps.VERIFIED)
        make_call(folder(), DEADLINE, id_="sport", state="draft")
    transaction.commit()
    return world


def wait_for(sink, to, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [m for m in list(sink.messages) if m["To"] == to]
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"no message to {to}")


def test_competition_from_announcement_to_results(setup, session, sink, frozen):
    world = setup
    anon, editor = session(), session("editor")
    rep_a, rep_a2, rep_b, resident = session("rep_a"), session("rep_a2"), session("rep_b"), session("resident")
    staff, moderator = session("staff"), session("moderator")

    assert anon.get(f"{BASE}/@grant-call").status_code == 401  # a draft is not public
    assert editor.post(f"{BASE}/@workflow/announce", json={}).status_code == 200
    data = anon.get(f"{BASE}/@grant-call").json()
    assert data["state"] == "announced" and data["accepting_offers"] and data["seconds_left"] == 21 * 86400
    assert [c["max"] for c in data["criteria"]] == [10, 5]
    assert [i["id"] for i in anon.get("/@grant-calls?state=announced").json()["items"]] == ["sport"]

    # offers: only verified representatives; bad arithmetic and a grant above the limit refused (400)
    response = resident.post(f"{BASE}/@offers", json={"title": "X", **api_fields()})
    assert response.status_code == 403 and "zweryfikowany" in response.json()["error"]["message"]
    assert anon.post(f"{BASE}/@offers", json={"title": "X"}).status_code == 401
    response = rep_a.post(f"{BASE}/@offers", data="title=X", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 400  # not JSON: the CSRF protection of the REST services
    response = rep_a.post(f"{BASE}/@offers", json={"title": "Sport A", **api_fields()})
    assert response.status_code == 201, response.text
    offer_a = response.json()["@id"].rsplit("/", 1)[1]
    assert response.json()["state"] == "draft" and response.json()["requested"] == "5000.00"
    offer_b = rep_b.post(f"{BASE}/@offers", json={"title": "Sport B", **api_fields(grant="4000", other="2000")}
                         ).json()["id"]
    # drafts are private to the organization
    assert rep_b.get(f"{BASE}/{offer_a}/@offer").status_code == 401
    assert anon.get(f"{BASE}/{offer_a}/@offer").status_code == 401
    assert editor.get(f"{BASE}/{offer_a}/@offer").status_code == 401
    assert rep_a2.get(f"{BASE}/{offer_a}/@offer").status_code == 200
    bad = api_fields()["costs"]
    bad[0]["other"] = "999"
    response = rep_b.post(f"{BASE}/{offer_b}/@offer/update", json={"fields": {"costs": bad}})
    assert response.status_code == 200
    response = rep_b.post(f"{BASE}/{offer_b}/@offer/submit", json={})
    assert response.status_code == 400 and "nie sumują się" in response.json()["error"]["message"]
    over = [dict(bad[0], unit_cost="140", from_grant="6500", other="500")]
    rep_b.post(f"{BASE}/{offer_b}/@offer/update", json={"fields": {"costs": over}})
    response = rep_b.post(f"{BASE}/{offer_b}/@offer/submit", json={})
    assert response.status_code == 400 and "powyżej limitu" in response.json()["error"]["message"]
    good = api_fields(grant="4000", other="2000")["costs"]
    assert rep_b.post(f"{BASE}/{offer_b}/@offer/update", json={"fields": {"costs": good}}).status_code == 200

    # the same offer submitted by two representatives at once: one submission, one 409
    results = []

    def submit(s):
        results.append(s.post(f"{BASE}/{offer_a}/@offer/submit", json={}))

    threads = [threading.Thread(target=submit, args=(s,)) for s in (rep_a, rep_a2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.status_code for r in results) == [200, 409], [r.text for r in results]
    refused = next(r for r in results if r.status_code == 409)
    assert "już złożona" in refused.json()["error"]["message"]
    submitted = next(r for r in results if r.status_code == 200).json()
    assert len(submitted["checksum"]) == 64 and submitted["checksum_valid"] is True
    mails = wait_for(sink, "rep_a@example.org" if submitted["submitted_by"] == "rep_a" else "rep_a2@example.org")
    # the text and, attached, the offer PDF
    assert submitted["checksum"] in mails[0].get_body(preferencelist=("plain",)).get_content()
    assert [part.get_content_type() for part in mails[0].iter_attachments()] == ["application/pdf"]

    # a second after the deadline nothing is submitted or changed
    frozen.set(DEADLINE)
    response = rep_b.post(f"{BASE}/{offer_b}/@offer/submit", json={})
    assert response.status_code == 409 and "minął" in response.json()["error"]["message"]
    frozen.set(DEADLINE - timedelta(seconds=1))
    assert rep_b.post(f"{BASE}/{offer_b}/@offer/submit", json={}).status_code == 200
    frozen.set(DEADLINE)
    assert rep_b.post(f"{BASE}/@offers", json={"title": "Za późno", **api_fields()}).status_code == 409

    # the committee: staff (declares a conflict with B), moderator (staff), resident (nominated by NGO C)
    for userid, kind, org in (("staff", "staff", None), ("moderator", "staff", None),
                              ("resident", "ngo", world["org_c"])):
        body = {"userid": userid, "kind": kind, "organization": api.content.get_uuid(org) if org else None}
        assert editor.post(f"{BASE}/@committee/members", json=body).status_code == 200
    assert rep_a.post(f"{BASE}/@committee/members", json={"userid": "rep_a"}).status_code == 403
    assert editor.post(f"{BASE}/@workflow/start_formal", json={}).status_code == 200
    assert staff.get(f"{BASE}/{offer_a}/@offer").status_code == 401  # before the declaration
    uid_b = api.content.get_uuid(world["org_b"])
    assert staff.post(f"{BASE}/@committee/declaration", json={"conflicts": [uid_b]}).status_code == 400
    assert staff.post(f"{BASE}/@committee/declaration",
                      json={"conflicts": [uid_b], "statement": True}).status_code == 200
    for s in (moderator, resident):
        assert s.post(f"{BASE}/@committee/declaration", json={"conflicts": [], "statement": True}).status_code == 200
    assert staff.get(f"{BASE}/{offer_a}/@offer").status_code == 200
    assert staff.get(f"{BASE}/{offer_b}/@offer").status_code == 401  # the conflicted member
    assert rep_a.get(f"{BASE}/{offer_b}/@offer").status_code == 401  # the other NGO

    # formal evaluation with a correction request for A
    assert staff.post(f"{BASE}/{offer_a}/@offer/formal", json={"checklist": CHECKLIST, "result": "correct"}
                      ).status_code == 403
    response = editor.post(f"{BASE}/{offer_a}/@offer/request-correction",
                           json={"items": ["schedule"], "deadline": (DEADLINE + timedelta(days=7)).isoformat()})
    assert response.status_code == 200, response.text
    assert rep_a.post(f"{BASE}/{offer_a}/@offer/correct", json={"fields": {"resources": "x"}}).status_code == 403
    response = rep_a.post(f"{BASE}/{offer_a}/@offer/correct", json={"fields": {"schedule": "Poprawiony plan."}})
    assert response.status_code == 200 and response.json()["checksum"] != submitted["checksum"]
    for offer_id in (offer_a, offer_b):
        assert editor.post(f"{BASE}/{offer_id}/@offer/formal",
                           json={"checklist": CHECKLIST, "result": "correct"}).status_code == 200
    assert editor.post(f"{BASE}/@workflow/start_merit", json={}).status_code == 200

    # merit evaluation: cards, bad scores refused, the conflicted member refused
    def card(p1, p2, text="Dobrze opisane rezultaty."):
        return {"scores": {"c1": {"points": p1, "justification": text}, "c2": {"points": p2, "justification": text}}}

    response = staff.post(f"{BASE}/{offer_a}/@offer/card", json=card(11, 5))
    assert response.status_code == 400 and "od 0 do 10" in response.json()["error"]["message"]
    assert staff.post(f"{BASE}/{offer_a}/@offer/card", json=card(8, 4, "")).status_code == 400
    assert staff.post(f"{BASE}/{offer_b}/@offer/card", json=card(8, 4)).status_code in (401, 403)
    assert staff.post(f"{BASE}/{offer_a}/@offer/card", json=card(9, 4)).status_code == 200
    assert moderator.post(f"{BASE}/{offer_a}/@offer/card", json=card(7, 4)).status_code == 200
    assert moderator.post(f"{BASE}/{offer_b}/@offer/card", json=card(6, 3)).status_code == 200
    assert resident.post(f"{BASE}/{offer_b}/@offer/card", json=card(8, 3)).status_code == 200
    ranking = staff.get(f"{BASE}/@committee").json()["ranking"]
    assert [(r["offer"], r["average"]) for r in ranking] == [(offer_a, "12.00"), (offer_b, "10.00")]
    assert rep_a.get(f"{BASE}/@committee").status_code == 403
    log = staff.get(f"{BASE}/@committee").json()["view_log"]
    assert {e["userid"] for e in log} >= {"staff"}

    # proposals within the funds (10 000 zł), then the results
    response = editor.post(f"{BASE}/@committee/proposals", json={"amounts": {offer_a: "5000", offer_b: "6000"}})
    assert response.status_code == 400
    assert editor.post(f"{BASE}/@committee/proposals", json={"amounts": {offer_a: "5000", offer_b: "3000"}}
                       ).status_code == 200
    assert anon.get(f"{BASE}/@grant-results").status_code == 404
    assert editor.post(f"{BASE}/@workflow/publish_results", json={}).status_code == 200
    items = anon.get(f"{BASE}/@grant-results").json()["items"]
    assert [(i["applicant"], i["title"], i["granted"]) for i in items] == [
        ("Stowarzyszenie A", "Sport A", "5000.00"), ("Fundacja B", "Sport B", "3000.00")]
    assert anon.get(f"{BASE}/{offer_a}/@offer").status_code == 401  # offers never public
    own = rep_b.get(f"{BASE}/{offer_b}/@offer").json()
    assert own["proposal"] == "3000.00" and own["own_scores"][0]["scores"][0]["points"] in (6, 8)
    assert "cards" not in own
    updated = [{"cost_type": "Trener", "unit": "h", "unit_cost": "100", "units": "40", "from_grant": "3000",
                "other": "1000"}]
    assert rep_b.post(f"{BASE}/{offer_b}/@offer/updated-costs", json={"costs": good}).status_code == 400
    assert rep_b.post(f"{BASE}/{offer_b}/@offer/updated-costs", json={"costs": updated}).status_code == 200
