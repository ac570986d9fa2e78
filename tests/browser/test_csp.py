"""The Content-Security-Policy without inline scripts and without eval: real Chromium reports no violation on the
public pages, the kiosk pages and the edit form with TinyMCE under the strict policy; logged-in users also get
'unsafe-eval' (folder contents compiles templates with ``new Function``) and no violation there either."""

from pathlib import Path

import pytest
import support
import time


pytestmark = [pytest.mark.server, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
# A listener installed before any page script (CDP), recording every violation Chromium reports.
RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""
PUBLIC = ["", "aktualnosci", "rady-dzielnic", "dla-mieszkancow", "dla-mieszkancow/formularze/zglos-problem",
          "organizacje-pozarzadowe", "strategia-e-zabrze", "search?SearchableText=urz%C4%85d", "login"]
KIOSK = ["++kiosk++k05", "++kiosk++k05/aktualnosci"]



@pytest.fixture(scope="module")
def csp_browser(browser):
    script = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    yield browser
    browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    browser.delete_all_cookies()


def violations(browser, url, settle=2.0):
    browser.get(url)
    time.sleep(settle)  # the bundles load their chunks (and TinyMCE) after the page
    return browser.execute_script("return window.__cspViolations || null")


def _script_src(server, user):
    import requests

    policy = requests.get(server, auth=user, timeout=60).headers["Content-Security-Policy"]
    return [part for part in policy.split(";") if part.strip().startswith("script-src")][0]


def test_the_policy_has_no_inline_scripts_and_no_eval(server):
    anonymous = _script_src(server, None)
    assert "'unsafe-inline'" not in anonymous and "'unsafe-eval'" not in anonymous
    logged_in = _script_src(server, support.server_lib().SITE_ADMIN)
    assert "'unsafe-inline'" not in logged_in and "'unsafe-eval'" in logged_in


def test_recorder_sees_a_violation(server, csp_browser):
    """The check itself: an inline script run by the page is reported."""
    csp_browser.get(f"{server}/aktualnosci")
    time.sleep(1)
    csp_browser.execute_script(
        "const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s);")
    time.sleep(0.5)
    found = csp_browser.execute_script("return window.__cspViolations")
    assert any(entry.startswith("script-src") for entry in found), found
    assert csp_browser.execute_script("return window.__ran || 0") == 0


@pytest.mark.parametrize("path", PUBLIC + KIOSK)
def test_public_and_kiosk_pages_have_no_violation(server, csp_browser, path):
    csp_browser.delete_all_cookies()
    found = violations(csp_browser, f"{server}/{path}")
    assert found == [], (path, found)


def test_editing_ui_has_no_violation(server, csp_browser):
    login, password = support.server_lib().SITE_ADMIN
    csp_browser.delete_all_cookies()
    csp_browser.get(f"{server}/login")
    csp_browser.find_element("name", "__ac_name").send_keys(login)
    csp_browser.find_element("name", "__ac_password").send_keys(password)
    csp_browser.find_element("name", "buttons.login").click()
    time.sleep(2)
    try:
        found = violations(csp_browser, f"{server}/aktualnosci/++add++Document", settle=6.0)
        assert csp_browser.execute_script("return !!document.querySelector('.tox-tinymce')"), "TinyMCE did not start"
        assert found == [], found
        found = violations(csp_browser, f"{server}/aktualnosci/folder_contents", settle=6.0)
        assert found == [], found
        assert csp_browser.execute_script("return document.querySelectorAll('.pat-structure table tr').length > 1"), \
            "folder contents did not start"
        for path in ("aktualnosci", "aktualnosci/edit", "@@overview-controlpanel"):
            found = violations(csp_browser, f"{server}/{path}", settle=4.0)
            assert found == [], (path, found)
    finally:
        csp_browser.delete_all_cookies()
