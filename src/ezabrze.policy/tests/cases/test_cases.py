"""Citizen forms and cases (integration layer: the action, routing, workflow, lookup, exports, purge)."""

from collective.easyform.api import get_actions
from collective.easyform.config import FORM_ERROR_MARKER
from collective.honeypot.config import HONEYPOT_FIELD
from datetime import date
from datetime import timedelta
from datetime import UTC
from ezabrze.policy.cases import api as cases_api
from ezabrze.policy.cases import purge
from ezabrze.policy.cases import ratelimit
from ezabrze.policy.cases import signs
from ezabrze.policy.cases import tracking
from ezabrze.policy.cases.browser import views as case_browser
from ezabrze.policy.cases.content import now
from ezabrze.policy.testing.files import PDF
from ezabrze.policy.testing.files import PNG
from ezabrze.policy.testing.personas import create_personas
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.namedfile.file import NamedBlobFile
from zExceptions import Forbidden

import csv
import io
import pytest
import re
import transaction


SIGN_RE = re.compile(r"^ZAB/\d{4}/\d{6}$")
FORMS = "dla-mieszkancow/formularze"


@pytest.fixture
def site(portal, http_request):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    ratelimit.submissions.reset()
    ratelimit.status_failures.reset()
    http_request["REMOTE_ADDR"] = "192.0.2.10"
    http_request.form[HONEYPOT_FIELD] = ""
    units = portal["dla-mieszkancow"]["jednostki"]
    for unit_id, title, email in (
        ("biuro-obslugi-mieszkancow", "Biuro Obsługi Mieszkańców", "bom@um.zabrze.pl"),
        ("wydzial-organizacyjny", "Wydział Organizacyjny", "wo@um.zabrze.pl"),
        ("wydzial-ochrony-srodowiska", "Wydział Ochrony Środowiska", "srodowisko@um.zabrze.pl"),
        ("miejski-zarzad-drog", "Miejski Zarząd Dróg", "mzd@um.zabrze.pl"),
    ):
        if unit_id not in units:
            api.content.create(container=units, type="OrganizationalUnit", id=unit_id, title=title, email=email)
    for unit_id in ("biuro-obslugi-mieszkancow", "wydzial-organizacyjny"):
        cases_api.ensure_unit_group(unit_id)
    create_personas(("staff-a", "staff-b", "resident", "editor", "reviewer", "siteadmin"))
    setRoles(portal, TEST_USER_ID, ["Member"])
    return portal


def form(portal, form_id):
    return portal.unrestrictedTraverse(f"{FORMS}/{form_id}")


def action_of(easyform):
    return get_actions(easyform)["utworz_sprawe"]


def submit(portal, request, form_id, **fields):
    easyform = form(portal, form_id)
    result = action_of(easyform).onSuccess(fields, request)
    return result, request.get("ezabrze.cases.created")


def problem(**extra):
    data = {"category": "inne", "description": "Dziura w jezdni", "address": "ul. Wolności 286", "email": "jan@example.com"}
    data.update(extra)
    return data


def count_cases(portal):
    return len(api.portal.get_tool("portal_catalog").unrestrictedSearchResults(portal_type="Case"))


# --------------------------------------------------------------------------- set-up


def test_three_forms_are_published_with_the_case_action(site):
    expected = {
        "zglos-problem": ("Zgłoś problem", 30, "biuro-obslugi-mieszkancow", "public_task"),
        "kontakt-z-urzedem": ("Kontakt z urzędem", 30, "biuro-obslugi-mieszkancow", "consent"),
        "wniosek-o-informacje-publiczna": (
            "Wniosek o udostępnienie informacji publicznej", 14, "wydzial-organizacyjny", "legal_obligation",
        ),
    }
    for form_id, (title, days, unit, basis) in expected.items():
        easyform = form(site, form_id)
        assert easyform.portal_type == "EasyForm"
        assert easyform.Title() == title
        assert api.content.get_state(easyform) == "published"
        action = action_of(easyform)
        assert (action.deadline_days, action.target_unit, action.legal_basis) == (days, unit, basis)


