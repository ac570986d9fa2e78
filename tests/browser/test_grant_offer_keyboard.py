"""Keyboard only: a verified representative of an NGO starts an offer in the announced demo competition, fills in
the official template (texts, dates, a cost row, the statements) and submits it using Tab, typing, Space and
Enter (no mouse, no clicks); the offer page then shows its checksum and the PDF made at submission. The pages the
representative and the staff use (the offer form and the offer, the formal evaluation, the committee, the
ranking, the small grants) pass axe-core like the public pages of test_accessibility.py.

Set-up over HTTP as the administrator of the test instance (the same steps as test_ngo_keyboard.py: an account,
its registration as a representative, the e-mailed confirmation link, the verification)."""

from pathlib import Path

import keyboard  # tests/browser/keyboard.py (tests/browser/conftest.py puts it on sys.path)
import pytest
import re
import requests
import support
import time


pytestmark = [pytest.mark.server, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
USER = ("oferent-klawiatura", "Oferent-Klawiatura-2027!")
ORG = "organizacje-pozarzadowe/organizacje/uczniowski-klub-sportowy-delfin-zabrze"
CALL = "organizacje-pozarzadowe/konkursy/sport-dzieci-i-mlodziezy-2027"
FINISHED = "organizacje-pozarzadowe/konkursy/kultura-i-tradycja-2026"
TITLE = "Pływanie dla dzieci z Zaborza"



ADMIN = keyboard.ADMIN
accessibility = support.accessibility_checks()
tab_to, type_keys, press, post_form, login = (
    keyboard.tab_to, keyboard.type_keys, keyboard.press, keyboard.post_form, keyboard.login)


@pytest.fixture(scope="module")
def applicant(server):
    return keyboard.verified_representative(server, ORG, USER, "oferent@example.org", "Oferent Klawiatura")


def type_date(browser, element_id, iso):
    """Type a date into a focused <input type=date> with the keyboard, in the order of the browser's locale."""
    from selenium.webdriver.common.keys import Keys

    year, month, day = iso.split("-")
    for order in ((day, month, year), (month, day, year), (year, month, day)):
        tab_to(browser, f"e.id === '{element_id}'")
        for _ in range(3):  # back to the first segment
            press(browser, Keys.ARROW_LEFT)
        type_keys(browser, "".join(order))
        if browser.execute_script(f"return document.getElementById('{element_id}').value") == iso:
            return
    raise AssertionError(f"could not type {iso} into #{element_id}")


def run_axe_without_toolbar(browser):
    """axe-core on the page without Plone's own editing toolbar (shown to logged-in users; its collapse link
    carries an aria-label axe refuses — an upstream matter, not these pages')."""
    browser.execute_script(accessibility._axe_source())
    result = browser.execute_async_script(
        """
        const tags = arguments[0];
        const done = arguments[arguments.length - 1];
        const context = {exclude: [['#edit-zone'], ['#edit-bar']]};
        axe.run(context, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
            .then(results => done({violations: results.violations}))
            .catch(error => done({error: String(error && error.stack || error)}));
        """,
        list(accessibility.WCAG_TAGS),
    )
    if "error" in result:
        raise RuntimeError(f"axe.run failed: {result['error']}")
    return result["violations"]


def no_serious_violations(browser):
    violations = run_axe_without_toolbar(browser)
    blocking = [v for v in violations if v["impact"] in accessibility.BLOCKING_IMPACTS]
    assert not blocking, f"{browser.current_url}:\n{accessibility.format_violations(blocking)}"


def test_applicant_submits_an_offer_with_the_keyboard_only(server, browser, applicant, screenshot_dir):
    from selenium.webdriver.common.keys import Keys

    login(browser, server, applicant)
    browser.get(f"{server}/{CALL}")
    tab_to(browser, "e.id === 'offer-title'")
    type_keys(browser, TITLE)
    press(browser, Keys.ENTER)
    time.sleep(2)
    assert "@@formularz-oferty" in browser.current_url
    no_serious_violations(browser)
    texts = {
        "f-contact_person": "Jan Delfin, 600 200 300",
        "f-task_description": "Nauka pływania dla 40 dzieci z Zaborza.",
        "f-task_place": "Zabrze, kryta pływalnia",
        "f-schedule": "Marzec-listopad 2027: dwa razy w tygodniu.",
        "f-expected_results": "40 dzieci umie pływać (karta pływacka).",
        "f-resources": "Dwóch instruktorów, sprzęt klubu.",
        "f-experience": "Od 2010 r. szkolimy dzieci w pływaniu.",
    }
    for element_id, text in texts.items():
        tab_to(browser, f"e.id === '{element_id}'")
        type_keys(browser, text)
    type_date(browser, "f-task_start", "2027-03-01")
    type_date(browser, "f-task_end", "2027-11-30")
    row = {"cost_type": "Wynajem toru", "unit": "godzina", "unit_cost": "100", "units": "100",
           "from_grant": "9000", "other": "1000"}
    for name, value in row.items():
        tab_to(browser, f"e.name === '{name}:list'")
        type_keys(browser, value)
    for statement in ("non_profit", "no_arrears", "data_true", "personal_data"):
        tab_to(browser, f"e.id === 'st-{statement}'")
        press(browser, Keys.SPACE)
    tab_to(browser, "e.name === 'submit_offer'")
    press(browser, Keys.ENTER)
    time.sleep(3)
    browser.save_screenshot(str(screenshot_dir / "grant-offer-keyboard.png"))
    page = browser.page_source
    assert "@@formularz-oferty" not in browser.current_url, browser.find_element("css selector", "#offer-error").text
    assert TITLE in page and "Złożona" in page
    checksum = browser.find_element("css selector", ".offer-checksum code").text
    assert re.fullmatch(r"[0-9a-f]{64}", checksum)
    no_serious_violations(browser)
    # the PDF made at submission, for the applicant
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    response = requests.get(f"{browser.current_url.split('?')[0]}/@@oferta.pdf", cookies=cookies, timeout=60)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


STAFF_PAGES = [
    f"{FINISHED}/@@ocena-formalna",
    f"{FINISHED}/@@komisja",
    f"{FINISHED}/@@ranking",
    "organizacje-pozarzadowe/male-granty",
    "organizacje-pozarzadowe/male-granty/piknik-rodzinny-na-grzybowicach",
]


def test_staff_pages_pass_axe(server, browser):
    login(browser, server, ADMIN)
    for path in STAFF_PAGES:
        accessibility.open_page(browser, server, path)
        assert "Zaloguj" not in browser.title, path
        no_serious_violations(browser)
    # the formal evaluation of one offer of the finished call
    accessibility.open_page(browser, server, f"{FINISHED}/@@ocena-formalna")
    link = browser.execute_script(
        "return Array.from(document.querySelectorAll('a')).map(a => a.href).find(h => h.endsWith('/@@ocena-formalna')"
        " && !h.endsWith('kultura-i-tradycja-2026/@@ocena-formalna'))")
    assert link
    browser.get(link)
    no_serious_violations(browser)


def test_cost_table_of_the_edit_form_with_the_keyboard(server, browser, applicant, screenshot_dir):
    """The editable cost table (collective.z3cform.datagridfield) of a small-grant draft: a row is added with the
    row's "add" button and filled in with Tab and typing, the form saved with Enter; every cell is named."""
    from selenium.webdriver.common.keys import Keys

    rest = requests.Session()
    rest.auth = applicant
    response = rest.post(f"{server}/organizacje-pozarzadowe/male-granty/@small-grants", timeout=60,
                         headers={"Accept": "application/json", "Content-Type": "application/json"},
                         json={"title": "Turniej szachowy", "contact_person": "Jan Goniec",
                               "task_start": "2027-06-01", "task_end": "2027-06-30",
                               "task_description": "Turniej szachowy dla dzieci.", "task_place": "Zabrze, MDK",
                               "expected_results": "60 uczestników.", "costs": [
                             {"cost_type": "Nagrody", "unit": "zestaw", "unit_cost": "50", "units": "20",
                              "from_grant": "900", "other": "100", "year": None}]})
    assert response.status_code == 201, response.text
    item_url = response.json()["@id"]
    login(browser, server, applicant)
    browser.get(f"{item_url}/edit")
    time.sleep(2)
    no_serious_violations(browser)
    unnamed = browser.execute_script(
        "return Array.from(document.querySelectorAll('input[name^=\"form.widgets.costs.\"]'))"
        ".filter(e => e.type !== 'hidden' && !e.title && !e.labels.length).map(e => e.name)")
    assert unnamed == []
    tab_to(browser, "e.classList.contains('dgf--row-add')")
    press(browser, Keys.ENTER)
    time.sleep(1)
    row = {"cost_type": "Wynajem sali", "unit": "dzień", "unit_cost": "400", "units": "2", "from_grant": "700",
           "other": "100"}
    for name, value in row.items():
        tab_to(browser, f"(e.name || '').endsWith('.widgets.{name}') && !e.value")
        type_keys(browser, value)
    # Enter in a text field submits the form with its first submit button: "Zapisz" (implicit submission)
    assert browser.execute_script("return document.activeElement.form.querySelector('[type=submit]').name") == \
        "form.buttons.save"
    press(browser, Keys.ENTER)
    time.sleep(3)
    browser.save_screenshot(str(screenshot_dir / "small-grant-cost-table-keyboard.png"))
    data = rest.get(f"{item_url}/@small-grant", headers={"Accept": "application/json"}, timeout=60).json()
    assert [r["cost_type"] for r in data["costs"]] == ["Nagrody", "Wynajem sali"], data["costs"]
    assert data["requested"] == "1600.00"


ROW_OF = "(e.closest('tr') || {querySelector: () => null}).querySelector('input[name$=\".widgets.cost_type\"]')"


def cost_types(browser):
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('tbody.datagridwidget-body input[name$=\".widgets.cost_type\"]'))"
        ".filter(e => !e.closest('tr').classList.contains('datagridwidget-empty-row')"
        " && !(e.closest('tr').dataset || {}).templateRow).map(e => e.value).filter(v => v)")


