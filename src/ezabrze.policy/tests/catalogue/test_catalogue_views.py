"""Classic UI views of the catalogue, as anonymous over HTTP: service card, unit, catalogue listing with
filters, search and batching, A–Z index; the stale-cards view for editors."""

from datetime import date
from datetime import timedelta
from ezabrze.policy.testing import catalogue as ct
from ezabrze.policy.testing.pages import html_page as page
from ezabrze.policy.testing.pages import html_session
from ezabrze.policy.testing.pages import texts
from lxml import html as lxml_html
from plone import api

import pytest
import transaction


EDITOR = ("redaktor", "Redaktor-haslo-1")
RESIDENT = ("mieszkanka", "Mieszkanka-haslo-1")


@pytest.fixture
def site(request_factory):
    return html_session(request_factory)


@pytest.fixture
def content(functional_portal):
    portal = functional_portal
    wso = ct.make_unit(
        portal, "wso", "Wydział Spraw Obywatelskich", street="ul. Powstańców Śląskich 5-7", postal_code="41-800",
        phone="+48 32 373 33 00", email="wso@um.zabrze.pl", epuap_box="/UMZabrze/SkrytkaESP",
        latitude=50.3065, longitude=18.7856, hours_monday="7:30–17:00", hours_tuesday="7:30–15:30",
    )
    bom = ct.make_unit(portal, "bom", "Biuro Obsługi Mieszkańców", unit_kind="office", parent=wso)
    ct.make_unit(portal, "tajna", "Tajna Jednostka W Budowie", publish=False, parent=wso)
    wgk = ct.make_unit(portal, "wgk", "Wydział Gospodarki Komunalnej")
    draft = ct.make_service(portal, "robocza", "Robocza Karta Usługi", wso, publish=False)
    meldunek = ct.make_service(
        portal, "zameldowanie", "Zameldowanie na pobyt stały", wso, location=bom,
        description="Zgłoszenie pobytu stałego w Zabrzu.",
        eligibility="Obywatel polski mieszkający w Zabrzu", required_documents="Dowód osobisty\nUmowa najmu",
        fee_free=False, fee_amount="17.00", fee_payment="Przelew na rachunek urzędu",
        handling_deadline="niezwłocznie", submission_channels=["in_person", "online"],
        online_url="https://sekap.pl/zameldowanie", legal_basis="Ustawa o ewidencji ludności",
        last_review=date(2026, 1, 15),
    )
    ct.make_service(
        portal, "dowod", "Wydanie dowodu osobistego", wso, related=[meldunek, draft], category="dowody-osobiste",
        suspended=True, suspension_reason="Awaria systemu Źródło do odwołania.",
        submission_channels=["online"], online_url="https://www.gov.pl/dowod",
    )
    ct.make_service(
        portal, "koncesja", "Zezwolenie na sprzedaż alkoholu", wgk, audience=["businesses"],
        category="dzialalnosc-gospodarcza", eligibility="Przedsiębiorca prowadzący sklep",
        legal_basis="Ustawa o wychowaniu w trzeźwości i przeciwdziałaniu alkoholizmowi",
    )
    ct.make_service(
        portal, "dotacja", "Łączenie dotacji dla organizacji", wgk, audience=["ngos", "businesses"],
        category="organizacje-pozarzadowe", submission_channels=["online"], online_url="https://witkac.pl",
    )
    ct.add_form_file(meldunek, "wniosek", "Formularz zgłoszenia pobytu", ct.pdf_bytes(2048), "wniosek.pdf",
                     "application/pdf")
    transaction.commit()
    return portal


