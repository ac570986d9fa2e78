"""Vocabularies of the catalogue and the control panel "Kategorie zdarzeń życiowych"."""

from ezabrze.policy.catalogue.vocabularies import CATEGORIES_RECORD
from ezabrze.policy.interfaces import IBrowserLayer
from plone import api
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.schema import ValidationError

import pytest
import transaction


CONTRACT_CATEGORIES = [
    "meldunek", "dowody-osobiste", "podatki-i-oplaty", "dzialalnosc-gospodarcza", "budownictwo",
    "srodowisko-i-odpady", "komunikacja-i-transport", "rodzina-i-dzieci", "edukacja", "pomoc-spoleczna",
    "kultura-i-sport", "organizacje-pozarzadowe", "nieruchomosci", "zdrowie", "bezpieczenstwo",
]


def terms(get_vocabulary, name, portal):
    return [(t.value, translate(t.title, target_language="pl")) for t in get_vocabulary(name, portal)]


def test_unit_kinds(portal, get_vocabulary):
    assert terms(get_vocabulary, "ezabrze.policy.UnitKinds", portal) == [
        ("department", "Wydział urzędu"),
        ("office", "Biuro / urząd"),
        ("education", "Szkoła, przedszkole lub placówka oświatowa"),
        ("social", "Pomoc społeczna"),
        ("culture", "Kultura, biblioteka, muzeum"),
        ("sport", "Sport i rekreacja"),
        ("city_guard", "Straż miejska"),
        ("utility", "Zarząd lub zakład komunalny"),
        ("health", "Ochrona zdrowia"),
        ("other", "Inna"),
    ]


def test_audiences(portal, get_vocabulary):
    assert terms(get_vocabulary, "ezabrze.policy.Audiences", portal) == [
        ("residents", "Mieszkańcy"),
        ("businesses", "Przedsiębiorcy"),
        ("ngos", "Organizacje pozarządowe"),
    ]


def test_submission_channels(portal, get_vocabulary):
    assert terms(get_vocabulary, "ezabrze.policy.SubmissionChannels", portal) == [
        ("in_person", "Osobiście"),
        ("post", "Pocztą"),
        ("online", "Przez internet (SEKAP / ePUAP)"),
    ]


def test_default_life_event_categories(portal, get_vocabulary):
    vocabulary = get_vocabulary("ezabrze.policy.LifeEventCategories", portal)
    assert [t.value for t in vocabulary] == CONTRACT_CATEGORIES
    assert vocabulary.getTerm("podatki-i-oplaty").title == "Podatki i opłaty lokalne"
    assert vocabulary.getTerm("srodowisko-i-odpady").title == "Środowisko i odpady"
    assert vocabulary.getTerm("dzialalnosc-gospodarcza").title == "Działalność gospodarcza"


def test_categories_follow_the_registry(portal, get_vocabulary):
    api.portal.set_registry_record(CATEGORIES_RECORD, [
        "meldunek|Meldunek",
        "cmentarze|Cmentarze i pochówki",
        "meldunek|Powtórzony identyfikator",
        "bez-etykiety|",
    ])
    vocabulary = get_vocabulary("ezabrze.policy.LifeEventCategories", portal)
    assert [(t.value, t.title) for t in vocabulary] == [
        ("meldunek", "Meldunek"),
        ("cmentarze", "Cmentarze i pochówki"),
    ]


@pytest.mark.parametrize("line", ["bez kreski", "Wielkie|Litery", "zle slowo|Etykieta", "|Bez identyfikatora"])
def test_settings_refuse_malformed_categories(portal, line):
    from ezabrze.policy.catalogue.interfaces import ICatalogueSettings

    field = ICatalogueSettings["life_event_categories"]
    field.validate(["meldunek|Meldunek", "cmentarze|Cmentarze i pochówki"])
    with pytest.raises(ValidationError) as info:
        field.validate(["meldunek|Meldunek", line])
    assert translate(info.value.doc(), target_language="pl").startswith("Kategorie zdarzeń życiowych: każdy wiersz")


def test_configlet(portal, controlpanel_actions):
    assert "ezabrze-life-event-categories" in controlpanel_actions
    configlet = portal.portal_controlpanel.getActionObject("Products/ezabrze-life-event-categories")
    assert translate(configlet.title, domain="ezabrze.policy", target_language="pl") == "Kategorie zdarzeń życiowych"
    assert configlet.permissions == ("ezabrze.policy: Manage catalogue settings",)


