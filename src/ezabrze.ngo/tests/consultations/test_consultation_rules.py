"""Date-driven states with a frozen clock, remarks, threads, moderation, answers, outcome, report, exports."""

from datetime import timedelta
from ezabrze.ngo.consultations import exports
from ezabrze.ngo.consultations import outcome
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.setup import folder
from ezabrze.ngo.testing import make_consultation
from ezabrze.ngo.testing import NOW
from plone import api
from zope.i18n import translate

import csv
import io
import json
import openpyxl
import pytest


def pl(message):
    return translate(message, target_language="pl")


@pytest.fixture
def consultation(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        return make_consultation(folder(), NOW + timedelta(days=1), NOW + timedelta(days=8))


def refused(status, call, *args, **kwargs):
    with pytest.raises(remarks_api.RemarkError) as info:
        call(*args, **kwargs)
    assert info.value.status == status
    return pl(info.value.message)


def test_state_follows_the_clock_to_the_second(consultation, frozen):
    end = NOW + timedelta(days=8)
    assert state.effective_state(consultation) == "scheduled"
    frozen.set(NOW + timedelta(days=1))
    assert state.effective_state(consultation) == "open"
    frozen.set(end - timedelta(seconds=1))
    assert state.effective_state(consultation) == "open"
    assert state.days_left(consultation.end) == 1
    frozen.set(end)
    assert state.effective_state(consultation) == "closed"
    assert state.days_left(consultation.end) == 0


def test_sync_fires_open_and_close_without_a_page_view(consultation, frozen):
    catalog = api.portal.get_tool("portal_catalog")
    assert state.sync() == []
    frozen.set(NOW + timedelta(days=1, seconds=1))
    assert [t for _p, t in state.sync()] == ["open"]
    assert api.content.get_state(consultation) == "open"
    assert catalog.unrestrictedSearchResults(portal_type="Consultation", review_state="open")
    frozen.set(NOW + timedelta(days=30))
    assert [t for _p, t in state.sync()] == ["close"]
    assert api.content.get_state(consultation) == "closed"


def test_sync_skips_straight_to_closed(consultation, frozen):
    frozen.set(NOW + timedelta(days=30))
    assert [t for _p, t in state.sync()] == ["open", "close"]


def test_clock_transitions_refused_before_their_time(consultation, frozen):
    with api.env.adopt_roles(["Manager"]):
        with pytest.raises(Exception):
            api.content.transition(consultation, transition="open")
    assert api.content.get_state(consultation) == "scheduled"


def test_editor_cannot_fire_the_clock_transitions(consultation, frozen, login_as):
    frozen.set(NOW + timedelta(days=2))
    login_as("editor")
    wf = api.portal.get_tool("portal_workflow")
    assert "open" not in [t["id"] for t in wf.getTransitionsFor(consultation)]


def test_short_period_needs_a_reason():
    from ezabrze.ngo.consultations.content import IConsultation
    from zope.interface import Invalid

    class Data:
        start = NOW
        end = NOW + timedelta(days=3)
        short_period_reason = ""
        consultation_forms = ["online"]

    with pytest.raises(Invalid):
        IConsultation.validateInvariants(Data())
    Data.short_period_reason = "Termin ustawowy przyjęcia budżetu."
    IConsultation.validateInvariants(Data())
    Data.end = NOW - timedelta(seconds=1)
    with pytest.raises(Invalid):
        IConsultation.validateInvariants(Data())


def test_units_frozen_when_scheduled(consultation):
    from ezabrze.policy.utils import rich_text
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    ids = [u["id"] for u in consultation.units]
    assert "par-2-ust-2-pkt-1" in ids
    consultation.draft = rich_text("<p>§ 9. Inny tekst.</p>")
    notify(ObjectModifiedEvent(consultation))
    assert [u["id"] for u in consultation.units] == ids


def post(consultation, who, login_as, **data):
    login_as(who)
    values = {"unit_id": "par-3", "proposed_wording": "Na program przeznacza się 200 zł.", "justification": "Więcej."}
    values.update(data)
    return remarks_api.add(consultation, values)


def test_remarks_only_while_open_and_until_the_last_second(consultation, frozen, login_as):
    assert "jeszcze otwarte" in refused(409, post, consultation, "rep_a", login_as)
    frozen.set(NOW + timedelta(days=1))
    remark = post(consultation, "rep_a", login_as)
    assert remark.organization_title == "Stowarzyszenie A" and remark.current_wording.startswith("Na program")
    frozen.set(NOW + timedelta(days=8) - timedelta(seconds=1))
    post(consultation, "rep_b", login_as)
    frozen.set(NOW + timedelta(days=8))
    refused(409, post, consultation, "rep_a", login_as)
    assert len(remarks_api.remarks_tree(consultation)) == 2


def test_who_may_post(consultation, frozen, login_as, world):
    frozen.set(NOW + timedelta(days=2))
    refused(401, post, consultation, "anonymous", login_as)
    refused(403, post, consultation, "resident", login_as)
    refused(403, post, consultation, "unverified", login_as)
    with api.env.adopt_roles(["Manager"]):
        consultation.participation = "ngo_residents"
    remark = post(consultation, "resident", login_as)
    assert remark.author_kind == "resident" and remark.organization_title == ""
    assert pl(remarks_api.author_label(remark)) == "mieszkaniec/mieszkanka"
    # the unverified representative takes part as a resident then, never for the organisation
    assert post(consultation, "unverified", login_as).author_kind == "resident"
    refused(403, post, consultation, "rep_a", login_as, organization=world["org_b"].UID())


def test_bad_input_stores_nothing(consultation, frozen, login_as):
    frozen.set(NOW + timedelta(days=2))
    refused(400, post, consultation, "rep_a", login_as, unit_id="par-99")
    refused(400, post, consultation, "rep_a", login_as, justification="   ")
    refused(400, post, consultation, "rep_a", login_as, justification="x" * 10001)
    refused(400, post, consultation, "rep_a", login_as, parent_id="nope")
    assert len(remarks_api.remarks_tree(consultation)) == 0
    remark = post(consultation, "rep_a", login_as, justification="<script>alert(1)</script>\x00")
    assert remark.justification == "<script>alert(1)</script>"  # kept as text, escaped when shown


def test_threads_general_remarks_and_page(consultation, frozen, login_as, portal):
    frozen.set(NOW + timedelta(days=2))
    remark = post(consultation, "rep_a", login_as)
    general = post(consultation, "rep_b", login_as, unit_id="", proposed_wording="")
    reply = post(consultation, "rep_b", login_as, parent_id=remark.id, justification="Zgadzamy się.")
    assert reply.unit_id == "par-3" and general.unit_id == ""
    login_as("anonymous")
    view = api.content.get_view("uwagi", consultation, portal.REQUEST)
    html = view()
    assert "Stowarzyszenie A" in html and "Zgadzamy się." in html
    assert "<del>100</del>" in html and "<ins>200</ins>" in html
    page = api.content.get_view("view", consultation, portal.REQUEST)()
    assert 'id="par-2-ust-2-pkt-1"' in page and "Zgłoś uwagę do tego fragmentu" in page


def test_html_shown_escaped(consultation, frozen, login_as, portal):
    frozen.set(NOW + timedelta(days=2))
    post(consultation, "rep_a", login_as, justification="<script>alert('x')</script>")
    html = api.content.get_view("uwagi", consultation, portal.REQUEST)()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_moderation(consultation, frozen, login_as, portal):
    frozen.set(NOW + timedelta(days=2))
    api.portal.set_registry_record("ezabrze.ngo.consultations.reports_to_hide", 2)
    remark = post(consultation, "rep_a", login_as)
    refused(409, remarks_api.report, consultation, remark.id, "spam")  # own remark
    login_as("rep_b")
    refused(400, remarks_api.report, consultation, remark.id, "nie-lubie")
    remarks_api.report(consultation, remark.id, "spam")
    refused(409, remarks_api.report, consultation, remark.id, "spam")  # once per person
    login_as("anonymous")
    refused(401, remarks_api.report, consultation, remark.id, "spam")
    with api.env.adopt_roles(["Manager"]):
        consultation.participation = "ngo_residents"
    login_as("resident")
    remarks_api.report(consultation, remark.id, "offensive")
    assert remark.hidden  # after 2 reports
    login_as("anonymous")
    assert remarks_api.visible(consultation) == []
    refused(404, remarks_api.get, consultation, remark.id)
    login_as("rep_b")
    refused(403, remarks_api.moderate, consultation, remark.id, "restore", "ok")
    login_as("moderator")
    assert remarks_api.visible(consultation) == [remark]
    refused(400, remarks_api.moderate, consultation, remark.id, "restore", " ")
    remarks_api.moderate(consultation, remark.id, "restore", "Uwaga merytoryczna")
    assert not remark.hidden
    remarks_api.moderate(consultation, remark.id, "hide", "Dane osobowe w treści")
    actions = [(e["action"], e["actor"]) for e in remarks_api.log_entries(consultation)]
    assert actions == [("hide", "moderator"), ("restore", "moderator"), ("hide", "system"),
                       ("report", "resident"), ("report", "rep_b")]
    log = api.content.get_view("dziennik-moderacji", consultation, portal.REQUEST)()
    assert "Dane osobowe w treści" in log


def test_answers_prepared_then_published(consultation, frozen, login_as, portal):
    frozen.set(NOW + timedelta(days=2))
    remark = post(consultation, "rep_a", login_as)
    reply = post(consultation, "rep_b", login_as, parent_id=remark.id, justification="Tak.")
    login_as("rep_b")
    refused(403, remarks_api.prepare_answer, consultation, remark.id, "accepted", "Ok")
    login_as("staff")
    refused(400, remarks_api.prepare_answer, consultation, remark.id, "maybe", "Ok")
    refused(400, remarks_api.prepare_answer, consultation, remark.id, "accepted", "")
    refused(400, remarks_api.prepare_answer, consultation, reply.id, "accepted", "Ok")
    remarks_api.prepare_answer(consultation, remark.id, "partly", "Zwiększamy do 150 zł.")
    assert remarks_api.show_answer(consultation, remark)["verdict"] == "partly"
    login_as("anonymous")
    assert remarks_api.show_answer(consultation, remark) is None  # prepared: not public yet
    login_as("staff")
    published = remarks_api.publish_answers(consultation)
    assert published == [remark]
    from ezabrze.ngo.consultations.mail import answer_published

    message = answer_published(consultation, remark)
    assert message["To"] == "rep_a@example.org" and "Uwzględniona częściowo" in message.get_content()
    login_as("anonymous")
    assert remarks_api.show_answer(consultation, remark)["reasoning"] == "Zwiększamy do 150 zł."
    html = api.content.get_view("uwagi", consultation, portal.REQUEST)()
    assert "official-answer verdict-partly" in html


def test_outcome_report_and_exports(consultation, frozen, login_as, portal):
    frozen.set(NOW + timedelta(days=2))
    remark = post(consultation, "rep_a", login_as, justification="=HYPERLINK(\"http://evil\")")
    hidden = post(consultation, "rep_b", login_as, unit_id="par-1", justification="Ukryta treść")
    post(consultation, "rep_b", login_as, unit_id="", proposed_wording="", justification="Ogólna")
    login_as("moderator")
    remarks_api.moderate(consultation, hidden.id, "hide", "Spam")
    login_as("staff")
    remarks_api.prepare_answer(consultation, remark.id, "accepted", "Przyjęto.")
    remarks_api.publish_answers(consultation)
    login_as("editor")
    refused(409, outcome.set_adopted, consultation, {"par-3": "x"})  # still open
    frozen.set(NOW + timedelta(days=9))
    refused(400, outcome.set_adopted, consultation, {"par-99": "x"})
    outcome.set_adopted(consultation, {"par-3": "Na program przeznacza się 200 zł."})
    data = outcome.report(consultation)
    units = {u["unit"]["id"]: u for u in data["units"]}
    assert units["par-3"]["changed"] and ("ins", "200") in units["par-3"]["diff"]
    assert not units["par-1"]["changed"] and units["par-1"]["remarks"] == []  # the hidden one left out
    assert data["total"] == 2 and dict(data["by_verdict"])["accepted"] == 1
    assert dict(data["by_organization"]) == {"Stowarzyszenie A": 1, "Fundacja B": 1}
    html = api.content.get_view("raport", consultation, portal.REQUEST)()
    assert "Ukryta" not in html and "<ins>200</ins>" in html
    rows = list(csv.reader(io.StringIO(exports.remarks_csv(consultation, portal.REQUEST).lstrip("\ufeff")),
                           delimiter=";"))
    assert len(rows) == 3 and not any("Ukryta" in cell for row in rows for cell in row)
    assert "'=HYPERLINK(\"http://evil\")" in [cell for row in rows for cell in row]
    book = openpyxl.load_workbook(io.BytesIO(exports.remarks_xlsx(consultation, portal.REQUEST)))
    cells = [c.value for row in book.active.iter_rows() for c in row]
    assert "'=HYPERLINK(\"http://evil\")" in cells and "Ukryta treść" not in cells
    report_book = openpyxl.load_workbook(io.BytesIO(exports.report_xlsx(consultation, portal.REQUEST)))
    assert report_book.sheetnames == ["Raport", "Podsumowanie", "Spotkania i opinie"]
    report_cells = [c.value for row in report_book["Raport"].iter_rows() for c in row]
    assert "Przyjęto." in report_cells and not any(str(v).startswith("=") for v in report_cells if v)
    items = json.loads(api.content.get_view("uwagi.json", consultation, portal.REQUEST)())
    assert {i["organization"] for i in items} == {"Stowarzyszenie A", "Fundacja B"}
    with api.env.adopt_roles(["Manager"]):
        state.sync()
        api.content.transition(consultation, transition="publish_report")
    login_as("anonymous")
    assert "<ins>200</ins>" in api.content.get_view("raport", consultation, portal.REQUEST)()