def test_setup_is_idempotent(site):
    from ezabrze.policy.cases import setup

    easyform = form(site, "zglos-problem")
    easyform.setTitle("Zgłoś usterkę")
    counter = site["sprawy"]._sign_counter
    setup.install(site)
    assert form(site, "zglos-problem").Title() == "Zgłoś usterkę"
    assert site["sprawy"]._sign_counter is counter


def test_cases_folder_is_private_and_case_not_addable_by_hand(site, http_request):
    assert api.content.get_state(site["sprawy"]) == "private"
    fti = api.portal.get_tool("portal_types")["Case"]
    assert fti.global_allow is False
    result, info = submit(site, http_request, "zglos-problem", **problem())
    assert result is None and count_cases(site) == 1
    with api.env.adopt_user(username="editor"):
        assert not api.user.has_permission("ezabrze.policy: Add Case", obj=site["sprawy"])
        # Site-wide editors may see the year folders, never a case: see also the permission matrix.
        assert len(api.portal.get_tool("portal_catalog")(portal_type="Case")) == 0


def test_cases_stay_out_of_the_full_text_indexes(site, http_request):
    """Personal data never reach the site search, and concurrent submissions share no text-index entries;
    the case keeps its metadata (Title = sign) and is found by its sign."""
    result, info = submit(site, http_request, "zglos-problem",
                          **problem(description="Niebezpieczna Studzienka", name="Jan Kowalski"))
    assert result is None
    catalog = api.portal.get_tool("portal_catalog")
    for query in ({"SearchableText": "Studzienka"}, {"SearchableText": "Kowalski"}, {"Title": "ZAB"},
                  {"SearchableText": info["sign"][-6:]}, {"Description": "problem"}):
        assert [b.getPath() for b in catalog.unrestrictedSearchResults(portal_type="Case", **query)] == []
    brains = catalog.unrestrictedSearchResults(case_sign=info["sign"])
    assert len(brains) == 1 and brains[0].Title == info["sign"]
    case = brains[0]._unrestrictedGetObject()
    # Edits and workflow changes reindex without the full-text indexes, too.
    case.text = "Studzienka nadal otwarta"
    case.reindexObject()
    assert len(catalog.unrestrictedSearchResults(portal_type="Case", SearchableText="otwarta")) == 0
    # Even a full re-catalogue (catalog rebuild) keeps personal data out of SearchableText.
    catalog.catalog_object(case)
    assert len(catalog.unrestrictedSearchResults(portal_type="Case", SearchableText="Studzienka")) == 0


def test_upgrade_1001_takes_existing_cases_out_of_the_full_text_indexes(site, http_request):
    from ezabrze.policy.upgrades import v1001

    result, info = submit(site, http_request, "zglos-problem", **problem(description="Zapchana studzienka"))
    catalog = api.portal.get_tool("portal_catalog")
    case = cases_api.find_case(info["sign"])
    # What the catalog held for cases submitted before version 1001: every index, full text included.
    catalog.catalog_object(case, idxs=["Title", "Description"])
    assert len(catalog.unrestrictedSearchResults(portal_type="Case", Title="ZAB")) == 1
    v1001.remove_cases_from_full_text(api.portal.get_tool("portal_setup"))
    assert len(catalog.unrestrictedSearchResults(portal_type="Case", Title="ZAB")) == 0
    assert len(catalog.unrestrictedSearchResults(case_sign=info["sign"])) == 1


def test_case_action_offered_to_editors(site):
    from collective.easyform.vocabularies import EasyFormActionsVocabularyFactory

    easyform = form(site, "zglos-problem")
    with api.env.adopt_user(username="editor"):
        titles = [term.title for term in EasyFormActionsVocabularyFactory(easyform)]
    assert "Create a case (Utwórz sprawę)" in [str(t) for t in titles]
    with api.env.adopt_user(username="resident"):
        titles = [str(term.title) for term in EasyFormActionsVocabularyFactory(easyform)]
    assert "Create a case (Utwórz sprawę)" not in titles


