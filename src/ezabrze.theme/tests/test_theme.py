"""The Diazo theme "ezabrze": Barceloneta's HTML and rules, the city's CSS on top."""

from pathlib import Path
from plone import api
from urllib.parse import urljoin

import ezabrze.theme
import lxml.html
import re
import transaction


THEME_DIR = Path(ezabrze.theme.__file__).parent / "theme"


def contrast(foreground, background):
    def luminance(hex_colour):
        hex_colour = hex_colour.lstrip("#")
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def css_variables():
    css = (THEME_DIR / "css" / "ezabrze.css").read_text()
    return dict(re.findall(r"(--ezabrze-[a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", css))


class TestThemeFiles:
    def test_manifest_points_at_our_rules_and_css(self):
        manifest = (THEME_DIR / "manifest.cfg").read_text()
        assert "rules = /++theme++ezabrze/rules.xml" in manifest
        assert "production-css = ++theme++ezabrze/css/ezabrze.css" in manifest

    def test_nothing_of_barceloneta_is_copied(self):
        names = {p.name for p in THEME_DIR.rglob("*") if p.is_file()}
        assert names == {"manifest.cfg", "rules.xml", "ezabrze.css", "logo-miasto-zabrze.svg"}

    def test_css_imports_barceloneta_relatively(self):
        css = (THEME_DIR / "css" / "ezabrze.css").read_text()
        assert '@import url("../../++theme++barceloneta/css/barceloneta.min.css");' in css

    def test_colour_pairs_meet_wcag_aa(self):
        colours = css_variables()
        white = "#ffffff"
        pairs = {
            "links and buttons: white on navy": (white, colours["--ezabrze-navy"]),
            "links on white": (colours["--ezabrze-navy"], white),
            "footer text": (white, colours["--ezabrze-navy-dark"]),
            "footer links": (colours["--ezabrze-gold"], colours["--ezabrze-navy-dark"]),
            "gold on navy": (colours["--ezabrze-gold"], colours["--ezabrze-navy"]),
            "muted text on white": (colours["--ezabrze-muted"], white),
        }
        failing = {name: round(contrast(*pair), 2) for name, pair in pairs.items() if contrast(*pair) < 4.5}
        assert failing == {}


class TestThemedPages:
    def test_barceloneta_markup_with_our_css(self, browser):
        page = browser.page()
        # Barceloneta's index.html is the theme
        assert page.cssselect("#mainnavigation-wrapper nav.navbar-barceloneta #portal-globalnav")
        assert page.cssselect("main#main-container #portal-column-content #content")
        stylesheets = [link.get("href") for link in page.cssselect("link[rel=stylesheet]")]
        assert any(href.endswith("/++theme++ezabrze/css/ezabrze.css") for href in stylesheets)
        assert not any("barceloneta.min.css" in href for href in stylesheets)

    def test_theme_asset_links_resolve(self, browser):
        page = browser.page()
        icons = [link.get("href") for link in page.cssselect("link[rel^=apple-touch-icon]")]
        assert icons
        for href in icons:
            assert browser.get(href).status_code == 200, href

    def test_css_and_imported_barceloneta_are_served(self, browser):
        page = browser.page()
        [css_url] = [
            link.get("href")
            for link in page.cssselect("link[rel=stylesheet]")
            if link.get("href").endswith("ezabrze.css")
        ]
        css = browser.get(css_url)
        assert css.status_code == 200
        assert "--ezabrze-navy" in css.text
        imported = re.search(r'@import url\("([^"]+)"\)', css.text).group(1)
        barceloneta = browser.get(urljoin(css_url, imported))
        assert barceloneta.status_code == 200
        assert barceloneta.headers["Content-Type"].startswith("text/css")
        assert ".navbar-barceloneta" in barceloneta.text

    def test_language_and_landmarks(self, browser):
        page = browser.page()
        assert page.get("lang") == "pl"
        assert len(page.cssselect("main")) == 1
        # one contentinfo: the page's footer (a <footer> inside <article> is not a landmark)
        assert len([f for f in page.iter("footer") if not any(a.tag in ("article", "section", "main", "aside", "nav") for a in f.iterancestors())]) == 1
        assert len(page.cssselect("header#content-header")) == 1
        # navigation landmarks that have a name have different names
        names = []
        for nav in page.iter("nav"):
            name = nav.get("aria-label")
            if nav.get("aria-labelledby"):
                name = page.get_element_by_id(nav.get("aria-labelledby")).text_content().strip()
            names.append(name)
        named = [n for n in names if n]
        assert len(named) == len(set(named))
        assert names.count(None) <= 1

    def test_mobile_navigation_close_button_speaks_the_pages_language(self, browser):
        """Barceloneta's index.html says "Close" (no i18n in a theme file): Polish pages say "Zamknij"."""
        selector = ".offcanvas-header button.btn-close[data-bs-dismiss='offcanvas']"
        [polish] = browser.page().cssselect(selector)
        assert polish.get("aria-label") == "Zamknij"
        assert polish.get("class") == "btn-close btn-close-white text-reset" and polish.get("type") == "button"
        api.portal.set_registry_record("plone.available_languages", ["pl", "en"])
        api.portal.set_registry_record("plone.use_cookie_negotiation", True)
        transaction.commit()
        english = lxml.html.fromstring(browser.get("", cookies={"I18N_LANGUAGE": "en"}).content)
        assert english.get("lang") == "en"
        assert [button.get("aria-label") for button in english.cssselect(selector)] == ["Close"]

    def test_skip_links_first_and_their_targets_exist(self, browser):
        page = browser.page()
        body = page.find("body")
        first = body[0]
        assert first.get("id") == "ezabrze-skiplinks"
        links = first.cssselect("a")
        assert [a.text_content().strip() for a in links] == [
            "Przejdź do treści",
            "Przejdź do menu głównego",
            "Przejdź do stopki",
        ]
        for a in links:
            assert a.get("href").startswith("#")
            assert page.cssselect(a.get("href")), a.get("href")
        assert len(page.cssselect("#ezabrze-skiplinks")) == 1

    def test_footer_in_the_theme_footer_once(self, browser):
        page = browser.page()
        footer = page.cssselect("footer#portal-footer-wrapper #portal-footer #ezabrze-footer")
        assert len(footer) == 1
        assert len(page.cssselect("#ezabrze-footer")) == 1
        # not "Powered by Plone", no copyright of the Plone Foundation
        text = page.cssselect("footer#portal-footer-wrapper")[0].text_content()
        assert "Plone" not in text
        assert "Urząd Miejski w Zabrzu" in text

    def test_logo_in_header(self, browser):
        page = browser.page()
        [img] = page.cssselect("#portal-logo img")
        assert img.get("src").endswith("/@@site-logo/logo-miasto-zabrze.svg")
        assert img.get("alt")


class TestFileFieldLabels:
    """The theme points a file field's label at the file input (plone.formwidget.namedfile names it
    "<id>-input" while the label names the widget's wrapper), so axe's 'label' rule holds."""

    def test_label_names_the_file_input(self, browser):
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        browser.session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        page = browser.page("++add++File")
        [file_input] = page.cssselect("input[type=file]#form-widgets-file-input")
        labels = page.cssselect("label[for='form-widgets-file-input']")
        assert len(labels) == 1 and labels[0].text_content().strip()
        assert not page.cssselect("label[for='form-widgets-file']")
