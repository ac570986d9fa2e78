"""The footer and the meta tag of the accessibility statement."""

from plone import api
from Products.Five.browser import BrowserView
from zope.component import queryMultiAdapter
from zope.viewlet.interfaces import IViewlet
from zope.viewlet.interfaces import IViewletManager

import lxml.html
import pytest
import transaction


META_NAME = "deklaracja-dostępności"


def render_viewlet(context, request, manager_name, viewlet_name):
    view = BrowserView(context, request)
    manager = queryMultiAdapter((context, request, view), IViewletManager, manager_name)
    viewlet = queryMultiAdapter((context, request, view, manager), IViewlet, viewlet_name)
    assert viewlet is not None, f"{viewlet_name} is not registered for this request"
    viewlet.update()
    return viewlet.render()


@pytest.fixture
def footer(portal, layer_request):
    def render(context=None):
        html = render_viewlet(context or portal, layer_request, "plone.portalfooter", "ezabrze.footer")
        return lxml.html.fromstring(html)

    return render


class TestFooterViewlet:
    def test_not_available_without_the_layer(self, portal, http_request):
        from ezabrze.theme.interfaces import IBrowserLayer
        from zope.interface import noLongerProvides

        noLongerProvides(http_request, IBrowserLayer)
        view = BrowserView(portal, http_request)
        manager = queryMultiAdapter((portal, http_request, view), IViewletManager, "plone.portalfooter")
        assert queryMultiAdapter((portal, http_request, view, manager), IViewlet, "ezabrze.footer") is None

    def test_address(self, footer):
        [address] = footer().cssselect("address")
        text = " ".join(address.text_content().split())
        assert "Urząd Miejski w Zabrzu" in text
        assert "ul. Powstańców Śląskich 5-7" in text
        assert "41-800 Zabrze" in text

    def test_phone_and_email_links(self, footer):
        page = footer()
        [phone] = page.cssselect("address a.ezabrze-phone")
        assert phone.get("href") == "tel:+48323733300"
        assert phone.text_content() == "+48 32 373 33 00"
        [email] = page.cssselect("address a.ezabrze-email")
        assert email.get("href") == "mailto:um@um.zabrze.pl"

    def test_bip_and_statement_links(self, portal, footer):
        page = footer()
        [bip] = page.cssselect("nav a.ezabrze-bip")
        assert bip.get("href") == "https://bip.um.zabrze.pl"
        assert bip.text_content() == "Biuletyn Informacji Publicznej (BIP)"
        [statement] = page.cssselect("nav a.ezabrze-accessibility-statement")
        assert statement.get("href") == f"{portal.absolute_url()}/deklaracja-dostepnosci"
        assert statement.text_content() == "Deklaracja dostępności"

    def test_site_actions(self, portal, footer):
        page = footer()
        hrefs = [a.get("href") for a in page.cssselect("nav li[id^=siteaction-] a")]
        assert f"{portal.absolute_url()}/sitemap" in hrefs
        # Plone's generic "Accessibility" page gives way to the accessibility statement
        assert not page.cssselect("#siteaction-accessibility")

    def test_semantics(self, footer):
        page = footer()
        assert not page.cssselect("footer")  # the main template's <footer> is the landmark
        headings = page.cssselect("h2")
        assert [h.text_content() for h in headings] == ["Kontakt", "Na skróty"]
        [nav] = page.cssselect("nav")
        assert nav.get("aria-labelledby") == headings[1].get("id")

    def test_follows_the_settings(self, portal, footer):
        api.portal.set_registry_record("ezabrze.theme.office_name", "Urząd Testowy")
        api.portal.set_registry_record("ezabrze.theme.phone", "+48 (32) 111-22-33")
        api.portal.set_registry_record("ezabrze.theme.email", "test@example.pl")
        api.portal.set_registry_record("ezabrze.theme.bip_url", "https://bip.example.pl/")
        api.portal.set_registry_record("ezabrze.theme.accessibility_statement", "https://example.pl/deklaracja")
        page = footer()
        assert "Urząd Testowy" in page.cssselect("address")[0].text_content()
        assert page.cssselect("a.ezabrze-phone")[0].get("href") == "tel:+48321112233"
        assert page.cssselect("a.ezabrze-email")[0].get("href") == "mailto:test@example.pl"
        assert page.cssselect("a.ezabrze-bip")[0].get("href") == "https://bip.example.pl/"
        assert page.cssselect("a.ezabrze-accessibility-statement")[0].get("href") == "https://example.pl/deklaracja"

    def test_statement_link_points_to_the_site_root_from_deep_pages(self, manager, portal, footer):
        folder = api.content.create(portal, "Folder", id="dzial", title="Dział")
        page = footer(folder)
        href = page.cssselect("a.ezabrze-accessibility-statement")[0].get("href")
        assert href == f"{portal.absolute_url()}/deklaracja-dostepnosci"


class TestStatementMeta:
    def test_meta_viewlet(self, portal, layer_request):
        html = render_viewlet(portal, layer_request, "plone.htmlhead", "ezabrze.accessibility_statement_meta")
        [meta] = lxml.html.fragments_fromstring(html)
        assert meta.tag == "meta"
        assert meta.get("name") == META_NAME
        assert meta.get("content") == f"{portal.absolute_url()}/deklaracja-dostepnosci"

    @pytest.mark.parametrize("path", ["", "dzial", "dzial/strona"])
    def test_meta_in_the_head_of_every_page(self, functional_manager, functional_portal, browser, path):
        folder = api.content.create(functional_portal, "Folder", id="dzial", title="Dział")
        api.content.create(folder, "Document", id="strona", title="Strona")
        api.content.transition(folder, to_state="published")
        api.content.transition(folder["strona"], to_state="published")
        transaction.commit()
        page = browser.page(path)
        metas = page.xpath("/html/head/meta[@name=$name]", name=META_NAME)
        assert [m.get("content") for m in metas] == [f"{functional_portal.absolute_url()}/deklaracja-dostepnosci"]

    def test_meta_follows_the_settings(self, functional_portal, browser):
        api.portal.set_registry_record("ezabrze.theme.accessibility_statement", "/o-nas/deklaracja")
        transaction.commit()
        page = browser.page()
        [meta] = page.xpath("/html/head/meta[@name=$name]", name=META_NAME)
        assert meta.get("content") == f"{functional_portal.absolute_url()}/o-nas/deklaracja"
