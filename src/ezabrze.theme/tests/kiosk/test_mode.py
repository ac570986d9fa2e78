"""Kiosk mode over HTTP (functional layer): entry by URL only, anonymous always, no login or edit UI."""

from ezabrze.theme.kiosk.interfaces import default_kiosk_lines
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from urllib.parse import urljoin

import lxml.html
import pytest
import transaction


KIOSK = "++kiosk++k05"


@pytest.fixture
def kiosk_url(functional_portal):
    return f"{functional_portal.absolute_url()}/{KIOSK}"


@pytest.fixture
def content(functional_manager):
    """A published page with an external link, an e-mail link and a file link; a private page."""
    portal = functional_manager
    api.content.create(container=portal, type="File", id="regulamin.pdf", title="Regulamin")
    page = api.content.create(
        container=portal,
        type="Document",
        id="strona",
        title="Strona z linkami",
    )
    from plone.app.textfield.value import RichTextValue

    page.text = RichTextValue(
        '<p>Zobacz <a href="https://bip.um.zabrze.pl/ogloszenia">ogłoszenia w BIP</a>, '
        'napisz na <a href="mailto:um@um.zabrze.pl">um@um.zabrze.pl</a>, '
        f'pobierz <a href="{portal.absolute_url()}/regulamin.pdf/@@download/file">regulamin</a> '
        f'albo przeczytaj <a href="{portal.absolute_url()}/prywatna">stronę</a>.</p>',
        "text/html",
        "text/html",
    )
    api.content.transition(page, "publish")
    api.content.create(container=portal, type="Document", id="prywatna", title="Tajna notatka")
    transaction.commit()
    return portal


def links(tree, base):
    return [urljoin(base, a.get("href")) for a in tree.iter("a") if a.get("href") and not a.get("href").startswith("#")]


class TestEntry:
    def test_every_configured_kiosk_has_a_start_screen(self, browser, functional_portal):
        for line in default_kiosk_lines():
            kiosk_id, _district, location = (part.strip() for part in line.split("|"))
            response = browser.get(f"++kiosk++{kiosk_id}")
            assert response.status_code == 200, kiosk_id
            tree = lxml.html.fromstring(response.content)
            assert tree.get_element_by_id("ezabrze-kiosk-bar") is not None
            assert location in tree.text_content()

    def test_start_screen_in_polish_with_start_and_back(self, browser, kiosk_url):
        tree = browser.page(kiosk_url)
        assert tree.xpath("//h1")[0].text_content().strip() == "Infokiosk Miasta Zabrze"
        bar = tree.get_element_by_id("ezabrze-kiosk-bar")
        assert bar.xpath(".//a[@href=$url]/text()", url=kiosk_url) == ["Start"]
        assert bar.xpath(".//button[@data-kiosk-back]/text()") == ["Wstecz"]
        assert bar.xpath(".//button[@data-kiosk-toggle]/text()") == ["Większy tekst", "Wysoki kontrast"]
        assert "Jesteś tutaj:" in bar.text_content()

    @pytest.mark.parametrize("path", ["++kiosk++nieznany", "++kiosk++K05", "++kiosk++", "++kiosk++k05/++kiosk++k06"])
    def test_unknown_or_repeated_kiosk_is_404(self, browser, path):
        assert browser.get(path).status_code == 404

    def test_kiosk_segment_only_at_the_site_root(self, browser, functional_manager):
        api.content.create(container=functional_manager, type="Folder", id="folder")
        transaction.commit()
        assert browser.get(f"folder/{KIOSK}").status_code == 404

    def test_ordinary_pages_are_not_kiosk_pages(self, browser):
        response = browser.get("")
        assert response.status_code == 200
        assert b"ezabrze-kiosk-bar" not in response.content
        assert b"++kiosk++" not in response.content

    def test_links_keep_the_kiosk(self, browser, kiosk_url, functional_portal):
        response = browser.get(kiosk_url)
        tree = lxml.html.fromstring(response.content)
        found = links(tree, kiosk_url)
        assert found
        assert [url for url in found if not url.startswith(kiosk_url)] == []

    def test_pages_are_not_stored(self, browser, kiosk_url):
        assert browser.get(kiosk_url).headers["Cache-Control"] == "no-store, private"


class TestAlwaysAnonymous:
    def test_basic_auth_of_a_manager_is_ignored(self, browser, kiosk_url, functional_portal):
        browser.login()
        ordinary = browser.get("")
        assert b"edit-zone" in ordinary.content  # the toolbar of a logged-in manager
        response = browser.get(kiosk_url)
        assert response.status_code == 200
        assert b"edit-zone" not in response.content
        assert b"__ac_password" not in response.content

    def test_login_cookie_is_ignored(self, browser, kiosk_url, functional_portal):
        response = browser.post(
            "login",
            data={"__ac_name": SITE_OWNER_NAME, "__ac_password": SITE_OWNER_PASSWORD, "buttons.login": "Zaloguj"},
            allow_redirects=False,
        )
        assert "__ac" in browser.session.cookies, response.status_code
        assert b"edit-zone" in browser.get("").content
        kiosk = browser.get(kiosk_url)
        assert b"edit-zone" not in kiosk.content

    def test_credentials_in_the_form_are_ignored(self, browser, kiosk_url):
        response = browser.get(
            f"{kiosk_url}/@@overview-controlpanel",
            params={"__ac_name": SITE_OWNER_NAME, "__ac_password": SITE_OWNER_PASSWORD},
        )
        assert response.status_code == 403
        assert b"__ac_password" not in response.content

    def test_private_content_stays_private_even_for_a_manager(self, browser, kiosk_url, content):
        browser.login()
        response = browser.get(f"{kiosk_url}/prywatna")
        assert response.status_code == 403
        assert b"Tajna notatka" not in response.content
        assert b"__ac_password" not in response.content

    @pytest.mark.parametrize(
        "path",
        [
            "login",
            "@@login",
            "login_form",
            "require_login",
            "mail_password_form",
            "@@register",
            "logout",
            "edit",
            "@@edit",
            "folder_contents",
            "++add++Document",
            "manage_main",
            "manage",
            "@@overview-controlpanel",
            "@@ezabrze-controlpanel",
            "@@infokiosk-ustawienia",
            "@@infokiosk-statystyki",
            "@users",
            "@login",
            "++api++",
            "acl_users/credentials_cookie_auth/require_login",
        ],
    )
    def test_no_login_edit_or_management_even_by_url(self, browser, kiosk_url, path):
        browser.login()
        response = browser.get(f"{kiosk_url}/{path}")
        assert response.status_code == 403
        tree = lxml.html.fromstring(response.content)
        assert tree.xpath("//h1")[0].text_content().strip() == "Niedostępne w infokiosku"
        assert not tree.xpath("//input[@type='password']")
        assert not tree.xpath("//*[@id='edit-zone']")