# --------------------------------------------------------------------------- submission


def test_submission_creates_a_routed_case_with_sign_code_and_due_date(site, http_request):
    result, info = submit(site, http_request, "wniosek-o-informacje-publiczna", email="anna@example.com",
                          information="Kopia umowy na odbiór odpadów", delivery="e-mail")
    assert result is None
    assert SIGN_RE.match(info["sign"])
    case = cases_api.find_case(info["sign"])
    assert case is not None and case.portal_type == "Case"
    year = now().year
    assert case.aq_parent.getId() == str(year) and case.getId() == info["sign"][-6:]
    assert case.unit_id == "wydzial-organizacyjny"
    assert case.due_date == (now() + timedelta(days=14)).date()
    assert case.requester_email == "anna@example.com"
    transaction.savepoint(optimistic=True)  # everything on the case can be stored
    assert case.text == "Kopia umowy na odbiór odpadów"
    assert api.content.get_state(case) == "registered"
    # The code is not stored, only a salted hash that matches it.
    assert info["code"] not in repr(case.__dict__)
    assert tracking.check_code(info["code"], case.tracking_hash)
    assert not tracking.check_code(info["code"] + "x", case.tracking_hash)
    assert len(info["code"]) >= 16
    # Staff of the unit get the case through their group's local role.
    assert "CaseHandler" in case.get_local_roles_for_userid("unit-wydzial-organizacyjny")


def test_category_selects_the_unit(site, http_request):
    _, info = submit(site, http_request, "zglos-problem", **problem(category="odpady"))
    assert cases_api.find_case(info["sign"]).unit_id == "wydzial-ochrony-srodowiska"
    _, info = submit(site, http_request, "zglos-problem", **problem(category="inne"))
    assert cases_api.find_case(info["sign"]).unit_id == "biuro-obslugi-mieszkancow"
    _, info = submit(site, http_request, "zglos-problem", **problem(category="drogi-i-chodniki"))
    case = cases_api.find_case(info["sign"])
    assert case.unit_id == "miejski-zarzad-drog"
    assert case.due_date == (now() + timedelta(days=30)).date()


def test_signs_are_consecutive_and_unique(site, http_request):
    got = [submit(site, http_request, "zglos-problem", **problem())[1]["sign"] for i in range(4)]
    numbers = [int(s.rsplit("/", 1)[1]) for s in got]
    assert len(set(got)) == 4
    assert numbers == list(range(numbers[0], numbers[0] + 4))


def test_point_on_the_map_instead_of_address(site, http_request):
    result, info = submit(site, http_request, "zglos-problem",
                          **problem(address=None, latitude=50.3085, longitude=18.7856))
    assert result is None
    case = cases_api.find_case(info["sign"])
    assert (case.latitude, case.longitude, case.address) == (50.3085, 18.7856, None)


@pytest.mark.parametrize(
    "fields, field, message",
    [
        (problem(address=None, latitude=None, longitude=None), "address", "Podaj adres miejsca albo jego punkt"),
        (problem(address=None, latitude=50.3, longitude=None), "longitude", "Podaj zarówno szerokość"),
        # Gliwice and Bytom, outside the outline of Zabrze (network/data/zabrze.geojson)
        (problem(address=None, latitude=50.2945, longitude=18.6714), "latitude", "Ten punkt leży poza Zabrzem."),
        (problem(address="ul. Wolności 1", latitude=50.3480, longitude=18.9157), "latitude", "poza Zabrzem"),
    ],
)
def test_location_is_required(site, http_request, fields, field, message):
    before = count_cases(site)
    result, info = submit(site, http_request, "zglos-problem", **fields)
    assert field in result and info is None
    assert message in result[field]
    assert count_cases(site) == before


