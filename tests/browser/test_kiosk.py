"""The infokiosk mode in real Chromium with touch emulation at the kiosks' portrait screen (1080x1920).

Every kiosk page passes axe-core (the checks of test_accessibility.py, loaded from there), no link leaves the
portal, touch targets are at least 48px and text at least 20px, the on-screen keyboard types Polish letters
into the search and finds a service, the idle reset erases a half-filled form, the history and the cookies,
and login or editing is not offered even when asked for by URL. The screenshots of the start screen and of a
service page go to docs/ (README).

Kept fast without dropping a check: one Chromium for the session, each page opened once for all its checks,
waits on conditions (never a fixed sleep), and the idle tests run the page's timers ten times faster.
"""

from pathlib import Path

import pytest
import requests
import support
import time


pytestmark = [pytest.mark.server, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
KIOSK = "++kiosk++infokiosk-02"  # Zaborze (the id of the kiosk in the network registry)
SCREEN = {"width": 1080, "height": 1920, "deviceScaleFactor": 1, "mobile": False}
SERVICE = "dla-mieszkancow/uslugi/zameldowanie-na-pobyt-staly"



checks = support.accessibility_checks()

# (path below the kiosk root, id, screenshot in docs/)
PAGES = [
    ("", "kiosk-start", True),
    (SERVICE, "kiosk-service", True),
    ("dla-mieszkancow/uslugi/@@uslugi-a-z", "kiosk-a-z", False),
    ("dla-mieszkancow/uslugi?SearchableText=dow%C3%B3d", "kiosk-search", False),
    ("@@status-sprawy", "kiosk-status", False),
    ("rady-dzielnic/zaborze/@@tablica-ogloszen", "kiosk-notices", False),
    ("rady-dzielnic/zaborze/posiedzenie-rady", "kiosk-notice", False),
    ("aktualnosci", "kiosk-news", False),
    ("login", "kiosk-unavailable", False),
]


@pytest.fixture(scope="module")
def kiosk_browser(browser):
    """The session's Chromium as a portrait touch screen for this module (restored afterwards)."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", SCREEN)
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    yield browser
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.delete_all_cookies()


@pytest.fixture(scope="module")
def kiosk_url(server):
    return f"{server}/{KIOSK}"


def tap(driver, element):
    """A finger's tap in the middle of the element (CDP touch events, as on the kiosk's screen)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    rect = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]",
        element,
    )
    point = {"x": rect[0], "y": rect[1]}
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
    driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def wait_for(condition, timeout=30, message="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"Timed out waiting for {message}")


def open_kiosk(driver, kiosk_url, path=""):
    checks.open_page(driver, kiosk_url, path)
    wait_for(lambda: driver.execute_script("return !!sessionStorage.getItem('ezabrze-kiosk-pages')"), 10, "kiosk.js")
    return driver


SMALL_TOUCH_TARGETS = """
    const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
    return Array.from(document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea'))
      .filter(visible)
      .filter(e => !e.closest('p, dd, .ezabrze-kiosk-nolink'))  // links inside running text (WCAG 2.5.8)
      .filter(e => e.getBoundingClientRect().height < 48 - 0.5 && e.type !== 'checkbox' && e.type !== 'radio')
      .map(e => e.outerHTML.slice(0, 120) + ' ' + Math.round(e.getBoundingClientRect().height));
"""
SMALL_TEXT = """
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode, parent = node.parentElement;
      if (!node.textContent.trim() || !parent || parent.closest('svg, script, style, noscript')) continue;
      const r = parent.getBoundingClientRect(), s = getComputedStyle(parent);
      if (!r.width || !r.height || s.visibility === 'hidden' || parent.closest('[hidden], .visually-hidden')) continue;
      if (parseFloat(s.fontSize) < 20) out.push(parent.tagName + '.' + parent.className + ' ' + s.fontSize + ' ' + node.textContent.trim().slice(0, 40));
    }
    return out;
"""
# Pages whose touch targets (>= 48 px) and text size (>= 20 px) are measured (checked while they are open)
SIZE_CHECKED = ("kiosk-start", "kiosk-service")


@pytest.mark.parametrize("path,page_id,documented", PAGES, ids=[p[1] for p in PAGES])
def test_kiosk_page_passes_axe_and_stays_in_the_portal(kiosk_browser, kiosk_url, screenshot_dir, path, page_id, documented):
    driver = open_kiosk(kiosk_browser, kiosk_url, path)
    driver.save_screenshot(str((DOCS if documented else screenshot_dir) / f"{page_id}.png"))
    violations = checks.run_axe(driver)
    blocking = [v for v in violations if v["impact"] in checks.BLOCKING_IMPACTS]
    assert not blocking, f"{driver.current_url}:\n{checks.format_violations(blocking)}"

    hrefs = driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
        ".filter(h => !h.startsWith(location.href.split('#')[0] + '#'))"
    )
    leaving = [href for href in hrefs if not href.startswith(kiosk_url)]
    assert leaving == [], f"links leaving the kiosk on {driver.current_url}"
    assert driver.find_elements("css selector", "#ezabrze-kiosk-bar a.ezabrze-kiosk-start")
    assert driver.find_elements("css selector", "#ezabrze-kiosk-bar [data-kiosk-back]")
    assert not driver.find_elements("css selector", "input[type=password][name^='__ac'], #edit-zone")
    if page_id in SIZE_CHECKED:
        assert driver.execute_script(SMALL_TOUCH_TARGETS) == []
        assert driver.execute_script(SMALL_TEXT) == []