class TestServiceView:
    def test_all_fields(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi/zameldowanie")
        text = " ".join(tree.xpath("//main")[0].text_content().split())
        for expected in (
            "Zameldowanie na pobyt stały",
            "Mieszkańcy",
            "Meldunek i sprawy obywatelskie",
            "Obywatel polski mieszkający w Zabrzu",
            "Przelew na rachunek urzędu",
            "17,00 zł",
            "niezwłocznie",
            "Osobiście",
            "Przez internet (SEKAP / ePUAP)",
            "Wydział Spraw Obywatelskich",
            "Biuro Obsługi Mieszkańców",
            "Ustawa o ewidencji ludności",
            "15.01.2026",
        ):
            assert expected in text, expected
        assert texts(tree, "//section[@aria-labelledby='ezabrze-documents']//li") == ["Dowód osobisty", "Umowa najmu"]
        assert tree.xpath("//a[@href='https://sekap.pl/zameldowanie']")
        headings = texts(tree, "//main//h2")
        assert "Formularze do pobrania" in headings and "Wymagane dokumenty" in headings

    def test_files_with_format_and_size(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi/zameldowanie")
        [item] = texts(tree, "//ul[@class='ezabrze-files']/li")
        assert item.startswith("Formularz zgłoszenia pobytu (PDF, 2")
        assert "KB" in item
        [link] = tree.xpath("//ul[@class='ezabrze-files']//a/@href")
        assert link.endswith("/zameldowanie/wniosek/@@download/file")

    def test_suspension_banner_and_no_online_link(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi/dowod")
        [banner] = texts(tree, "//div[contains(@class, 'ezabrze-suspended')]")
        assert "Usługa jest czasowo zawieszona." in banner
        assert "Awaria systemu Źródło do odwołania." in banner
        assert tree.xpath("//div[contains(@class, 'ezabrze-suspended')]/@role") == ["status"]
        assert not tree.xpath("//a[@href='https://www.gov.pl/dowod']")

    def test_related_services_only_if_visible(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi/dowod")
        assert texts(tree, "//section[@aria-labelledby='ezabrze-related']//li") == ["Zameldowanie na pobyt stały"]
        assert "Robocza Karta" not in lxml_html.tostring(tree, encoding="unicode")

    def test_free_of_charge(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi/koncesja")
        assert "Usługa jest bezpłatna." in texts(tree, "//section[@aria-labelledby='ezabrze-fees']")[0]


class TestUnitView:
    def test_address_contact_and_map(self, site, content):
        [unit] = page(site, "/dla-mieszkancow/jednostki/wso").xpath("//div[@class='ezabrze-unit']")
        [address] = texts(unit, ".//address")
        assert address == "ul. Powstańców Śląskich 5-7 41-800 Zabrze"
        assert unit.xpath(".//a[@href='tel:+48323733300']/text()") == ["+48 32 373 33 00"]
        assert unit.xpath(".//a[@href='mailto:wso@um.zabrze.pl']")
        assert texts(unit, ".//code") == ["/UMZabrze/SkrytkaESP"]
        [osm] = unit.xpath(".//a[starts-with(@href, 'https://www.openstreetmap.org/')]")
        assert "mlat=50.3065" in osm.get("href") and "mlon=18.7856" in osm.get("href")
        label = " ".join(osm.text_content().split())
        assert "Pokaż na mapie OpenStreetMap" in label and "50,3065" in label and "18,7856" in label

    def test_hours_table(self, site, content):
        tree = page(site, "/dla-mieszkancow/jednostki/wso")
        [table] = tree.xpath("//table[contains(@class, 'ezabrze-hours')]")
        assert [th.get("scope") for th in table.xpath(".//thead//th")] == ["col", "col"]
        rows = [(r.xpath("./th")[0], r.xpath("./td")[0]) for r in table.xpath(".//tbody/tr")]
        assert [th.get("scope") for th, td in rows] == ["row"] * 7
        assert [" ".join(td.text_content().split()) for th, td in rows][:3] == ["7:30–17:00", "7:30–15:30", "nieczynne"]
        assert " ".join(rows[6][0].text_content().split()) == "Niedziela"
        assert table.xpath("./caption")

    def test_services_and_sub_units_only_visible(self, site, content):
        tree = page(site, "/dla-mieszkancow/jednostki/wso")
        services = texts(tree, "//ul[@class='ezabrze-unit-services']/li/a")
        assert services == ["Wydanie dowodu osobistego", "Zameldowanie na pobyt stały"]
        assert texts(tree, "//section[@aria-labelledby='ezabrze-subunits']//li") == ["Biuro Obsługi Mieszkańców"]
        markup = lxml_html.tostring(tree, encoding="unicode")
        assert "Tajna Jednostka" not in markup and "Robocza Karta" not in markup

    def test_sub_unit_shows_parent(self, site, content):
        tree = page(site, "/dla-mieszkancow/jednostki/bom")
        assert tree.xpath("//p[@class='ezabrze-unit-parent']/a/text()") == ["Wydział Spraw Obywatelskich"]


def card_titles(tree):
    return texts(tree, "//li[contains(@class, 'ezabrze-card')]//h3/a")


class TestCatalogueListing:
    def test_is_the_default_view_of_the_catalogue(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi")
        assert card_titles(tree) == [
            "Łączenie dotacji dla organizacji",
            "Wydanie dowodu osobistego",
            "Zameldowanie na pobyt stały",
            "Zezwolenie na sprzedaż alkoholu",
        ]

    def test_form_is_accessible(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi")
        [form] = tree.xpath("//form[contains(@class, 'ezabrze-filters')]")
        assert form.get("method") == "get"
        # (protected_* are collective.honeypot's invisible trap fields, not ours)
        for control in form.xpath(".//input[@type!='hidden'][not(starts-with(@name, 'protected_'))] | .//select"):
            assert form.xpath(f".//label[@for='{control.get('id')}']"), control.get("name")

    @pytest.mark.parametrize(
        "params,expected",
        [
            ({"audience": "businesses"}, ["Łączenie dotacji dla organizacji", "Zezwolenie na sprzedaż alkoholu"]),
            ({"audience": "ngos"}, ["Łączenie dotacji dla organizacji"]),
            ({"category": "dowody-osobiste"}, ["Wydanie dowodu osobistego"]),
            ({"online": "1"}, ["Łączenie dotacji dla organizacji", "Zameldowanie na pobyt stały"]),
            ({"audience": "residents", "online": "1"}, ["Zameldowanie na pobyt stały"]),
            ({"SearchableText": "trzeźwości"}, ["Zezwolenie na sprzedaż alkoholu"]),
            ({"SearchableText": "umowa najmu"}, ["Zameldowanie na pobyt stały"]),
            ({"SearchableText": "mieszkający"}, ["Zameldowanie na pobyt stały"]),
            ({"SearchableText": "Gospodarki Komunalnej"}, [
                "Łączenie dotacji dla organizacji", "Zezwolenie na sprzedaż alkoholu"]),
            ({"audience": "nieistniejaca"}, [
                "Łączenie dotacji dla organizacji", "Wydanie dowodu osobistego",
                "Zameldowanie na pobyt stały", "Zezwolenie na sprzedaż alkoholu"]),
        ],
    )
    def test_filters(self, site, content, params, expected):
        assert card_titles(page(site, "/dla-mieszkancow/uslugi", **params)) == expected

    def test_filter_by_unit(self, site, content):
        uid = api.content.get(path="/dla-mieszkancow/jednostki/wgk").UID()
        tree = page(site, "/dla-mieszkancow/uslugi", unit=uid)
        assert card_titles(tree) == ["Łączenie dotacji dla organizacji", "Zezwolenie na sprzedaż alkoholu"]
        assert tree.xpath(f"//select[@name='unit']/option[@value='{uid}']/@selected")

    def test_unit_options_are_visible_units_only(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi")
        assert texts(tree, "//select[@name='unit']/option")[1:] == [
            "Wydział Gospodarki Komunalnej",
            "Wydział Spraw Obywatelskich",
        ]

    def test_card_content(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi", category="dowody-osobiste")
        [card] = tree.xpath("//li[contains(@class, 'ezabrze-card')]")
        text = " ".join(card.text_content().split())
        assert "Mieszkańcy" in text and "Dowody osobiste" in text and "Wydział Spraw Obywatelskich" in text
        assert "zawieszona" in text  # status in words, not only a colour
        assert "dostępna przez internet" not in text

    def test_no_results_message(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi", SearchableText="xyzzy")
        assert card_titles(tree) == []
        assert "Żadna usługa nie spełnia kryteriów" in tree.text_content()

    @pytest.mark.parametrize(
        "section,expected",
        [
            ("dla-biznesu", ["Łączenie dotacji dla organizacji", "Zezwolenie na sprzedaż alkoholu"]),
            ("organizacje-pozarzadowe", ["Łączenie dotacji dla organizacji"]),
        ],
    )
    def test_audience_entry_from_the_sections(self, site, content, section, expected):
        response = site.get(f"/{section}/e-uslugi")
        assert response.status_code == 200
        assert response.url.split("/plone", 1)[1].startswith("/dla-mieszkancow/uslugi")
        assert card_titles(lxml_html.fromstring(response.text)) == expected

    def test_anonymous_listing_hides_private_cards(self, site, content):
        markup = site.get("/dla-mieszkancow/uslugi").text
        assert "Robocza Karta" not in markup and "Tajna Jednostka" not in markup


@pytest.fixture
def many(functional_portal):
    unit = ct.make_unit(functional_portal, "wydzial", "Wydział Organizacyjny")
    for i in range(1, 26):
        ct.make_service(functional_portal, f"usluga-{i:02d}", f"Usługa numer {i:02d}", unit,
                        audience=["businesses"] if i % 5 == 0 else ["residents"])
    transaction.commit()


class TestBatching:
    def test_twenty_per_page(self, site, many):
        first = page(site, "/dla-mieszkancow/uslugi")
        assert card_titles(first) == [f"Usługa numer {i:02d}" for i in range(1, 21)]
        assert "25" in texts(first, "//p[contains(@class, 'ezabrze-count')]")[0]
        second = page(site, "/dla-mieszkancow/uslugi", b_start=20)
        assert card_titles(second) == [f"Usługa numer {i:02d}" for i in range(21, 26)]

    def test_batch_links_keep_the_filters(self, site, many):
        tree = page(site, "/dla-mieszkancow/uslugi", SearchableText="numer")
        links = tree.xpath("//nav[contains(@class, 'pagination') or @aria-label]//a/@href | //ul[contains(@class, 'pagination')]//a/@href")
        assert any("b_start" in link and "SearchableText=numer" in link for link in links), links

    def test_filter_then_no_batching(self, site, many):
        tree = page(site, "/dla-mieszkancow/uslugi", audience="businesses")
        assert card_titles(tree) == ["Usługa numer 05", "Usługa numer 10", "Usługa numer 15", "Usługa numer 20",
                                     "Usługa numer 25"]
        assert "b_start" not in lxml_html.tostring(tree, encoding="unicode")


class TestAZIndex:
    def test_groups_by_polish_letters(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi/@@uslugi-a-z")
        groups = {
            " ".join(section.xpath("./h2")[0].text_content().split()): texts(section, ".//li/a")
            for section in tree.xpath("//div[@class='ezabrze-az']/section")
        }
        assert list(groups) == ["Ł", "W", "Z"]
        assert groups["Z"] == ["Zameldowanie na pobyt stały", "Zezwolenie na sprzedaż alkoholu"]
        assert groups["Ł"] == ["Łączenie dotacji dla organizacji"]

    def test_letter_navigation(self, site, content):
        tree = page(site, "/dla-mieszkancow/uslugi/@@uslugi-a-z")
        linked = tree.xpath("//nav[contains(@class, 'ezabrze-letters')]//a")
        assert [a.text_content() for a in linked] == ["Ł", "W", "Z"]
        for a in linked:
            anchor = a.get("href").lstrip("#")
            assert tree.xpath(f"//h2[@id='{anchor}']")[0].text_content().strip() == a.text_content()
        empty = tree.xpath("//nav[contains(@class, 'ezabrze-letters')]//span[contains(@class, 'ezabrze-letter-empty')]")
        assert len(empty) == 35 - 3
        assert "(brak usług)" in empty[0].text_content()


@pytest.fixture
def stale(functional_portal):
    portal = functional_portal
    ct.make_user(EDITOR, ["Editor"])
    api.user.create(email="mieszkanka@example.org", username=RESIDENT[0], password=RESIDENT[1])
    unit = ct.make_unit(portal, "wydzial", "Wydział Organizacyjny")
    today = date.today()
    ct.make_service(portal, "swieza", "Świeża karta", unit, last_review=today - timedelta(days=30))
    ct.make_service(portal, "stara", "Stara karta", unit, last_review=today - timedelta(days=400))
    ct.make_service(portal, "bardzo-stara", "Bardzo stara karta", unit, last_review=date(2020, 5, 1))
    ct.make_service(portal, "nigdy", "Nieprzeglądana karta", unit, last_review=None)
    ct.make_service(portal, "prawie", "Karta sprzed 11 miesięcy", unit, last_review=today - timedelta(days=330))
    transaction.commit()


class TestStaleCards:
    def test_editor_sees_stale_cards_oldest_first(self, request_factory, stale):
        editor = html_session(request_factory, EDITOR)
        tree = page(editor, "/dla-mieszkancow/uslugi/@@nieaktualne-karty")
        rows = tree.xpath("//table/tbody/tr")
        assert [" ".join(r.xpath("./th")[0].text_content().split()) for r in rows] == [
            "Nieprzeglądana karta",
            "Bardzo stara karta",
            "Stara karta",
        ]
        assert " ".join(rows[0].xpath("./td")[0].text_content().split()) == "nigdy"
        assert " ".join(rows[1].xpath("./td")[0].text_content().split()) == "01.05.2020"
        assert [th.get("scope") for th in tree.xpath("//table/thead//th")] == ["col"] * 4

    def test_anonymous_is_refused(self, site, stale):
        response = site.get("/dla-mieszkancow/uslugi/@@nieaktualne-karty", allow_redirects=False)
        assert response.status_code in (302, 401, 403)
        assert "Stara karta" not in response.text

    def test_resident_is_refused(self, request_factory, stale):
        resident = html_session(request_factory, RESIDENT)
        response = resident.get("/dla-mieszkancow/uslugi/@@nieaktualne-karty", allow_redirects=False)
        assert response.status_code in (302, 401, 403)
        assert "Stara karta" not in response.text
