"""Keyboard only: a representative of an NGO logs in and posts a remark to one fragment of the open demo
consultation using Tab, typing and Enter (no mouse, no clicks).

Set-up over HTTP as the administrator of the test instance: a new account, its registration as a representative
(page form), the confirmation link from the e-mail caught by a local SMTP server, the verification by an editor."""

from pathlib import Path

import html
import importlib.util
import pytest
import re
import requests
import sys
import time


ROOT = Path(__file__).resolve().parents[2]
USER = ("przedstawiciel-klawiatura", "Klawiatura-2027!")
ORG = "organizacje-pozarzadowe/organizacje/stowarzyszenie-przyjaciol-zabrza"
CONSULTATION = "organizacje-pozarzadowe/konsultacje/program-wspolpracy-2027"
AUTH_RE = re.compile(r'name="_authenticator" value="([^"]+)"')
REMARK = "Proponujemy 6 000 000 zł, bo rośnie liczba zadań zlecanych organizacjom."


def _load(name, path):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


# The Zope root user of this checkout (random password, var/secrets.cfg), as tests/server.py reads it.
ADMIN = _load("ezabrze_acceptance_server", ROOT / "tests" / "server.py").ADMIN


def post_form(session, page_url, action_url, **data):
    page = session.get(page_url, timeout=60)
    assert page.status_code == 200, page_url
    data["_authenticator"] = html.unescape(AUTH_RE.search(page.text).group(1))
    response = session.post(action_url, data=data, timeout=60)
    assert response.status_code == 200, (action_url, response.status_code)
    return response


@pytest.fixture(scope="module")
def representative(server):
    smtp = _load("ezabrze_cases_testing", ROOT / "src/ezabrze.policy/src/ezabrze/policy/testing/smtp.py")
    with smtp.SMTPSink() as sink:
        admin = requests.Session()
        admin.auth = ADMIN
        admin.patch(f"{server}/@registry", json={"plone.smtp_host": sink.host, "plone.smtp_port": sink.port},
                    headers={"Accept": "application/json"}, timeout=60).raise_for_status()
        response = admin.post(f"{server}/@users", headers={"Accept": "application/json"}, timeout=60, json={
            "username": USER[0], "email": "klawiatura@example.org", "password": USER[1],
            "fullname": "Przedstawiciel Klawiatura"})
        assert response.status_code == 201, response.text
        user = requests.Session()
        user.auth = USER
        post_form(user, f"{server}/{ORG}/@@zostan-przedstawicielem", f"{server}/{ORG}/@@zostan-przedstawicielem",
                  fullname="Przedstawiciel Klawiatura", function="prezes", rodo="1")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not [m for m in sink.messages if m["To"] == "klawiatura@example.org"]:
            time.sleep(0.2)
        message = [m for m in sink.messages if m["To"] == "klawiatura@example.org"][0]
        token = re.search(r"@@potwierdz-reprezentacje\?token=(\S+)", message.get_content()).group(1)
        post_form(requests.Session(), f"{server}/{ORG}/@@potwierdz-reprezentacje?token={token}",
                  f"{server}/{ORG}/@@potwierdz-reprezentacje", token=token)
        post_form(admin, f"{server}/{ORG}/@@przedstawiciele", f"{server}/{ORG}/@@przedstawiciele",
                  userid=USER[0], action="verify")
    return USER


def tab_to(browser, predicate, limit=400, backwards=False):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        if browser.execute_script(f"const e = document.activeElement; return !!(e && ({predicate}));"):
            return
        if backwards:
            ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        else:
            ActionChains(browser).send_keys(Keys.TAB).perform()
    raise AssertionError(f"Tab never reached an element where {predicate}")


def type_keys(browser, text):
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(text).perform()


def press(browser, key):
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(key).perform()


def test_representative_posts_a_remark_with_the_keyboard_only(server, browser, representative, screenshot_dir):
    from selenium.webdriver.common.keys import Keys

    browser.delete_all_cookies()
    browser.get(f"{server}/login")
    tab_to(browser, "e.name === '__ac_name'")
    type_keys(browser, representative[0])
    tab_to(browser, "e.name === '__ac_password'")
    type_keys(browser, representative[1])
    press(browser, Keys.ENTER)
    time.sleep(2)
    browser.get(f"{server}/{CONSULTATION}")
    tab_to(browser, "e.tagName === 'A' && (e.getAttribute('href') || '').endsWith('@@zglos-uwage?unit=par-5')")
    assert "Zgłoś uwagę do tego fragmentu" in browser.execute_script("return document.activeElement.textContent")
    press(browser, Keys.ENTER)
    time.sleep(1)
    assert "@@zglos-uwage" in browser.current_url
    assert browser.execute_script("return document.getElementById('remark-unit').value") == "par-5"
    tab_to(browser, "e.id === 'remark-proposed'")
    type_keys(browser, "Na realizację programu przeznacza się kwotę 6 000 000 zł.")
    tab_to(browser, "e.id === 'remark-justification'")
    type_keys(browser, REMARK)
    tab_to(browser, "e.type === 'submit' && e.form && e.form.id === 'remark-form'")
    press(browser, Keys.ENTER)
    time.sleep(2)
    browser.save_screenshot(str(screenshot_dir / "ngo-keyboard-remark.png"))
    assert "@@uwagi" in browser.current_url
    page = browser.page_source
    assert REMARK in page and "Stowarzyszenie Przyjaciół Zabrza" in page
    assert "<ins>6</ins>" in page.replace("\n", "") or "6 000 000" in page
