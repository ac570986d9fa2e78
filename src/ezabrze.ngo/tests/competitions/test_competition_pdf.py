"""PDFs of the competitions, read back as text: the offer on the template made at submission (checksum printed,
attached to the confirmation mail caught by a local SMTP server, made again with the new checksum after a correction; downloadable by the applicant, the staff and the committee
members allowed to see it, never by others) and the protocol of the committee (members, exclusions, formal
results, scores with justifications, proposals; staff only)."""

from datetime import timedelta
from ezabrze.ngo.competitions import committee
from ezabrze.ngo.competitions import evaluation
from ezabrze.ngo.competitions import offers
from ezabrze.ngo.competitions.setup import folder
from ezabrze.ngo.testing import make_call
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import offer_fields
from ezabrze.ngo.testing import PASSWORD
from ezabrze.policy.testing.pdf import pdf_text
from ezabrze.policy.testing.smtp import SMTPSink
from plone import api

import pytest
import re
import requests
import time
import transaction


DEADLINE = NOW + timedelta(days=21)
CHECKLIST = {key: True for key, _title in evaluation.FORMAL_ITEMS}


def flat(text):
    return re.sub(r"\s+", "", text)


@pytest.fixture
def site(functional_portal, frozen):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    with SMTPSink() as smtp:
        mailhost = api.portal.get_tool("MailHost")
        mailhost.smtp_host, mailhost.smtp_port = smtp.host, smtp.port
        api.portal.set_registry_record("plone.smtp_host", smtp.host)
        api.portal.set_registry_record("plone.smtp_port", smtp.port)
        api.portal.set_registry_record("plone.email_from_address", "e-zabrze@um.zabrze.pl")
        setRoles(functional_portal, TEST_USER_ID, ["Manager"])
        login(functional_portal, TEST_USER_NAME)
        with api.env.adopt_roles(["Manager"]):
            world = make_personas(functional_portal)
            call = make_call(folder(), DEADLINE, id_="sport")
        a = offers.create(call, "rep_a", world["org_a"], "Sport dla dzieci z Mikulczyc", **offer_fields())
        b = offers.create(call, "rep_b", world["org_b"], "Liga podwórkowa", **offer_fields(grant="4000",
                                                                                            other="2000"))
        transaction.commit()
        yield functional_portal, world, call, a, b, smtp


def session(user=None):
    s = requests.Session()
    if user:
        s.auth = (user, PASSWORD)
    return s


def test_offer_pdf_made_at_submission(site, frozen):
    portal, world, call, a, b, sink = site
    assert a.pdf is None
    assert session("rep_a").get(f"{a.absolute_url()}/@@oferta.pdf").status_code == 404
    offers.submit(a, "rep_a")
    transaction.commit()
    # the confirmation mail carries the same PDF
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not [m for m in sink.messages if m["To"] == "rep_a@example.org"]:
        time.sleep(0.2)
    message = [m for m in sink.messages if m["To"] == "rep_a@example.org"][0]
    attachments = [part for part in message.iter_attachments() if part.get_content_type() == "application/pdf"]
    assert len(attachments) == 1 and attachments[0].get_filename() == f"oferta-{a.getId()}.pdf"
    assert a.checksum in flat(pdf_text(attachments[0].get_content()))
    text = pdf_text(a.pdf.data)
    assert "Oferta realizacji zadania publicznego" in text
    assert "Sport dla dzieci z Mikulczyc" in text and "Stowarzyszenie A" in text
    assert a.checksum in flat(text)
    assert "Wynagrodzenietrenera" in flat(text) and "6000,00" in flat(text)  # the row and its total
    assert "Zajęciasportowedladzieci." in flat(text)
    response = session("rep_a").get(f"{a.absolute_url()}/@@oferta.pdf")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    assert a.checksum in flat(pdf_text(response.content))
    assert session("editor").get(f"{a.absolute_url()}/@@oferta.pdf").status_code == 200
    for who in (None, "rep_b", "resident", "staff"):
        response = session(who).get(f"{a.absolute_url()}/@@oferta.pdf", allow_redirects=False)
        assert response.status_code in (302, 401, 403, 404), who
        assert not response.content.startswith(b"%PDF")
    # a correction: a new checksum, a new PDF
    frozen.set(DEADLINE)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(call, transition="start_formal")
        offers.request_correction(a, ["schedule"], DEADLINE + timedelta(days=7))
    old = a.checksum
    offers.correct(a, "rep_a", {"schedule": "Harmonogram poprawiony: marzec-listopad."})
    transaction.commit()
    text = pdf_text(a.pdf.data)
    assert a.checksum != old and a.checksum in flat(text) and old not in flat(text)
    assert "Harmonogrampoprawiony" in flat(text)


def test_committee_protocol_pdf(site, frozen):
    portal, world, call, a, b, _sink = site
    offers.submit(a, "rep_a")
    offers.submit(b, "rep_b")
    with api.env.adopt_roles(["Manager"]):
        committee.add_member(call, "staff")
        committee.add_member(call, "moderator")
        committee.add_member(call, "resident", committee.NGO, world["org_b"].UID())
        frozen.set(DEADLINE)
        api.content.transition(call, transition="start_formal")
        committee.sign_declaration(call, "staff", [], True)
        committee.sign_declaration(call, "moderator", [b.organization_uid], True)
        evaluation.set_formal(a, CHECKLIST, "correct")
        evaluation.set_formal(b, CHECKLIST, "correct")
        api.content.transition(call, transition="start_merit")
    evaluation.score(a, "staff", {"c1": {"points": 9, "justification": "Bardzo dobra oferta."},
                                  "c2": {"points": 4, "justification": "Koszty realne."}})
    evaluation.score(a, "moderator", {"c1": {"points": 7, "justification": "Dobra oferta."},
                                      "c2": {"points": 5, "justification": "Koszty bez zastrzeżeń."}})
    evaluation.score(b, "staff", {"c1": {"points": 6, "justification": "Poprawna."},
                                  "c2": {"points": 3, "justification": "Koszty zawyżone."}})
    with api.env.adopt_roles(["Manager"]):
        evaluation.propose(call, {a.getId(): "5000", b.getId(): "3000"})
    transaction.commit()
    url = f"{call.absolute_url()}/@@protokol.pdf"
    for who in (None, "rep_a", "staff", "resident"):
        response = session(who).get(url, allow_redirects=False)
        assert response.status_code in (302, 401, 403), who
    response = session("editor").get(url)
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Protokół z prac komisji konkursowej" in text
    assert all(name in text for name in ("Staff", "Moderator", "Resident"))
    text = flat(text)
    assert "Konfliktinteresówz:FundacjaB" in text
    assert "Wyłączonyzkonkursu" in text
    assert "Bardzodobraoferta." in text and "Kosztyzawyżone." in text
    assert "Poprawnaformalnie" in text
    assert "5000,00" in text and "8000,00" in text  # a proposal and the total of the proposals