def test_cost_table_rows_moved_and_deleted_with_the_keyboard(server, browser, applicant, screenshot_dir):
    """The row buttons of the editable cost table work from the keyboard: Tab to a row's "move down" button and
    Enter moves the row, Tab to another row's "delete" button and Space removes it; saved with Enter on "Zapisz",
    the offer keeps the new order and the remaining rows (and the requested grant follows)."""
    from selenium.webdriver.common.keys import Keys

    rest = requests.Session()
    rest.auth = applicant
    rows = [
        {"cost_type": "Nagrody", "unit": "zestaw", "unit_cost": "50", "units": "20", "from_grant": "900",
         "other": "100", "year": None},
        {"cost_type": "Sędzia", "unit": "dzień", "unit_cost": "300", "units": "2", "from_grant": "600", "other": "0",
         "year": None},
        {"cost_type": "Plakaty", "unit": "sztuka", "unit_cost": "10", "units": "30", "from_grant": "300",
         "other": "0", "year": None},
    ]
    response = rest.post(f"{server}/organizacje-pozarzadowe/male-granty/@small-grants", timeout=60,
                         headers={"Accept": "application/json", "Content-Type": "application/json"},
                         json={"title": "Turniej warcabowy", "contact_person": "Jan Pionek",
                               "task_start": "2027-06-01", "task_end": "2027-06-30",
                               "task_description": "Turniej warcabowy dla dzieci.", "task_place": "Zabrze, MDK",
                               "expected_results": "40 uczestników.", "costs": rows})
    assert response.status_code == 201, response.text
    item_url = response.json()["@id"]
    assert response.json()["requested"] == "1800.00"
    login(browser, server, applicant)
    browser.get(f"{item_url}/edit")
    time.sleep(2)
    assert cost_types(browser) == ["Nagrody", "Sędzia", "Plakaty"]
    tab_to(browser, f"e.classList.contains('dgf--row-movedown') && {ROW_OF}.value === 'Nagrody'")
    press(browser, Keys.ENTER)
    time.sleep(1)
    assert cost_types(browser) == ["Sędzia", "Nagrody", "Plakaty"]
    tab_to(browser, f"e.classList.contains('dgf--row-delete') && {ROW_OF}.value === 'Plakaty'")
    press(browser, Keys.SPACE)
    time.sleep(1)
    assert cost_types(browser) == ["Sędzia", "Nagrody"]
    tab_to(browser, "e.name === 'form.buttons.save'")
    press(browser, Keys.ENTER)
    time.sleep(3)
    browser.save_screenshot(str(screenshot_dir / "small-grant-cost-table-move-delete.png"))
    data = rest.get(f"{item_url}/@small-grant", headers={"Accept": "application/json"}, timeout=60).json()
    assert [r["cost_type"] for r in data["costs"]] == ["Sędzia", "Nagrody"], data["costs"]
    assert data["requested"] == "1500.00"
