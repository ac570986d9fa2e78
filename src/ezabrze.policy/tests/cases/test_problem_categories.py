"""Categories of reported problems: Polish labels on the form, ids stored, units routed from one record."""

from collective.easyform.api import get_actions
from collective.honeypot.config import HONEYPOT_FIELD
from ezabrze.policy.cases import api as cases_api
from ezabrze.policy.cases import categories
from ezabrze.policy.cases import ratelimit
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import pytest


FORM = "dla-mieszkancow/formularze/zglos-problem"


@pytest.fixture
def site(portal, http_request):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    ratelimit.submissions.reset()
    http_request["REMOTE_ADDR"] = "192.0.2.11"
    http_request.form[HONEYPOT_FIELD] = ""
    units = portal["dla-mieszkancow"]["jednostki"]
    for unit_id, title in (
        ("biuro-obslugi-mieszkancow", "Biuro Obsługi Mieszkańców"),
        ("miejski-zarzad-drog", "Miejski Zarząd Dróg"),
        ("straz-miejska", "Straż Miejska"),
    ):
        api.content.create(container=units, type="OrganizationalUnit", id=unit_id, title=title, email="u@um.zabrze.pl")
    setRoles(portal, TEST_USER_ID, ["Member"])
    return portal


def submit(portal, request, **fields):
    data = {"description": "Nie świeci latarnia", "address": "ul. Wolności 286", "email": "jan@example.com"}
    data.update(fields)
    get_actions(portal.unrestrictedTraverse(FORM))["utworz_sprawe"].onSuccess(data, request)
    return cases_api.find_case(request.get("ezabrze.cases.created")["sign"])


def test_vocabulary_has_polish_labels_and_stable_ids(portal):
    vocabulary = getUtility(IVocabularyFactory, "ezabrze.policy.ProblemCategories")(portal)
    assert vocabulary.getTerm("drogi-i-chodniki").title == "Drogi i chodniki"
    assert vocabulary.getTerm("zwierzeta").title.startswith("Zwierzęta")
    assert all(term.token == term.value for term in vocabulary)


def test_form_shows_labels_not_ids(site, http_request):
    http_request["LANGUAGE"] = "pl"
    html = site.unrestrictedTraverse(FORM)()
    assert "Oświetlenie ulic" in html and "Drogi i chodniki" in html
    assert ">oswietlenie<" not in html and ">drogi-i-chodniki<" not in html
    assert 'value="drogi-i-chodniki"' in html


def test_routing_follows_the_record(site, http_request):
    assert submit(site, http_request, category="oswietlenie").unit_id == "miejski-zarzad-drog"
    lines = [line for line in api.portal.get_registry_record(categories.RECORD) if not line.startswith("oswietlenie|")]
    api.portal.set_registry_record(categories.RECORD, [*lines, "oswietlenie|Oświetlenie ulic|straz-miejska"])
    case = submit(site, http_request, category="oswietlenie")
    assert case.unit_id == "straz-miejska"
    assert case.category == "oswietlenie"


def test_staff_see_the_label(site, http_request):
    case = submit(site, http_request, category="oswietlenie")
    setRoles(site, TEST_USER_ID, ["Manager"])
    assert "Oświetlenie ulic" in case.restrictedTraverse("view")()


def test_a_removed_category_shows_its_id():
    assert categories.label("usunieta-kategoria") == "usunieta-kategoria"


@pytest.mark.parametrize(
    "line",
    ["oswietlenie|Oświetlenie", "Oświetlenie|Oświetlenie ulic|mzd", "oswietlenie||mzd", "a b|Etykieta|mzd"],
)
def test_bad_lines_are_refused(line):
    with pytest.raises(categories.InvalidProblemCategory):
        categories.validate_lines([line])


def test_an_id_only_once():
    with pytest.raises(categories.InvalidProblemCategory):
        categories.validate_lines(["inne|Inne|bom", "inne|Coś innego|bom"])