def test_map_picker_only_on_forms_that_ask_for_a_point(site, http_request):
    from ezabrze.policy.network import geo

    html = {}
    for form_id in ("zglos-problem", "kontakt-z-urzedem"):
        viewlet = case_browser.LocationPickerViewlet(form(site, form_id), http_request, None, None)
        viewlet.update()
        html[form_id] = viewlet.render()
    assert 'id="ezabrze-location-picker"' in html["zglos-problem"]
    assert html["kontakt-z-urzedem"] == ""
    # the outline and districts of the shared network/data/zabrze.geojson, projected as the network map does
    projection = geo.Projection()
    assert projection.path(geo.outline()) in html["zglos-problem"]
    assert html["zglos-problem"].count('<path class="district"') == len(geo.districts())
    assert "++plone++ezabrze.location/location-picker.js" in html["zglos-problem"]


def _file(data, name):
    return NamedBlobFile(data=data, filename=name)


@pytest.mark.parametrize(
    "data, name, expected",
    [
        (b"MZ\x90\x00evil", "virus.exe", "Plik virus.exe odrzucono: przyjmujemy tylko pliki"),
        (b"MZ\x90\x00evil", "photo.png", "Plik photo.png odrzucono: jego zawartość nie jest plikiem PNG"),
        (PNG + b"\0" * (11 * 1024 * 1024), "big.png", "Plik big.png odrzucono: jest większy niż 10 MB"),
    ],
)
def test_attachments_are_refused_and_nothing_is_stored(site, http_request, data, name, expected):
    before = count_cases(site)
    counter_before = site["sprawy"]._sign_counter.peek(now().year)
    result, info = submit(site, http_request, "zglos-problem", **problem(photo=_file(data, name)))
    assert expected in result["photo"]
    assert info is None
    assert count_cases(site) == before
    assert site["sprawy"]._sign_counter.peek(now().year) == counter_before  # no sign taken either


@pytest.mark.parametrize("name, data", [("zdjecie.jpg", b"\xff\xd8\xff\xe0rest"), ("p.png", PNG), ("w.pdf", PDF)])
def test_accepted_attachment_is_kept(site, http_request, name, data):
    result, info = submit(site, http_request, "zglos-problem", **problem(photo=_file(data, name)))
    assert result is None
    case = cases_api.find_case(info["sign"])
    assert case.attachment.filename == name and case.attachment.data == data


def test_attachment_validator_for_editors_forms(site):
    from collective.easyform.interfaces import IFieldValidator
    from zope.component import getUtility

    validator = getUtility(IFieldValidator, name="isAllowedAttachment")
    assert validator(_file(PDF, "a.pdf")) is None
    assert "refused" in validator(_file(b"#!/bin/sh", "a.sh"))


def test_consent_is_required_where_it_is_the_basis(site, http_request):
    fields = {"name": "Jan", "email": "jan@example.com", "subject": "Pytanie", "message": "Treść", "consent": False}
    result, info = submit(site, http_request, "kontakt-z-urzedem", **fields)
    assert "consent" in result and info is None
    fields["consent"] = True
    result, info = submit(site, http_request, "kontakt-z-urzedem", **fields)
    assert result is None and SIGN_RE.match(info["sign"])


def test_honeypot_field_must_be_sent_empty(site, http_request):
    del http_request.form[HONEYPOT_FIELD]
    with pytest.raises(Forbidden):
        submit(site, http_request, "zglos-problem", **problem())


def test_rate_limit_per_client(site, http_request):
    api.portal.set_registry_record("ezabrze.policy.cases.submissions_per_window", 2)
    for _ in range(2):
        assert submit(site, http_request, "zglos-problem", **problem())[0] is None
    before = count_cases(site)
    result, info = submit(site, http_request, "zglos-problem", **problem())
    assert "Wysłano zbyt wiele zgłoszeń" in result[FORM_ERROR_MARKER]
    assert http_request.response.getStatus() == 429
    assert count_cases(site) == before
    # Another client is not affected.
    http_request["REMOTE_ADDR"] = "192.0.2.99"
    assert submit(site, http_request, "zglos-problem", **problem())[0] is None


