"""Citizen forms and cases end to end over real HTTP: a resident submits a form, receives the e-mail on a real local SMTP
server (aiosmtpd), tracks the case without logging in (page and REST), and sees it answered by staff."""

from pathlib import Path

import html
import pytest
import re
import requests
import support
import time


pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
JSON = {"Accept": "application/json"}
RESIDENT = "mieszkanka.zabrze@example.org"




# The Zope root user's random password (var/secrets.cfg, see scripts/admin_secrets.py).
ADMIN = support.server_lib().ADMIN


STATUS_LIMIT = "ezabrze.policy.cases.status_failures_allowed"


@pytest.fixture(scope="module", autouse=True)
def status_tries_not_throttled(server, admin_auth):
    """Earlier modules (the fuzzer, the headless client) send many wrong status queries from this same address;
    the per-client limit is raised for this module (its own throttling test is in the package tests) and restored."""
    registry = f"{server}/@registry"
    before = requests.get(f"{registry}/{STATUS_LIMIT}", auth=admin_auth, headers=JSON, timeout=60).json()
    requests.patch(registry, json={STATUS_LIMIT: 10000}, auth=admin_auth, headers=JSON, timeout=60).raise_for_status()
    yield
    requests.patch(registry, json={STATUS_LIMIT: before}, auth=admin_auth, headers=JSON, timeout=60).raise_for_status()


@pytest.fixture(scope="module")
def load():
    """tests/load/submissions.py: the form's address and token pattern, the site's mail settings."""
    return support.load_module("ezabrze_load_submissions", ROOT / "tests" / "load" / "submissions.py")


@pytest.fixture(scope="module")
def smtp(server, load):
    sink = support.smtp_lib().SMTPSink().start()
    load.configure_site(server, ADMIN, smtp_port=sink.port, limit=0)
    yield sink
    sink.stop()


def _wait_for(sink, predicate, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [m for m in list(sink.messages) if predicate(m)]
        if found:
            return found
        time.sleep(0.2)
    subjects = [m["Subject"] for m in sink.messages]
    raise AssertionError(f"no such message within {timeout}s; received: {subjects}")


@pytest.fixture(scope="module")
def submitted(server, smtp, load):
    form_url = f"{server}/{load.FORM_PATH}"
    session = requests.Session()
    page = session.get(form_url, timeout=60)
    assert page.status_code == 200
    token = load.AUTH_RE.search(page.text)
    response = session.post(
        form_url,
        data={
            "form.widgets.category:list": "drogi-i-chodniki",
            "form.widgets.category-empty-marker": "1",
            "form.widgets.description": "Dziura w jezdni przed wejściem do szkoły, głęboka na kilkanaście centymetrów.",
            "form.widgets.address": "ul. Wolności 286, Zabrze",
            "form.widgets.email": RESIDENT,
            "form.buttons.submit": "Wyślij zgłoszenie",
            "_authenticator": html.unescape(token.group(1) or token.group(2)) if token else "",
            "protected_1": "",
        },
        timeout=120,
    )
    assert response.status_code == 200
    sign = re.search(r'id="case-sign"[^>]*>\s*(ZAB/\d{4}/\d{6})\s*<', response.text).group(1)
    code = html.unescape(re.search(r'id="case-code"[^>]*>([^<]+)<', response.text).group(1)).strip()
    return sign, code


def _status(server, sign, code):
    return requests.post(f"{server}/@case-status", json={"sign": sign, "code": code}, headers=JSON, timeout=60)


def test_confirmation_mail_to_the_resident(smtp, submitted):
    sign, code = submitted
    [mail] = _wait_for(smtp, lambda m: m["To"] == RESIDENT and sign in m["Subject"])
    assert mail["Subject"] == f"Potwierdzenie zgłoszenia: sprawa {sign}"
    body = mail.get_body(preferencelist=("plain",)).get_content()
    assert sign in body and code in body


def test_unit_is_notified(smtp, submitted):
    sign, _ = submitted
    [mail] = _wait_for(smtp, lambda m: m["Subject"].startswith(f"Nowa sprawa {sign}"))
    assert mail["To"] and mail["To"] != RESIDENT


def test_status_over_rest_without_login(server, submitted):
    sign, code = submitted
    response = _status(server, sign, code)
    assert response.status_code == 200
    assert response.json()["sign"] == sign and response.json()["state"] == "registered"


def test_wrong_code_and_unknown_sign_reveal_nothing(server, submitted):
    sign, code = submitted
    wrong = _status(server, sign, code[:-1] + ("A" if code[-1] != "A" else "B"))
    unknown = _status(server, sign[:-6] + "999999", code)
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()
    assert "ZAB/" not in wrong.text


def test_status_page_without_login(server, submitted):
    sign, code = submitted
    page = requests.post(
        f"{server}/@@status-sprawy", data={"sign": sign, "code": code, "form.submitted": "1"}, timeout=60
    )
    assert page.status_code == 200
    assert sign in page.text and "Zarejestrowana" in page.text


def _case_url(server, sign):
    found = requests.get(
        f"{server}/@search", params={"portal_type": "Case", "case_sign": sign, "metadata_fields": "case_sign"},
        auth=ADMIN, headers=JSON, timeout=60,
    ).json()["items"]
    [item] = [i for i in found if i["case_sign"] == sign]
    return item["@id"]


def _transition(server, sign, transition, comment, public):
    session = requests.Session()
    session.auth = ADMIN
    url = _case_url(server, sign)
    page = session.get(f"{url}/@@view", timeout=60)
    token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_authenticator"', page.text)
    data = {"transition": transition, "comment": comment, "_authenticator": token.group(1) or token.group(2)}
    if public:
        data["public"] = "1"
    response = session.post(f"{url}/@@view", data=data, timeout=60)
    assert response.status_code == 200


def test_staff_work_the_case_and_the_resident_sees_it_answered(server, smtp, submitted):
    sign, code = submitted
    _transition(server, sign, "assign", "Notatka wewnętrzna: przekazano brygadzie drogowej.", public=False)
    _transition(server, sign, "start", "Rozpoczęliśmy naprawę.", public=True)
    _transition(server, sign, "answer", "Ubytek w jezdni naprawiono 26 listopada.", public=True)

    status = _status(server, sign, code).json()
    assert status["state"] == "answered"
    shown = " ".join(str(entry) for entry in status["history"])
    assert "naprawiono 26 listopada" in shown
    assert "Notatka wewnętrzna" not in shown  # a comment not marked public stays internal

    answered = _wait_for(smtp, lambda m: m["To"] == RESIDENT and m["Subject"].startswith(f"Sprawa {sign}"))
    bodies = " ".join(m.get_body(preferencelist=("plain",)).get_content() for m in answered)
    assert "naprawiono 26 listopada" in bodies
    assert "Notatka wewnętrzna" not in bodies
