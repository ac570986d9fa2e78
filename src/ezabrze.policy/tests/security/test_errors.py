"""No anonymous 5xx from bad input: malformed JSON, easyform as JSON, huge signs, dates out of range,
query-string converters, a failing mail server; the answers are 400/404 and say nothing internal."""

from datetime import date
from datetime import datetime
from ezabrze.policy.cases import signs
from ezabrze.policy.security.dates import DateOutOfRange
from ezabrze.policy.security.dates import plausible_date
from ezabrze.policy.security.errors import bad_converters

import pytest
import transaction


HUGE = "1" * 5000


@pytest.mark.parametrize(
    "query,bad",
    [
        ("page:int=x", ["page"]),
        ("d:date=zzz", ["d"]),
        (f"n:int={HUGE}", ["n"]),
        ("a:float=1e", ["a"]),
        ("page:int=5&q=x", []),
        ("category:list=a&category:list=b", []),  # converts; our views refuse lists after traversal
        ("plain=1", []),
    ],
)
def test_bad_converters(query, bad):
    assert bad_converters(query)[0] == bad


def test_bad_converters_keep_the_good_parameters():
    assert bad_converters("page:int=x&q=abc")[1] == "q=abc"


@pytest.mark.parametrize("sign", [f"ZAB/2026/{HUGE}", "ZAB/2026/²²²²²²", "ZAB/２０２６/000001", "ZAB/2026/0000000001"])
def test_parse_sign_refuses_what_int_cannot_take(sign):
    assert signs.parse_sign(sign) is None


def test_parse_sign_still_reads_real_signs():
    assert signs.parse_sign("ZAB/2026/000123") == ("ZAB", 2026, 123)


@pytest.mark.parametrize("value", [date(1914, 12, 31), date(1989, 12, 31), date(9999, 1, 1), datetime(9999, 12, 31, 23, 0)])
def test_dates_out_of_range_are_refused(value):
    with pytest.raises(DateOutOfRange):
        plausible_date(value)


def test_notice_dates_are_checked_by_the_schema():
    from ezabrze.policy.councils.content import INotice

    with pytest.raises(DateOutOfRange):
        INotice["valid_from"].validate(date(1900, 1, 1))
    INotice["valid_from"].validate(date(2026, 1, 1))


# --------------------------------------------------------------------------- over HTTP (functional layer)


@pytest.fixture
def anon(functional_portal, request_factory):
    transaction.commit()
    return request_factory(api=False)


def test_malformed_json_on_login_is_400(anon):
    response = anon.post("/@login", data="{bad", headers={"Content-Type": "application/json",
                                                          "Accept": "application/json"})
    assert response.status_code == 400
    assert "Traceback" not in response.text


def test_malformed_json_on_a_page_is_400(anon):
    response = anon.post("/@@status-sprawy", data="{bad", headers={"Content-Type": "application/json"})
    assert response.status_code == 400


@pytest.mark.parametrize("query", ["page:int=x", "d:date=zzz", f"n:int={HUGE}", "sign:list=a&sign:list=b",
                                   "sign:record=1"])
def test_query_string_converters_on_own_pages_are_400(anon, query):
    response = anon.get(f"/@@status-sprawy?{query}")
    assert response.status_code == 400
    assert "Traceback" not in response.text


def test_huge_sign_on_the_status_service_is_404(anon):
    response = anon.post("/@case-status", json={"sign": f"ZAB/2026/{HUGE}", "code": "x"},
                         headers={"Accept": "application/json"})
    assert response.status_code == 404


def test_easyform_as_json_for_anonymous(functional_portal, request_factory):
    transaction.commit()
    response = request_factory().get("/dla-mieszkancow/formularze/zglos-problem")
    assert response.status_code == 200
    assert "permission" not in response.text.lower()


def test_password_reset_gives_one_answer(anon):
    known = anon.post("/mail_password", data={"userid": "admin"})
    unknown = anon.post("/mail_password", data={"userid": "nobody-here"})
    assert known.status_code == unknown.status_code == 200
    assert "could not be found" not in unknown.text
    assert "Errno" not in known.text and "Errno" not in unknown.text


@pytest.mark.parametrize("query", ["q=%ff", "q=%00", "b_start=abc", "b_size=x"])
def test_undecodable_text_and_bad_batch_parameters(query):
    assert bad_converters(query)[0]


def test_good_queries_pass_unchanged():
    assert bad_converters("q=Zabrze&b_start=20") == ([], "q=Zabrze&b_start=20")
    assert bad_converters("q=%C5%BC%C3%B3%C5%82w") == ([], "q=%C5%BC%C3%B3%C5%82w")