def test_rate_limiter_window_and_undo():
    limiter = ratelimit.SlidingWindowLimiter()
    assert limiter.hit("a", 2, 600, now=0) and limiter.hit("a", 2, 600, now=1)
    assert not limiter.hit("a", 2, 600, now=2)
    limiter.forget_one("a")
    assert limiter.hit("a", 2, 600, now=3)
    assert limiter.hit("a", 2, 600, now=601)  # the first one left the window
    assert limiter.hit("a", 0, 600)  # 0 = no limit


def test_aborted_submission_is_not_counted(site, http_request):
    api.portal.set_registry_record("ezabrze.policy.cases.submissions_per_window", 1)
    assert submit(site, http_request, "zglos-problem", **problem())[0] is None
    transaction.abort()  # e.g. a ConflictError: Zope runs the request again
    api.portal.set_registry_record("ezabrze.policy.cases.submissions_per_window", 1)
    assert submit(site, http_request, "zglos-problem", **problem())[0] is None
    assert submit(site, http_request, "zglos-problem", **problem())[0] is not None  # now it counts


# --------------------------------------------------------------------------- signs


def test_sign_format_and_parse():
    assert signs.format_sign("ZAB", 2026, 123) == "ZAB/2026/000123"
    assert signs.parse_sign("zab/2026/000123") == ("ZAB", 2026, 123)
    for bad in ("ZAB/26/000123", "ZAB/2026/12", "ZAB/2026", "../../etc", None, "ZAB/2026/00012a"):
        assert signs.parse_sign(bad) is None


def test_sign_counter_refuses_to_merge_concurrent_increments(site):
    """Two transactions that take a number from the same state must conflict (no conflict resolution)."""
    from ZODB.POSException import ConflictError

    counter = site["sprawy"]._sign_counter
    assert not hasattr(counter, "_p_resolveConflict")
    db = counter._p_jar.db()
    tm1, tm2 = transaction.TransactionManager(), transaction.TransactionManager()
    c1, c2 = db.open(transaction_manager=tm1), db.open(transaction_manager=tm2)
    try:
        one, two = c1.get(counter._p_oid), c2.get(counter._p_oid)
        assert one.take(1999) == two.take(1999)  # both would hand out the same number...
        tm1.commit()
        with pytest.raises(ConflictError):
            tm2.commit()  # ...so the second one must fail and be retried
        tm2.abort()
    finally:
        c1.close()
        c2.close()


# --------------------------------------------------------------------------- workflow


PERSONAS = ("anonymous", "resident", "staff-a", "staff-b", "editor", "reviewer", "siteadmin")
ALLOWED = {"staff-a", "siteadmin"}  # the case belongs to staff-a's unit (biuro-obslugi-mieszkancow)

# transition -> the transitions (as admin) that lead to a state where it is possible
PATHS = {
    "assign": [],
    "start": ["assign"],
    "answer": ["assign", "start"],
    "reject": ["assign"],
    "forward": ["assign", "start"],
}


def _case_in_state(site, request, path):
    _, info = submit(site, request, "zglos-problem", **problem())
    case = cases_api.find_case(info["sign"])
    with api.env.adopt_roles(["Manager"]):
        for name in path:
            cases_api.transition(case, name)
    return case


def _as(persona):
    if persona == "anonymous":
        return api.env.adopt_roles(["Anonymous"])
    return api.env.adopt_user(username=persona)


