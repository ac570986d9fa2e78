"""Anonymous usage counts per kiosk and page: counted in memory, added to the ZODB without conflicts."""

from BTrees.Length import Length
from datetime import date
from ezabrze.theme.kiosk import usage
from persistent import Persistent
from ZODB.FileStorage import FileStorage
from zope.annotation.attribute import AttributeAnnotations
from zope.annotation.interfaces import IAttributeAnnotatable
from zope.component import provideAdapter
from zope.interface import implementer

import lxml.html
import pytest
import threading
import transaction
import ZODB


@pytest.fixture(autouse=True)
def no_pending():
    usage._take_pending()
    yield
    usage._take_pending()


@implementer(IAttributeAnnotatable)
class Site(Persistent):
    pass


@pytest.fixture
def db(tmp_path):
    provideAdapter(AttributeAnnotations)
    database = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    connection = database.open()
    connection.root()["site"] = Site()
    transaction.commit()
    site = connection.root()["site"]
    yield database, site
    transaction.abort()
    connection.close()
    database.close()


class TestPageKey:
    @pytest.mark.parametrize(
        "path,key",
        [
            ("", "start"),
            ("infokiosk", "infokiosk"),
            ("dla-mieszkancow/uslugi/@@uslugi-a-z", "dla-mieszkancow/uslugi/uslugi-a-z"),
            ("aktualnosci/wpis/view", "aktualnosci/wpis"),
            ("a" * 500, "a" * 200),
        ],
    )
    def test_page_key(self, path, key):
        assert usage.page_key(path) == key


class TestCounting:
    def test_counts_are_kept_in_memory_until_flushed(self, db):
        database, site = db
        day = date(2026, 5, 4)
        usage.count(site, "k01", "", day=day)
        usage.count(site, "k01", "", day=day)
        usage.count(site, "k02", "aktualnosci", day=day)
        assert usage.fresh_report(database, site._p_oid) == []
        assert usage.flush(database) == 3
        assert sorted(usage.fresh_report(database, site._p_oid)) == [
            ("2026-05-04", "k01", "start", 2),
            ("2026-05-04", "k02", "aktualnosci", 1),
        ]
        assert usage.flush(database) == 0

    def test_report_by_period(self, db):
        database, site = db
        for day in (date(2026, 5, 1), date(2026, 5, 2), date(2026, 5, 3)):
            usage.count(site, "k01", "", day=day)
        usage.flush(database)
        rows = usage.fresh_report(database, site._p_oid, "2026-05-02", "2026-05-03")
        assert [row[0] for row in rows] == ["2026-05-02", "2026-05-03"]

    def test_concurrent_flushes_of_the_same_counter_do_not_conflict(self, db):
        """Two processes (connections) add to the same counter at once: Length resolves the conflict."""
        database, site = db
        usage.count(site, "k01", "", day=date(2026, 5, 4))
        usage.flush(database)  # the counter exists

        barrier = threading.Barrier(2)
        errors = []

        def add(value):
            manager = transaction.TransactionManager()
            connection = database.open(transaction_manager=manager)
            try:
                counter = usage.usage_tree(connection.get(site._p_oid))["2026-05-04"]["k01"]["start"]
                assert isinstance(counter, Length)
                counter.change(value)
                barrier.wait()
                manager.commit()
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)
            finally:
                connection.close()

        threads = [threading.Thread(target=add, args=(n,)) for n in (10, 5)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert usage.fresh_report(database, site._p_oid) == [("2026-05-04", "k01", "start", 16)]

    def test_failed_flush_keeps_the_counts(self, db, monkeypatch):
        database, site = db
        usage.count(site, "k01", "", day=date(2026, 5, 4))

        def broken(*args):
            raise RuntimeError("database gone")

        monkeypatch.setattr(usage, "_add", broken)
        assert usage.flush(database) == 0
        monkeypatch.undo()
        assert usage.flush(database) == 1


class TestOverHTTP:
    def _k03_counts(self, browser):
        tree = lxml.html.fromstring(browser.get("@@infokiosk-statystyki").content)
        rows = [
            [cell.text_content().strip() for cell in row.iter("td")]
            for row in tree.xpath("//table[contains(@class, 'ezabrze-kiosk-report-pages')]/tbody/tr")
        ]
        return {row[1]: int(row[2]) for row in rows if row[0] == "k03"}

    def test_kiosk_pages_are_counted_and_reported(self, browser, functional_portal):
        # Other tests of the layer may have opened k03's start screen (test_mode visits every kiosk): count from here.
        browser.login()
        before = self._k03_counts(browser)
        browser.session.auth = None  # the kiosk is used anonymously
        kiosk_url = f"{functional_portal.absolute_url()}/++kiosk++k03"
        browser.get(kiosk_url)
        browser.get(kiosk_url)
        browser.get(f"{kiosk_url}/@@search?SearchableText=PESEL+12345678901")
        browser.get(f"{kiosk_url}/login")  # 403: not counted
        browser.get("")  # not a kiosk page
        browser.login()
        tree = lxml.html.fromstring(browser.get("@@infokiosk-statystyki").content)
        rows = [
            [cell.text_content().strip() for cell in row.iter("td")]
            for row in tree.xpath("//table[contains(@class, 'ezabrze-kiosk-report-pages')]/tbody/tr")
        ]
        after = {row[1]: int(row[2]) for row in rows if row[0] == "k03"}
        assert {page: after[page] - before.get(page, 0) for page in after} == {"start": 2, "search": 1}
        assert "12345678901" not in lxml.html.tostring(tree, encoding="unicode")
        per_kiosk = tree.xpath("//table[contains(@class, 'ezabrze-kiosk-report-kiosks')]/tbody/tr")
        assert len(per_kiosk) == 17
        cells = {row[0]: row for row in ([c.text_content() for c in tr.iter("td")] for tr in per_kiosk)}
        assert cells["k03"][:2] == ["k03", "Miejska Biblioteka Publiczna, ul. Wolności 286"]
        assert int(cells["k03"][2]) == sum(before.values()) + 3  # the three pages of this test on top of before

    def test_report_refuses_bad_dates_in_polish(self, browser, functional_portal):
        browser.login()
        response = browser.get("@@infokiosk-statystyki", params={"od": "wczoraj"})
        assert response.status_code == 400
        assert "Podaj daty w formacie RRRR-MM-DD" in response.text