@pytest.mark.parametrize(
    "role,allowed",
    [("Manager", True), ("Site Administrator", True), ("Editor", False), ("Contributor", False), ("Reviewer", False)],
)
def test_who_manages_the_categories(portal, role, allowed):
    with api.env.adopt_roles([role]):
        assert api.user.has_permission("ezabrze.policy: Manage catalogue settings", obj=portal) is allowed


def test_control_panel_form_changes_the_vocabulary(portal, get_vocabulary):
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    request["LANGUAGE"] = "pl"
    request.method = "POST"
    request.form.update({
        "form.widgets.life_event_categories": "meldunek|Meldunek\ncmentarze|Cmentarze i pochówki",
        "form.widgets.service_form_max_size_mb": "5",
        "form.buttons.save": "Zapisz",
    })
    with api.env.adopt_roles(["Site Administrator"]):
        portal.restrictedTraverse("@@kategorie-zdarzen-zyciowych")()
    vocabulary = get_vocabulary("ezabrze.policy.LifeEventCategories", portal)
    assert [(t.value, t.title) for t in vocabulary] == [("meldunek", "Meldunek"), ("cmentarze", "Cmentarze i pochówki")]
    assert api.portal.get_registry_record("ezabrze.policy.service_form_max_size_mb") == 5


def test_control_panel_form_refuses_a_malformed_line(portal):
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    request["LANGUAGE"] = "pl"
    request.method = "POST"
    request.form.update({
        "form.widgets.life_event_categories": "meldunek|Meldunek\nCmentarze",
        "form.widgets.service_form_max_size_mb": "10",
        "form.buttons.save": "Zapisz",
    })
    with api.env.adopt_roles(["Manager"]):
        html = portal.restrictedTraverse("@@kategorie-zdarzen-zyciowych")()
    assert "Kategorie zdarzeń życiowych: każdy wiersz musi mieć postać" in html
    assert len(api.portal.get_registry_record(CATEGORIES_RECORD)) == 15


def test_control_panel_is_protected(functional_portal, request_factory):
    api.user.create(email="redaktor@um.zabrze.pl", username="redaktor", password="Redaktor-haslo-1")
    api.user.grant_roles(username="redaktor", roles=["Editor"])
    transaction.commit()
    editor = request_factory(api=False, basic_auth=("redaktor", "Redaktor-haslo-1"))
    editor.headers["Accept"] = "text/html"
    response = editor.get("/@@kategorie-zdarzen-zyciowych", allow_redirects=False)
    assert response.status_code in (302, 401, 403)
    manager = request_factory(api=False, role="Manager")
    manager.headers["Accept"] = "text/html"
    response = manager.get("/@@kategorie-zdarzen-zyciowych")
    assert response.status_code == 200
    assert "Kategorie zdarzeń życiowych" in response.text


def test_rest_control_panel(manager_request):
    response = manager_request.get("/@controlpanels/kategorie-zdarzen-zyciowych")
    assert response.status_code == 200, response.text
    assert len(response.json()["data"]["life_event_categories"]) == 15
    response = manager_request.patch(
        "/@controlpanels/kategorie-zdarzen-zyciowych",
        json={"life_event_categories": ["meldunek|Meldunek", "cmentarze|Cmentarze"]},
    )
    assert response.status_code == 204, response.text
    vocabulary = manager_request.get("/@vocabularies/ezabrze.policy.LifeEventCategories").json()
    assert [t["token"] for t in vocabulary["items"]] == ["meldunek", "cmentarze"]


def test_rest_control_panel_refuses_a_malformed_line(manager_request):
    response = manager_request.patch(
        "/@controlpanels/kategorie-zdarzen-zyciowych", json={"life_event_categories": ["meldunek|Meldunek", "Zle"]}
    )
    assert response.status_code == 400
    assert "Kategorie zdarzeń życiowych: każdy wiersz musi mieć postać" in response.json()["message"]
    data = manager_request.get("/@controlpanels/kategorie-zdarzen-zyciowych").json()["data"]
    assert len(data["life_event_categories"]) == 15