@pytest.mark.parametrize("transition", sorted(PATHS))
@pytest.mark.parametrize("persona", PERSONAS)
def test_transition_permission_matrix(site, http_request, persona, transition):
    case = _case_in_state(site, http_request, PATHS[transition])
    workflow = api.portal.get_tool("portal_workflow")
    with _as(persona):
        offered = [t["id"] for t in workflow.getTransitionsFor(case)]
        may_view = api.user.has_permission("View", obj=case) if persona != "anonymous" else bool(
            api.portal.get_tool("portal_membership").checkPermission("View", case))
    assert (transition in offered) == (persona in ALLOWED)
    assert may_view == (persona in ALLOWED)
    target = "wydzial-organizacyjny" if transition == "forward" else None
    with _as(persona):
        if persona in ALLOWED:
            cases_api.transition(case, transition, comment="ok", target_unit=target)
        else:
            with pytest.raises(Exception):
                cases_api.transition(case, transition, comment="nie", target_unit=target)
    if persona not in ALLOWED:
        assert [e["action"] for e in case.case_log][-1] != transition


def test_final_states_cannot_be_changed_by_staff(site, http_request):
    case = _case_in_state(site, http_request, ["assign", "start", "answer"])
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username="staff-a"):
        assert workflow.getTransitionsFor(case) == ()
        assert api.user.has_permission("View", obj=case)
        assert not api.user.has_permission("Modify portal content", obj=case)


def test_forward_moves_the_case_to_the_other_unit(site, http_request):
    case = _case_in_state(site, http_request, [])
    with api.env.adopt_user(username="staff-a"):
        cases_api.transition(case, "forward", comment="Właściwy jest Wydział Organizacyjny", public=True,
                           target_unit="wydzial-organizacyjny")
    assert api.content.get_state(case) == "forwarded"
    assert case.unit_id == "wydzial-organizacyjny"
    assert case.get_local_roles_for_userid("unit-biuro-obslugi-mieszkancow") == ()
    _forget_cached_roles(http_request)
    with api.env.adopt_user(username="staff-a"):
        assert not api.user.has_permission("View", obj=case)
    with api.env.adopt_user(username="staff-b"):
        assert api.user.has_permission("View", obj=case)
        cases_api.transition(case, "assign")
    assert api.content.get_state(case) == "assigned"
    with pytest.raises(ValueError):
        cases_api.transition(case, "forward", target_unit="no-such-unit")


def _forget_cached_roles(request):
    """borg.localrole caches local roles per request; a real request is new each time."""
    from zope.annotation.interfaces import IAnnotations

    IAnnotations(request).clear()


def test_comments_are_public_only_when_marked(site, http_request):
    case = _case_in_state(site, http_request, [])
    with api.env.adopt_user(username="staff-a"):
        cases_api.transition(case, "assign", comment="Notatka wewnętrzna: zadzwonić do MZD", public=False)
        cases_api.transition(case, "start", comment="Zgłoszenie przekazano ekipie remontowej.", public=True)
    public = case.public_log()
    assert [e["state"] for e in public] == ["registered", "assigned", "in_progress"]
    assert [e["comment"] for e in public] == ["", "", "Zgłoszenie przekazano ekipie remontowej."]
    assert "Notatka" not in repr(cases_api.status_info(case))
    internal = [e["comment"] for e in case.case_log]
    assert "Notatka wewnętrzna: zadzwonić do MZD" in internal


# --------------------------------------------------------------------------- status lookup


def test_lookup_right_and_wrong_code(site, http_request):
    _, info = submit(site, http_request, "zglos-problem", **problem())
    assert cases_api.lookup(info["sign"], info["code"], http_request) is not None
    assert cases_api.lookup(info["sign"], "wrong-code", http_request) is None
    assert cases_api.lookup("ZAB/1990/999999", info["code"], http_request) is None
    assert cases_api.lookup("garbage", info["code"], http_request) is None
    status = cases_api.status_info(cases_api.find_case(info["sign"]), http_request)
    assert status["sign"] == info["sign"] and status["state"] == "registered"
    assert "email" not in repr(status) and "jan@example.com" not in repr(status)


