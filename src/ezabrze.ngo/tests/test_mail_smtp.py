"""E-mails delivered to a real local SMTP server (aiosmtpd): the representative's confirmation link (then used
without login), a follower's notice with its unsubscribe link, and the author's answer e-mail (over 1000 bytes: it
must travel with CRLF line ends, see ezabrze.ngo.mail)."""

from datetime import timedelta
from ezabrze.ngo.consultations import notifications
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.setup import folder
from ezabrze.ngo.testing import make_consultation
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import PASSWORD
from ezabrze.policy.testing.smtp import SMTPSink
from plone import api

import html
import pytest
import re
import requests
import time
import transaction


AUTH_RE = re.compile(r'name="_authenticator" value="([^"]+)"')
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def wait_for(sink, to, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [m for m in list(sink.messages) if m["To"] == to]
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"no message to {to}: {[m['To'] for m in sink.messages]}")


def post_form(session, page_url, action_url, **data):
    page = session.get(page_url)
    data["_authenticator"] = html.unescape(AUTH_RE.search(page.text).group(1))
    return session.post(action_url, data=data)


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


def test_mails_over_smtp(functional_portal, sink, frozen):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    login(functional_portal, TEST_USER_NAME)
    world = make_personas(functional_portal)
    world["org_b"].email = "fundacja-b@example.org"
    consultation = make_consultation(folder(), NOW + timedelta(hours=1), NOW + timedelta(days=8), areas=["sport"])
    api.user.create(email="nowy@example.org", username="nowy", password=PASSWORD, roles=["Member"])
    transaction.commit()

    # 1. registration: the confirmation link arrives and works without login
    org_url = world["org_a"].absolute_url()
    session = requests.Session()
    session.auth = ("nowy", PASSWORD)
    response = post_form(session, f"{org_url}/@@zostan-przedstawicielem", f"{org_url}/@@zostan-przedstawicielem",
                         fullname="Jan Nowy", function="członek zarządu", rodo="1")
    assert response.status_code == 200
    message = wait_for(sink, "nowy@example.org")[0]
    link = re.search(r"(http\S+@@potwierdz-reprezentacje\?token=\S+)", message.get_content()).group(1)
    anonymous = requests.Session()
    response = post_form(anonymous, link, f"{org_url}/@@potwierdz-reprezentacje",
                         token=link.split("token=")[1])
    assert response.status_code == 200 and "potwierdzony" in response.text

    # 2. a follower is told that the consultation opened; the unsubscribe link works without login
    transaction.begin()
    notifications.subscribe(world["org_b"], ["sport"], notifications.IMMEDIATE)
    frozen.set(NOW + timedelta(hours=2))
    with api.env.adopt_roles(["Manager"]):
        state.sync()
    transaction.commit()
    notice = wait_for(sink, "fundacja-b@example.org")[0]
    assert "rozpoczęły się" in notice.get_content()
    unsubscribe = re.search(r"(http\S+@@wypisz-powiadomienia\?token=\S+)", notice.get_content()).group(1)
    portal_url = functional_portal.absolute_url()
    response = post_form(anonymous, unsubscribe, f"{portal_url}/@@wypisz-powiadomienia",
                         token=unsubscribe.split("token=")[1])
    assert response.status_code == 200
    transaction.begin()
    assert len(notifications.subscriptions()) == 0

    # 3. the author of an answered remark gets the answer
    url = consultation.absolute_url()
    rep_a = requests.Session()
    rep_a.auth = ("rep_a", PASSWORD)
    remark = rep_a.post(f"{url}/@remarks", headers=JSON, json={"unit_id": "par-1", "justification": "Uwaga."})
    assert remark.status_code == 201
    staff = requests.Session()
    staff.auth = ("staff", PASSWORD)
    staff.post(f"{url}/@remarks/{remark.json()['id']}/answer", headers=JSON,
               json={"verdict": "accepted", "reasoning": "Uwzględniamy. " + "Długie uzasadnienie. " * 80})
    staff.post(f"{url}/@remarks/publish-answers", headers=JSON, json={})
    answer = wait_for(sink, "rep_a@example.org")[0]
    assert "Uwzględniamy." in answer.get_content() and "@@wypisz-powiadomienia?u=rep_a" in answer.get_content()
