"""Keyboard only: a representative of an NGO logs in and posts a remark to one fragment of the open demo
consultation using Tab, typing and Enter (no mouse, no clicks).

Set-up over HTTP as the administrator of the test instance: a new account, its registration as a representative
(page form), the confirmation link from the e-mail caught by a local SMTP server, the verification by an editor."""


import keyboard  # tests/browser/keyboard.py (tests/browser/conftest.py puts it on sys.path)
import pytest
import time


USER = ("przedstawiciel-klawiatura", "Klawiatura-2027!")
ORG = "organizacje-pozarzadowe/organizacje/stowarzyszenie-przyjaciol-zabrza"
CONSULTATION = "organizacje-pozarzadowe/konsultacje/program-wspolpracy-2027"
REMARK = "Proponujemy 6 000 000 zł, bo rośnie liczba zadań zlecanych organizacjom."



tab_to, type_keys, press = keyboard.tab_to, keyboard.type_keys, keyboard.press


@pytest.fixture(scope="module")
def representative(server):
    return keyboard.verified_representative(server, ORG, USER, "klawiatura@example.org", "Przedstawiciel Klawiatura")


def test_representative_posts_a_remark_with_the_keyboard_only(server, browser, representative, screenshot_dir):
    from selenium.webdriver.common.keys import Keys

    keyboard.login(browser, server, representative)
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