def test_lookup_is_throttled_after_wrong_tries(site, http_request):
    _, info = submit(site, http_request, "zglos-problem", **problem())
    for i in range(5):
        assert cases_api.lookup(info["sign"], f"wrong-{i}", http_request) is None
    with pytest.raises(cases_api.Throttled):
        cases_api.lookup(info["sign"], info["code"], http_request)  # even the right code must wait
    http_request["REMOTE_ADDR"] = "192.0.2.77"
    assert cases_api.lookup(info["sign"], info["code"], http_request) is not None


# --------------------------------------------------------------------------- staff listing and exports


def _cases_for_export(site, request):
    overdue = _case_in_state(site, request, [])
    overdue.due_date = date.today() - timedelta(days=3)
    overdue.reindexObject()
    fresh = _case_in_state(site, request, [])
    other_unit = submit(site, request, "wniosek-o-informacje-publiczna", email="a@example.com",
                        information="x", delivery="e-mail")[1]["sign"]
    return overdue, fresh, other_unit


def test_staff_see_their_unit_overdue_first_csv(site, http_request):
    overdue, fresh, other_unit = _cases_for_export(site, http_request)
    with api.env.adopt_user(username="staff-a"):
        body = case_browser.StaffCasesCSV(site, http_request)()
    assert http_request.response.getHeader("Content-Type").startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    signs_ = [row[0] for row in rows[1:]]
    assert signs_[0] == overdue.sign
    assert fresh.sign in signs_
    assert other_unit not in signs_
    assert rows[1][-1] == "Yes" or rows[1][-1] == "Tak"


def test_xlsx_export(site, http_request):
    openpyxl = pytest.importorskip("openpyxl")
    overdue, fresh, other_unit = _cases_for_export(site, http_request)
    with api.env.adopt_user(username="staff-b"):
        data = case_browser.StaffCasesXLSX(site, http_request)()
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert [row[0] for row in values[1:]] == [other_unit]
    assert values[1][1] == "Wniosek o udostępnienie informacji publicznej"


def _staff_page(site, request, username, **form):
    request.form.clear()
    request.form.update(form)
    with api.env.adopt_user(username=username):
        view = case_browser.StaffCasesView(site, request)
        html = view()
    return view, html


def test_staff_filter_by_sign_number_and_state(site, http_request):
    overdue, fresh, other_unit = _cases_for_export(site, http_request)
    number = str(int(fresh.sign[-6:]))
    view, html = _staff_page(site, http_request, "staff-a", sign=number)
    assert [row["sign"] for row in view.rows()] == [fresh.sign]
    assert 'id="staff-count"' in html and fresh.sign in html and overdue.sign not in html
    # A whole sign, typed in lower case with spaces, finds the same case; another unit's sign finds nothing.
    view, html = _staff_page(site, http_request, "staff-a", sign=" " + fresh.sign.lower().replace("/", " / ") + " ")
    assert [row["sign"] for row in view.rows()] == [fresh.sign]
    view, html = _staff_page(site, http_request, "staff-a", sign=other_unit)
    assert view.rows() == [] and "Brak spraw." in html
    # Text that is no sign gets a message, not a traceback.
    view, html = _staff_page(site, http_request, "staff-a", sign="dziura")
    assert view.sign_refused() and 'id="staff-sign-refused"' in html and view.rows() == []
    # State filter: both cases are registered, none answered; unknown states are ignored.
    view, html = _staff_page(site, http_request, "staff-a", state="registered")
    assert {row["sign"] for row in view.rows()} == {overdue.sign, fresh.sign}
    view, html = _staff_page(site, http_request, "staff-a", state="answered")
    assert view.rows() == []
    view, html = _staff_page(site, http_request, "staff-a", state="<script>")
    assert {row["sign"] for row in view.rows()} == {overdue.sign, fresh.sign}
    # The exports follow the filters shown.
    view, html = _staff_page(site, http_request, "staff-a", sign=number)
    assert f'@@sprawy-jednostki.csv?sign={number}' in html
    with api.env.adopt_user(username="staff-a"):
        body = case_browser.StaffCasesCSV(site, http_request)()
    assert [row[0] for row in csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";")][1:] == [fresh.sign]


