"""The consultation report as a PDF: the same content as the report page (public remarks per unit with their
published answers, totals, meetings and opinions), Polish letters intact, the right headers, and nothing hidden or
unpublished in it for anybody."""

from datetime import timedelta
from ezabrze.ngo.consultations import outcome
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.setup import folder
from ezabrze.ngo.testing import make_consultation
from ezabrze.ngo.testing import NOW
from ezabrze.policy.testing.pdf import pdf_fonts
from ezabrze.policy.testing.pdf import pdf_text
from plone import api
from zExceptions import Unauthorized

import pytest
import re


@pytest.fixture
def consultation(portal, world, frozen, login_as):
    with api.env.adopt_roles(["Manager"]):
        consultation = make_consultation(
            folder(), NOW + timedelta(days=1), NOW + timedelta(days=8), participation="ngo_residents",
            report_meetings="Spotkanie otwarte 12.10.2027, sala sesyjna, ul. Powstańców Śląskich 5–7",
            report_written_opinions="Opinia Zabrzańskiej Rady Działalności Pożytku Publicznego",
        )
    frozen.set(NOW + timedelta(days=2))

    def post(who, **data):
        login_as(who)
        values = {"unit_id": "par-3", "proposed_wording": "Na program przeznacza się 200 zł.",
                  "justification": "Więcej środków na żłobki."}
        values.update(data)
        return remarks_api.add(consultation, values)

    answered = post("rep_a", justification="Zwiększyć kwotę — źródło: uchwała budżetowa; =SUM(A1)")
    hidden = post("rep_b", unit_id="par-1", justification="Ukryta przez moderatora")
    prepared = post("resident", unit_id="", proposed_wording="", justification="Uwaga ogólna mieszkańca")
    post("rep_b", unit_id="par-1", justification="<script>alert('x')</script> Łączność",
         parent_id=None)
    login_as("moderator")
    remarks_api.moderate(consultation, hidden.id, "hide", "Spam")
    login_as("staff")
    remarks_api.prepare_answer(consultation, answered.id, "partly", "Zwiększamy do 150 zł — żółć i gęśl.")
    remarks_api.publish_answers(consultation)
    remarks_api.prepare_answer(consultation, prepared.id, "rejected", "Szkic odpowiedzi, nieopublikowany")
    frozen.set(NOW + timedelta(days=9))
    login_as("editor")
    outcome.set_adopted(consultation, {"par-3": "Na program przeznacza się 150 zł."})
    return consultation


def pdf(consultation, portal):
    portal.REQUEST.response.headers.pop("content-type", None)
    return api.content.get_view("raport.pdf", consultation, portal.REQUEST)()


def publish(consultation):
    with api.env.adopt_roles(["Manager"]):
        state.sync()
        api.content.transition(consultation, transition="publish_report")


def flat(text):
    return re.sub(r"\s+", " ", text)


def test_report_pdf_content(consultation, portal, login_as):
    publish(consultation)
    login_as("anonymous")
    data = pdf(consultation, portal)
    assert data.startswith(b"%PDF-")
    text = flat(pdf_text(data))
    assert "Raport z konsultacji" in text
    assert "Program 2027" in text
    # Per unit: the remark, its organization, the published answer and its reasoning.
    assert "Zwiększyć kwotę — źródło: uchwała budżetowa; =SUM(A1)" in text
    assert "Stowarzyszenie A" in text
    assert "Uwzględniona częściowo" in text
    assert "Zwiększamy do 150 zł — żółć i gęśl." in text
    # The resident is named as such, never by e-mail or login.
    assert "Uwaga ogólna mieszkańca" in text
    assert re.search(r"mieszkaniec/\s?mieszkanka", text)
    assert "resident@example.org" not in text and "rep_a" not in text
    # Markup written by a participant stays text.
    assert "<script>alert('x')</script> Łączność" in text
    # The adopted text's difference, the totals, meetings and written opinions.
    assert "Zmiana w tekście przyjętym: Na program przeznacza się [−100][+150] zł." in text
    assert "Uwagi według stanowiska" in text and "Uwagi według organizacji" in text
    assert "Spotkanie otwarte 12.10.2027, sala sesyjna, ul. Powstańców Śląskich 5–7" in text
    assert "Opinia Zabrzańskiej Rady Działalności Pożytku Publicznego" in text
    assert any("DejaVu" in name for name in pdf_fonts(data))


def test_hidden_remarks_and_unpublished_answers_never_in_the_pdf(consultation, portal, login_as):
    for who in ("editor", "moderator"):  # even those who may see them elsewhere
        login_as(who)
        if who == "moderator":
            publish(consultation)
        text = flat(pdf_text(pdf(consultation, portal)))
        assert "Ukryta przez moderatora" not in text
        assert "Szkic odpowiedzi" not in text
        assert "Nieuwzględniona 0" in text  # the prepared answer is not counted either


def test_totals_match_the_report_page(consultation, portal, login_as):
    publish(consultation)
    login_as("anonymous")
    text = flat(pdf_text(pdf(consultation, portal)))
    data = outcome.report(consultation)
    assert data["total"] == 3
    assert "Uwagi: 3" in text
    assert re.search(r"Uwzględniona częściowo 1", text)
    assert re.search(r"Fundacja B 1", text) and re.search(r"Stowarzyszenie A 1", text)


def test_headers(consultation, portal, login_as):
    publish(consultation)
    login_as("anonymous")
    data = pdf(consultation, portal)
    response = portal.REQUEST.response
    assert response.getHeader("Content-Type") == "application/pdf"
    assert response.getHeader("Content-Length") == str(len(data))
    assert response.getHeader("Content-Disposition").startswith('attachment; filename="raport-konsultacja.pdf"')
    assert response.getHeader("X-Content-Type-Options") == "nosniff"


@pytest.mark.parametrize("who", ["anonymous", "resident", "rep_a", "rep_b", "unverified", "moderator", "staff"])
def test_unpublished_report_pdf_refused(consultation, portal, login_as, who):
    login_as(who)
    with pytest.raises(Unauthorized):
        pdf(consultation, portal)


@pytest.mark.parametrize("who", ["editor", "site_admin"])
def test_unpublished_report_pdf_for_managers(consultation, portal, login_as, who):
    login_as(who)
    data = pdf(consultation, portal)
    assert "Raport z konsultacji" in pdf_text(data)
    assert portal.REQUEST.response.getHeader("Cache-Control") == "private, no-store"


def test_report_page_links_the_pdf(consultation, portal, login_as):
    publish(consultation)
    login_as("anonymous")
    html = api.content.get_view("raport", consultation, portal.REQUEST)()
    assert "@@raport.pdf" in html
