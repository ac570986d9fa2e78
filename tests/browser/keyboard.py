"""What the keyboard-only browser tests share: moving the focus with Tab, typing, pressing keys, logging in with
the keyboard, and the HTTP set-up of a verified NGO representative (an account, its registration as a
representative, the e-mailed confirmation link caught by a local SMTP server, the verification by an editor).

``import keyboard``: tests/browser/conftest.py puts tests/browser on sys.path.
"""

from pathlib import Path

import html
import re
import support
import time


ROOT = Path(__file__).resolve().parents[2]
AUTH_RE = re.compile(r'name="_authenticator" value="([^"]+)"')



# The Zope root user of this checkout (random password, var/secrets.cfg), as tests/server.py reads it.
ADMIN = support.server_lib().ADMIN


def tab_to(browser, predicate, limit=400, backwards=False):
    """Press Tab (Shift+Tab) until the focused element ``e`` satisfies the JavaScript ``predicate``."""
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


def login(browser, server, credentials):
    """Log in on the login form with the keyboard only."""
    from selenium.webdriver.common.keys import Keys

    browser.delete_all_cookies()
    browser.get(f"{server}/login")
    tab_to(browser, "e.name === '__ac_name'")
    type_keys(browser, credentials[0])
    tab_to(browser, "e.name === '__ac_password'")
    type_keys(browser, credentials[1])
    press(browser, Keys.ENTER)
    time.sleep(2)


def post_form(session, page_url, action_url, **data):
    """POST ``data`` to ``action_url`` with the CSRF token of the form on ``page_url``; the answer must be 200."""
    page = session.get(page_url, timeout=60)
    assert page.status_code == 200, page_url
    data["_authenticator"] = html.unescape(AUTH_RE.search(page.text).group(1))
    response = session.post(action_url, data=data, timeout=60)
    assert response.status_code == 200, (action_url, response.status_code)
    return response


def verified_representative(server, organization, credentials, email, fullname):
    """A new account ``credentials`` that registers as a representative of ``organization`` (path below the
    site), confirms it from the e-mail and is verified by the administrator. Returns ``credentials``."""
    import requests

    smtp = support.smtp_lib()
    with smtp.SMTPSink() as sink:
        admin = requests.Session()
        admin.auth = ADMIN
        admin.patch(f"{server}/@registry", json={"plone.smtp_host": sink.host, "plone.smtp_port": sink.port},
                    headers={"Accept": "application/json"}, timeout=60).raise_for_status()
        response = admin.post(f"{server}/@users", headers={"Accept": "application/json"}, timeout=60, json={
            "username": credentials[0], "email": email, "password": credentials[1], "fullname": fullname})
        assert response.status_code == 201, response.text
        user = requests.Session()
        user.auth = credentials
        register = f"{server}/{organization}/@@zostan-przedstawicielem"
        post_form(user, register, register, fullname=fullname, function="prezes", rodo="1")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not [m for m in sink.messages if m["To"] == email]:
            time.sleep(0.2)
        message = [m for m in sink.messages if m["To"] == email][0]
        token = re.search(r"@@potwierdz-reprezentacje\?token=(\S+)", message.get_content()).group(1)
        post_form(requests.Session(), f"{server}/{organization}/@@potwierdz-reprezentacje?token={token}",
                  f"{server}/{organization}/@@potwierdz-reprezentacje", token=token)
        representatives = f"{server}/{organization}/@@przedstawiciele"
        post_form(admin, representatives, representatives, userid=credentials[0], action="verify")
    return credentials