def test_staff_list_is_paginated(site, http_request, monkeypatch):
    monkeypatch.setattr(case_browser, "PAGE_SIZE", 2)
    overdue, fresh, other_unit = _cases_for_export(site, http_request)
    third = _case_in_state(site, http_request, [])
    view, html = _staff_page(site, http_request, "staff-a")
    assert len(view.rows()) == 2 and view.rows()[0]["sign"] == overdue.sign
    assert view.batch.sequence_length == 3 and "b_start:int=2" in html
    view, html = _staff_page(site, http_request, "staff-a", b_start="2")
    assert [row["sign"] for row in view.rows()] == [max(fresh.sign, third.sign)]
    view, html = _staff_page(site, http_request, "staff-a", b_start="nonsense")
    assert len(view.rows()) == 2


def test_staff_listing_needs_login(site, http_request):
    from AccessControl import Unauthorized
    from plone.app.testing import logout

    logout()
    with pytest.raises(Unauthorized):
        case_browser.StaffCasesCSV(site, http_request)()


# --------------------------------------------------------------------------- purge


def test_purge_deletes_only_what_is_older_than_the_retention(site, http_request):
    from collective.easyform.actions import SaveData  # noqa: F401

    old = _case_in_state(site, http_request, [])
    recent = _case_in_state(site, http_request, [])
    old.submitted = now().replace(year=now().year - 6).astimezone(UTC)
    transaction.savepoint(optimistic=True)  # the case must be storable
    old_path, recent_path = old.getPhysicalPath(), recent.getPhysicalPath()
    easyform = form(site, "kontakt-z-urzedem")
    from BTrees.LOBTree import LOBTree

    rows = LOBTree()
    rows[int(old.submitted.timestamp() * 1000)] = {"x": "old"}
    rows[int(now().timestamp() * 1000)] = {"x": "new"}
    easyform._inputStorage = {"saved": rows}
    cases, saved = purge.purge(site)
    assert (cases, saved) == (1, 1)
    assert site.unrestrictedTraverse("/".join(old_path), None) is None
    assert site.unrestrictedTraverse("/".join(recent_path)) is not None
    assert [r["x"] for r in rows.values()] == ["new"]
    api.portal.set_registry_record("ezabrze.policy.cases.retention_years", 10)
    recent.submitted = now().replace(year=now().year - 7).astimezone(UTC)
    assert purge.purge(site) == (0, 0)


# --------------------------------------------------------------------------- RODO


def test_rodo_clause_content_follows_the_forms_basis(site, http_request):
    def text(form_id):
        viewlet = case_browser.RodoViewlet(form(site, form_id), http_request, None, None)
        return " ".join(f"{i['heading']} {i['text']}" for i in viewlet.items())

    contact = text("kontakt-z-urzedem")
    for expected in ("Prezydent Miasta Zabrze, ul. Powstańców Śląskich 5-7, 41-800 Zabrze", "iod@um.zabrze.pl",
                     "Prezes Urzędu Ochrony Danych Osobowych", "art. 6 ust. 1 lit. a RODO", "Wycofanie zgody",
                     "Zautomatyzowane decyzje"):
        assert expected in contact
    request_info = text("wniosek-o-informacje-publiczna")
    assert "art. 6 ust. 1 lit. c RODO" in request_info and "o dostępie do informacji publicznej" in request_info
    assert "Wycofanie zgody" not in request_info


def test_control_panel_is_registered(site):
    actions = [a.getId() for a in api.portal.get_tool("portal_controlpanel").listActions()]
    assert "ezabrze-cases" in actions
    assert api.portal.get_registry_record("ezabrze.policy.cases.allowed_extensions") == [
        "jpg", "jpeg", "png", "pdf", "docx", "odt"]