def test_kiosk_pages_are_not_stored_by_browsers_or_caches(kiosk_url, server):
    kiosk = requests.get(kiosk_url, headers={"Accept": "text/html"}, timeout=60)
    assert kiosk.status_code == 200
    assert kiosk.headers["Cache-Control"] == "no-store, private"
    ordinary = requests.get(server, headers={"Accept": "text/html"}, timeout=60)
    assert b"ezabrze-kiosk-bar" not in ordinary.content


def test_case_status_form_with_the_on_screen_keyboard(kiosk_browser, kiosk_url):
    driver = open_kiosk(kiosk_browser, kiosk_url, "@@status-sprawy")
    tap(driver, driver.find_element("id", "status-sign"))
    keyboard_type(driver, "zab/2026/000123")
    tap(driver, driver.find_element("id", "status-code"))
    keyboard_type(driver, "abc123")
    assert driver.find_element("id", "status-code").get_attribute("value") == "abc123"
    [confirm] = [k for k in driver.find_elements("css selector", ".ezabrze-kiosk-key") if k.text == "Zatwierdź"]
    tap(driver, confirm)
    content = "const c = document.getElementById('content'); return c ? c.textContent : ''"
    wait_for(lambda: "Sprawdź oba" in driver.execute_script(content), 15, "the answer of the status form")
    assert driver.current_url.startswith(f"{kiosk_url}/@@status-sprawy")


def test_larger_text_and_high_contrast_switches(kiosk_browser, kiosk_url):
    driver = open_kiosk(kiosk_browser, kiosk_url)
    size = lambda: driver.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")  # noqa: E731
    before = size()
    larger = driver.find_element("css selector", "[data-kiosk-toggle=large]")
    tap(driver, larger)
    wait_for(lambda: larger.get_attribute("aria-pressed") == "true", 5, "larger text")
    assert size() > before
    contrast = driver.find_element("css selector", "[data-kiosk-toggle=contrast]")
    tap(driver, contrast)
    wait_for(lambda: contrast.get_attribute("aria-pressed") == "true", 5, "high contrast")
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(0, 0, 0)"
    # The choice lasts for this person's pages only: the next page keeps it, the reset forgets it.
    open_kiosk(driver, kiosk_url, SERVICE)
    assert "ezabrze-kiosk-large" in driver.find_element("css selector", "html").get_attribute("class")
    driver.get(f"{kiosk_url}/@@infokiosk-reset")
    wait_for(lambda: "reset=1" in driver.current_url, 10, "the start screen")
    assert "ezabrze-kiosk-large" not in driver.find_element("css selector", "html").get_attribute("class")


def keyboard_type(driver, text):
    for letter in text:
        [key] = [k for k in driver.find_elements("css selector", ".ezabrze-kiosk-key[data-kiosk-letter]")
                 if k.get_attribute("data-kiosk-letter") == letter]
        tap(driver, key)


def test_on_screen_keyboard_types_polish_letters_and_finds_a_service(kiosk_browser, kiosk_url):
    driver = open_kiosk(kiosk_browser, kiosk_url)
    field = driver.find_element("id", "ezabrze-kiosk-search-text")
    tap(driver, field)
    keyboard = wait_for(
        lambda: [k for k in driver.find_elements("css selector", ".ezabrze-kiosk-keyboard") if k.is_displayed()],
        5,
        "the on-screen keyboard",
    )[0]
    assert field.get_attribute("inputmode") == "none"
    letters = {k.get_attribute("data-kiosk-letter") for k in keyboard.find_elements("css selector", "[data-kiosk-letter]")}
    assert set("ąćęłńóśźż") <= letters
    keyboard_type(driver, "zaświadczenie")
    assert field.get_attribute("value") == "zaświadczenie"
    [confirm] = [k for k in keyboard.find_elements("css selector", "button") if k.text == "Zatwierdź"]
    tap(driver, confirm)
    wait_for(lambda: "SearchableText=" in driver.current_url, 15, "the search results")
    assert driver.current_url.startswith(f"{kiosk_url}/dla-mieszkancow/uslugi")
    assert "Zaświadczenie o zameldowaniu" in driver.find_element("id", "content").text


