"""The content types of the service catalogue: FTIs, schemas, factories, behaviors, add permissions."""

from ezabrze.policy.catalogue.content.service import IService
from ezabrze.policy.catalogue.content.service import Service
from ezabrze.policy.catalogue.content.unit import IOrganizationalUnit
from ezabrze.policy.catalogue.content.unit import OrganizationalUnit
from plone import api
from plone.dexterity.interfaces import IDexterityContainer
from plone.dexterity.interfaces import IDexterityFTI
from zope.component import createObject
from zope.schema import getFieldNames

import pytest


TYPES = {
    "Service": (IService, Service, "Usługa"),
    "OrganizationalUnit": (IOrganizationalUnit, OrganizationalUnit, "Jednostka organizacyjna"),
}

BEHAVIORS = (
    "plone.basic",
    "plone.namefromtitle",
    "plone.shortname",
    "plone.excludefromnavigation",
    "plone.richtext",
    "plone.versioning",
    "plone.locking",
)


@pytest.mark.parametrize("name", TYPES)
def test_fti(get_fti, name):
    schema, klass, _ = TYPES[name]
    fti = get_fti(name)
    assert IDexterityFTI.providedBy(fti)
    assert fti.klass == f"{klass.__module__}.{klass.__name__}"
    assert fti.lookupSchema() is schema
    assert fti.allow_discussion is False


@pytest.mark.parametrize("name", TYPES)
def test_polish_title(portal, get_fti, name):
    from zope.i18n import translate

    fti = get_fti(name)
    assert translate(fti.Title(), target_language="pl") == TYPES[name][2]


@pytest.mark.parametrize("name", TYPES)
def test_factory(get_fti, name):
    schema, klass, _ = TYPES[name]
    obj = createObject(get_fti(name).factory)
    assert isinstance(obj, klass)
    assert schema.providedBy(obj)


@pytest.mark.parametrize("name", TYPES)
@pytest.mark.parametrize("behavior", BEHAVIORS)
def test_behaviors(get_behaviors, name, behavior):
    assert behavior in get_behaviors(name)


@pytest.mark.parametrize("name", TYPES)
def test_no_discussion_and_no_generic_related_items(get_behaviors, name):
    behaviors = get_behaviors(name)
    assert "plone.allowdiscussion" not in behaviors
    assert "plone.relateditems" not in behaviors


def test_service_is_folderish_and_holds_only_files(get_fti):
    fti = get_fti("Service")
    assert IDexterityContainer.implementedBy(Service)
    assert fti.filter_content_types is True
    assert list(fti.allowed_content_types) == ["File"]


def test_unit_is_an_item(get_fti):
    assert not IDexterityContainer.implementedBy(OrganizationalUnit)


def test_unit_fields():
    expected = {
        "unit_kind", "parent_unit", "head_name", "head_function", "street", "postal_code", "city", "phone",
        "email", "epuap_box", "latitude", "longitude",
    } | {f"hours_{d}" for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}
    assert expected == set(getFieldNames(IOrganizationalUnit))
    assert IOrganizationalUnit["city"].default == "Zabrze"


def test_service_fields():
    expected = {
        "audience", "category", "eligibility", "required_documents", "fee_free", "fee_amount", "fee_payment",
        "handling_deadline", "submission_channels", "online_url", "responsible_unit", "location_unit",
        "legal_basis", "related_services", "last_review", "suspended", "suspension_reason",
    }
    assert expected == set(getFieldNames(IService))
    assert IService["responsible_unit"].required is True
    assert IService["audience"].min_length == 1


def test_richtext_field_is_text(portal):
    from plone.dexterity.utils import iterSchemataForType

    names = set()
    for schema in iterSchemataForType("Service"):
        names |= set(getFieldNames(schema))
    assert "text" in names and "title" in names and "description" in names


def test_catalogue_folders_allow_only_their_type(portal):
    uslugi = portal["dla-mieszkancow"]["uslugi"]
    jednostki = portal["dla-mieszkancow"]["jednostki"]
    with api.env.adopt_roles(["Manager"]):
        assert [t.getId() for t in uslugi.allowedContentTypes()] == ["Service"]
        assert [t.getId() for t in jednostki.allowedContentTypes()] == ["OrganizationalUnit"]


def test_cards_and_units_give_the_sites_skin_name_without_acquiring_it(portal, monkeypatch):
    """plone.app.viewletmanager asks the page's context for the skin name 34 times per page: a card or a unit
    answers it with the site's, and no folder above it is asked (catalogue.content.SkinNameOfTheSite)."""
    from ezabrze.policy.testing import catalogue as ct
    from plone.dexterity.content import Container
    from plone.dexterity.content import DexterityContent

    with ct.as_site_owner():
        unit = ct.make_unit(portal, "wso-skorka", "Wydział Spraw Obywatelskich")
        card = ct.make_service(portal, "skorka", "Wydanie dowodu osobistego", unit)
    asked = []
    for klass in (Container, DexterityContent):
        stock = klass.__getattr__

        def counting(self, name, stock=stock):
            asked.append(name)
            return stock(self, name)

        monkeypatch.setattr(klass, "__getattr__", counting)
    assert card.getCurrentSkinName() == portal.getCurrentSkinName()
    assert unit.getCurrentSkinName() == portal.getCurrentSkinName()
    assert "getCurrentSkinName" not in asked
    assert portal["dla-mieszkancow"].getCurrentSkinName() == portal.getCurrentSkinName()
    assert "getCurrentSkinName" in asked  # a stock folder acquires it: what the cards and units no longer do