class TestNoServerErrors:
    @pytest.mark.parametrize(
        "path",
        [
            "@@infokiosk-elementy",
            "@@infokiosk-niedostepne",
            "@@infokiosk",
            "@@search?SearchableText=%C5%BC%C3%B3%C5%82w",
            "nie-ma-takiej-strony",
            "%2e%2e/%2e%2e/etc",
        ],
    )
    def test_anonymous_kiosk_requests_never_5xx(self, browser, kiosk_url, path):
        assert browser.get(f"{kiosk_url}/{path}").status_code < 500


class TestLayout:
    def test_external_links_become_text_with_a_qr_code(self, browser, kiosk_url, content):
        tree = browser.page(f"{kiosk_url}/strona")
        text = tree.get_element_by_id("content-core")
        assert not text.xpath(".//a[contains(@href, 'bip.um.zabrze.pl')]")
        [external] = [s for s in text.xpath(".//span[@class='ezabrze-kiosk-nolink']") if "BIP" in s.text_content()]
        assert "https://bip.um.zabrze.pl/ogloszenia" in external.text_content()
        [svg] = external.xpath(".//svg")
        assert svg.get("role") == "img"
        assert svg.get("aria-label") == "Kod QR adresu: https://bip.um.zabrze.pl/ogloszenia"
        assert external.xpath(".//button/text()") == ["Kod QR"]

    def test_mailto_becomes_plain_text(self, browser, kiosk_url, content):
        tree = browser.page(f"{kiosk_url}/strona")
        assert not tree.xpath("//a[starts-with(@href, 'mailto:')]")
        assert "um@um.zabrze.pl" in tree.get_element_by_id("content-core").text_content()

    def test_downloads_are_offered_as_a_qr_code_of_the_public_address(self, browser, kiosk_url, content):
        tree = browser.page(f"{kiosk_url}/strona")
        assert not tree.xpath("//a[contains(@href, '@@download')]")
        public = f"{content.absolute_url()}/regulamin.pdf/@@download/file"
        [svg] = tree.xpath("//svg[@aria-label=$label]", label=f"Kod QR adresu: {public}")
        assert svg.getparent().getparent().xpath("./button/text()") == ["Pobierz na telefon (kod QR)"]

    def test_links_to_the_portal_without_the_kiosk_are_put_back(self, browser, kiosk_url, content):
        tree = browser.page(f"{kiosk_url}/strona")
        assert tree.xpath("//a[@href=$url]", url=f"{kiosk_url}/prywatna")

    def test_fields_do_not_autocomplete(self, browser, kiosk_url):
        tree = browser.page(kiosk_url)
        assert tree.get_element_by_id("ezabrze-kiosk-search-text").get("autocomplete") == "off"
        assert all(form.get("autocomplete") == "off" for form in tree.iter("form"))

    def test_config_for_the_script(self, browser, kiosk_url):
        import json

        tree = browser.page(kiosk_url)
        config = json.loads(tree.get_element_by_id("ezabrze-kiosk-config").text)
        assert config["kiosk"] == "k05"
        assert config["idleSeconds"] == 90
        assert config["startUrl"] == kiosk_url
        assert config["resetUrl"] == f"{kiosk_url}/@@infokiosk-reset"
        assert config["strings"]["countdownText"].startswith("Za {seconds} s")
        assert tree.xpath("//script[@src=$src]", src=f"{kiosk_url}/++plone++ezabrze.kiosk/kiosk.js")
        assert browser.get(f"{kiosk_url}/++plone++ezabrze.kiosk/kiosk.js").status_code == 200


class TestReset:
    def test_reset_expires_cookies_and_clears_site_data(self, browser, kiosk_url):
        browser.session.cookies.set("statusmessages", "abc")
        browser.session.cookies.set("__ac", "xyz")
        response = browser.get(f"{kiosk_url}/@@infokiosk-reset", allow_redirects=False)
        assert response.status_code == 302
        assert response.headers["Location"] == f"{kiosk_url}?reset=1"
        assert response.headers["Clear-Site-Data"] == '"cache", "cookies", "storage"'
        expired = response.headers["Set-Cookie"]
        assert "statusmessages=deleted" in expired
        assert "__ac=deleted" in expired

    def test_reset_only_in_kiosk_mode(self, browser):
        assert browser.get("@@infokiosk-reset", allow_redirects=False).status_code == 404