TIME_FACTOR = 10
FAST_TIMERS = """(function () {
  var factor = %d, setTimeout_ = window.setTimeout, setInterval_ = window.setInterval;
  window.setTimeout = function (fn, ms) {
    var rest = Array.prototype.slice.call(arguments, 2);
    return setTimeout_.apply(window, [fn, (ms || 0) / factor].concat(rest));
  };
  window.setInterval = function (fn, ms) {
    var rest = Array.prototype.slice.call(arguments, 2);
    return setInterval_.apply(window, [fn, (ms || 0) / factor].concat(rest));
  };
})();""" % TIME_FACTOR


@pytest.fixture
def fast_timers(kiosk_browser):
    """The pages of this test run their timers TIME_FACTOR times faster (a script evaluated before every
    document, removed afterwards): the idle time and the countdown pass in seconds, the logic is the same."""
    added = kiosk_browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAST_TIMERS})
    yield TIME_FACTOR
    kiosk_browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})


@pytest.fixture
def short_idle(server, admin_auth, fast_timers):
    """The shortest idle time the settings allow (20 s) and a 5 s countdown, set like an administrator would;
    with the fast timers the page waits 2 s and counts down in 0.5 s. The value is the real time to wait."""
    def set_registry(values):
        response = requests.patch(
            f"{server}/@registry", json=values, auth=admin_auth, headers={"Accept": "application/json"}, timeout=30
        )
        assert response.status_code == 204, response.text

    set_registry({"ezabrze.theme.kiosk.idle_seconds": 20, "ezabrze.theme.kiosk.countdown_seconds": 5})
    yield 25 / fast_timers
    set_registry({"ezabrze.theme.kiosk.idle_seconds": 90, "ezabrze.theme.kiosk.countdown_seconds": 15})


def test_idle_reset_erases_form_history_and_cookies(kiosk_browser, kiosk_url, short_idle):
    driver = open_kiosk(kiosk_browser, kiosk_url, SERVICE)
    open_kiosk(driver, kiosk_url, "@@status-sprawy")
    sign = driver.find_element("id", "status-sign")
    tap(driver, sign)
    keyboard_type(driver, "zab/")
    assert sign.get_attribute("value") == "zab/"
    driver.execute_script("document.cookie = 'poprzednia-osoba=1; path=/'")
    status_url = driver.current_url

    dialog = wait_for(
        lambda: driver.find_elements("css selector", "[role=alertdialog]"), short_idle + 10, "the countdown"
    )[0]
    assert "Czy nadal korzystasz z kiosku?" in dialog.text
    wait_for(lambda: "reset=1" in driver.current_url, 15, "the reset")
    assert driver.current_url.startswith(kiosk_url)
    assert "poprzednia-osoba" not in driver.execute_script("return document.cookie")
    assert driver.execute_script("return sessionStorage.length <= 2")  # only the new person's own keys

    # The next person goes back in the browser's history: the previous person's pages are not shown.
    driver.back()
    wait_for(lambda: driver.current_url.split("?")[0] == kiosk_url, 10, "the start screen instead of the service page")
    wait_for(lambda: driver.execute_script("return document.readyState") == "complete", 10, "the page")
    assert driver.find_element("css selector", "h1").text == "Infokiosk Miasta Zabrze"
    assert status_url != driver.current_url
    values = driver.execute_script(
        "return Array.from(document.querySelectorAll('input[type=text], input[type=search], input[type=password],"
        " input:not([type]), textarea')).map(i => i.value).filter(v => v)"
    )
    assert values == []


def test_a_touch_during_the_countdown_keeps_the_page(kiosk_browser, kiosk_url, short_idle):
    driver = open_kiosk(kiosk_browser, kiosk_url, "@@status-sprawy")
    page = driver.current_url
    wait_for(lambda: driver.find_elements("css selector", "[role=alertdialog]"), short_idle + 10, "the countdown")
    [keep] = driver.find_elements("css selector", "[data-kiosk-continue]")
    tap(driver, keep)
    wait_for(lambda: not driver.find_elements("css selector", "[role=alertdialog]"), 5, "the dialog to close")
    # Had the countdown gone on, it would have reset the kiosk long before the next idle time ends: the next
    # countdown on the same page shows that it stopped.
    wait_for(lambda: driver.find_elements("css selector", "[role=alertdialog]"), short_idle + 10, "the next countdown")
    assert driver.current_url == page


@pytest.mark.parametrize("path", ["login", "dla-mieszkancow/edit", "@@overview-controlpanel", "manage_main"])
def test_no_login_or_editing_even_by_url(kiosk_browser, kiosk_url, path):
    driver = open_kiosk(kiosk_browser, kiosk_url, path)
    assert driver.find_element("css selector", "h1").text == "Niedostępne w infokiosku"
    assert not driver.find_elements("css selector", "input[type=password]")
    assert not driver.find_elements("css selector", "a[href*='login'], #edit-zone")
