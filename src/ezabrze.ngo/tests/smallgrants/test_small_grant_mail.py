"""Submitting a small grant offer sends, after the commit, a confirmation to the representative and a notice to
the City Hall's mailbox, delivered to a real local SMTP server (aiosmtpd); a refused submission sends nothing."""

from ezabrze.ngo.smallgrants.setup import folder
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import PASSWORD
from ezabrze.policy.testing.smtp import SMTPSink
from plone import api

import pytest
import requests
import time
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
OFFICE = "e-zabrze@um.zabrze.pl"
FIELDS = {
    "contact_person": "Jan Kowalski",
    "task_start": "2027-11-02",
    "task_end": "2027-11-30",
    "task_description": "Warsztaty dla seniorów.",
    "task_place": "Zabrze, klub seniora",
    "expected_results": "40 uczestników.",
    "costs": [{"cost_type": "Prowadzący", "unit": "godzina", "unit_cost": "100", "units": "40",
               "from_grant": "3600", "other": "400"}],
    "statements": ["non_profit", "no_arrears", "data_true", "personal_data"],
}


def wait_for(sink, to, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [m for m in list(sink.messages) if m["To"] == to]
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"no message to {to}: {[m['To'] for m in sink.messages]}")


@pytest.fixture
def site(functional_portal, frozen):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    login(functional_portal, TEST_USER_NAME)
    with api.env.adopt_roles(["Manager"]):
        make_personas(functional_portal)
        section = folder()
    with SMTPSink() as smtp:
        mailhost = api.portal.get_tool("MailHost")
        mailhost.smtp_host, mailhost.smtp_port = smtp.host, smtp.port
        api.portal.set_registry_record("plone.smtp_host", smtp.host)
        api.portal.set_registry_record("plone.smtp_port", smtp.port)
        api.portal.set_registry_record("plone.email_from_address", OFFICE)
        transaction.commit()
        yield section, smtp


def body(msg):
    return msg.get_body(preferencelist=("plain",)).get_content()


def test_confirmation_and_staff_notice_over_smtp(site, frozen):
    section, sink = site
    rep_a = requests.Session()
    rep_a.auth = ("rep_a", PASSWORD)
    url = f"{section.absolute_url()}/@small-grants"
    item_url = rep_a.post(url, json=dict(FIELDS, title="Warsztaty", task_start="2027-10-05"),
                          headers=JSON).json()["@id"]
    response = rep_a.post(f"{item_url}/@small-grant/submit", json={}, headers=JSON)
    assert response.status_code == 400 and "najwcześniej 20.10.2027" in response.json()["error"]["message"]
    time.sleep(1)
    assert list(sink.messages) == []  # a refused submission sends nothing

    rep_a.post(f"{item_url}/@small-grant/update", json={"fields": {"task_start": "2027-11-02"}}, headers=JSON)
    assert rep_a.post(f"{item_url}/@small-grant/submit", json={}, headers=JSON).json()["state"] == "submitted"
    [confirmation] = wait_for(sink, "rep_a@example.org")
    assert confirmation["Subject"] == "Złożono ofertę w trybie małego grantu: Warsztaty"
    text = body(confirmation)
    assert "„Warsztaty” organizacji Stowarzyszenie A (3600.00 zł) wpłynęła 01.10.2027 14:00:00" in text
    assert item_url in text
    [notice] = wait_for(sink, OFFICE)
    assert notice["Subject"] == "Nowa oferta w trybie małego grantu: Warsztaty"
    assert "w ciągu 7 dni roboczych: " + item_url in body(notice)
    assert len(sink.messages) == 2
