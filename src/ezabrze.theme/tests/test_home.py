"""The home page view @@ezabrze-home."""

from DateTime import DateTime
from ezabrze.theme import setuphandlers
from plone import api
from plone.app.testing import logout

import pytest
import transaction


SECTIONS = (
    # id, title, published
    ("dla-mieszkancow", "Dla mieszkańców", True),
    ("intranet", "Intranet", False),
    ("dla-biznesu", "Dla biznesu", True),
    ("aktualnosci", "Aktualności", True),
)


def build_site(portal):
    """Sections like the portal's (the Intranet private) and news, some private, in one folder."""
    for id_, title, published in SECTIONS:
        folder = api.content.create(portal, "Folder", id=id_, title=title, description=f"Opis: {title}")
        if published:
            api.content.transition(folder, to_state="published")
    # a published page at the top level is not a section
    page = api.content.create(portal, "Document", id="o-miescie", title="O mieście")
    api.content.transition(page, to_state="published")
    # a published section hidden from the navigation
    hidden = api.content.create(portal, "Folder", id="ukryty", title="Ukryty", exclude_from_nav=True)
    api.content.transition(hidden, to_state="published")

    news = portal["aktualnosci"]
    for day in range(1, 8):
        item = api.content.create(
            news,
            "News Item",
            id=f"wiadomosc-{day}",
            title=f"Wiadomość {day}",
            description=f"Opis wiadomości {day}",
        )
        item.setEffectiveDate(DateTime(f"2026/03/0{day} 10:00 Europe/Warsaw"))
        api.content.transition(item, to_state="published")
        item.reindexObject()
    # the newest item is private: nobody sees it on the home page
    secret = api.content.create(news, "News Item", id="poufna", title="Poufna wiadomość")
    secret.setEffectiveDate(DateTime("2026/03/09 10:00 Europe/Warsaw"))
    secret.reindexObject()
    # news in the private Intranet are not for the public either
    internal = api.content.create(portal["intranet"], "News Item", id="wewnetrzna", title="Wewnętrzna")
    api.content.transition(internal, to_state="published")


@pytest.fixture
def site(manager, portal):
    build_site(portal)
    return portal


@pytest.fixture
def home(site, layer_request):
    def get():
        return api.content.get_view("ezabrze-home", site, layer_request)

    return get


class TestHomeView:
    def test_registered_for_the_site_root(self, home):
        assert home() is not None

    def test_sections_in_position_order_published_only(self, home):
        assert [s["title"] for s in home().sections()] == ["Dla mieszkańców", "Dla biznesu", "Aktualności"]

    def test_sections_for_anonymous(self, home):
        logout()
        sections = home().sections()
        assert [s["id"] for s in sections] == ["dla-mieszkancow", "dla-biznesu", "aktualnosci"]
        assert sections[0]["description"] == "Opis: Dla mieszkańców"
        assert sections[0]["url"].endswith("/dla-mieszkancow")

    def test_section_order_follows_the_site(self, site, home):
        site.moveObjectToPosition("dla-biznesu", 0)
        assert [s["id"] for s in home().sections()][0] == "dla-biznesu"

    def test_latest_five_news_newest_first(self, home):
        logout()
        news = home().news()
        assert [n["title"] for n in news] == [f"Wiadomość {day}" for day in (7, 6, 5, 4, 3)]
        assert news[0]["description"] == "Opis wiadomości 7"
        assert news[0]["date"] == {"iso": "2026-03-07", "text": "07.03.2026"}

    def test_private_news_not_shown(self, home):
        titles = [n["title"] for n in home().news()]
        assert "Poufna wiadomość" not in titles
        assert "Wewnętrzna" not in titles

    def test_all_news_link_to_the_news_section(self, site, home):
        assert home().all_news_url() == f"{site.absolute_url()}/aktualnosci"

    def test_all_news_link_without_a_news_section(self, site, home):
        api.content.delete(site["aktualnosci"])
        assert home().all_news_url().startswith(f"{site.absolute_url()}/@@search?portal_type=News+Item")

    def test_intro_is_the_site_description(self, site, home):
        site.setDescription("Witamy w Zabrzu.")
        assert home().intro() == "Witamy w Zabrzu."

    def test_intro_default_is_polish(self, home):
        assert home().intro().startswith("Oficjalny portal miasta Zabrze")

    def test_no_objects_woken_up(self, home, monkeypatch):
        # the listing works on brains only: getObject() is never called
        from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain

        def forbidden(self, REQUEST=None, restricted=True):
            raise AssertionError("getObject() called")

        monkeypatch.setattr(AbstractCatalogBrain, "getObject", forbidden)
        view = home()
        assert view.sections() and view.news()


class TestLayout:
    def test_site_uses_the_home_view(self, portal):
        assert portal.getLayout() == "ezabrze-home"
        assert "ezabrze-home" in [v for v, title in portal.getAvailableLayouts()]

    def test_chosen_layout_is_kept(self, manager, portal):
        portal.setLayout("summary_view")
        assert setuphandlers.set_home_layout(portal) is False
        assert portal.getLayout() == "summary_view"

    def test_default_page_is_kept(self, manager, portal):
        api.content.create(portal, "Document", id="front-page", title="Strona główna")
        portal.setLayout("listing_view")
        portal.setDefaultPage("front-page")
        assert setuphandlers.set_home_layout(portal) is False
        assert portal.getDefaultPage() == "front-page"

    def test_stock_layout_is_replaced(self, portal):
        portal.setLayout("listing_view")
        assert setuphandlers.set_home_layout(portal) is True
        assert portal.getLayout() == "ezabrze-home"


class TestHomePage:
    """The home page over HTTP, as an anonymous visitor."""

    @pytest.fixture
    def page(self, functional_manager, browser):
        build_site(functional_manager)
        transaction.commit()
        return browser.page()

    def test_heading_and_intro(self, page):
        assert page.cssselect("#content h1")
        assert page.cssselect("#content .ezabrze-home-intro")[0].text_content().startswith("Oficjalny portal")

    def test_tiles(self, page):
        tiles = page.cssselect(".ezabrze-home-sections .ezabrze-tile h3 a")
        assert [a.text_content() for a in tiles] == ["Dla mieszkańców", "Dla biznesu", "Aktualności"]
        assert "Intranet" not in page.cssselect(".ezabrze-home")[0].text_content()

    def test_news(self, page):
        items = page.cssselect(".ezabrze-news-item")
        assert len(items) == 5
        first = items[0]
        assert first.cssselect("h3 a")[0].text_content() == "Wiadomość 7"
        time = first.cssselect("time")[0]
        assert (time.get("datetime"), time.text_content()) == ("2026-03-07", "07.03.2026")
        assert first.cssselect(".ezabrze-news-description")[0].text_content() == "Opis wiadomości 7"
        text = page.cssselect(".ezabrze-home-news")[0].text_content()
        assert "Poufna" not in text
        assert "Wewnętrzna" not in text

    def test_all_news_link(self, page, functional_portal):
        [link] = page.cssselect(".ezabrze-news-all a")
        assert link.text_content() == "Wszystkie aktualności"
        assert link.get("href") == f"{functional_portal.absolute_url()}/aktualnosci"

    def test_empty_site(self, browser):
        page = browser.page()
        assert not page.cssselect(".ezabrze-home-sections")
        assert page.cssselect(".ezabrze-news-empty")[0].text_content() == "Nie opublikowano jeszcze żadnych aktualności."


class TestDisplayMenu:
    def test_home_view_has_a_polish_name_in_the_display_menu(self, browser):
        """Without a menu item, the toolbar's Display menu showed the view's id, "ezabrze-home"."""
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        browser.session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        toolbar = browser.page().cssselect("#edit-zone")[0].text_content()
        assert "Strona główna miasta" in toolbar
        assert "ezabrze-home" not in toolbar
