"""Number fields accept a decimal point or a decimal comma and show the whole value (ezabrze.policy.converters)."""

from decimal import Decimal
from ezabrze.policy.catalogue.content.unit import IOrganizationalUnit
from ezabrze.policy.converters import NOT_A_NUMBER
from ezabrze.policy.interfaces import IBrowserLayer
from ezabrze.policy.testing import catalogue as ct
from plone import api
from z3c.form.browser.text import TextWidget
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import IDataConverter
from z3c.form.widget import FieldWidget
from zope.component import getMultiAdapter
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.publisher.browser import TestRequest
from zope.schema import Decimal as DecimalField
from zope.schema import Float

import pytest


def converter(field, language="pl"):
    request = TestRequest(HTTP_ACCEPT_LANGUAGE=language)
    widget = FieldWidget(field, TextWidget(request))
    return getMultiAdapter((field, widget), IDataConverter)


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("text", ["50.3085", "50,3085", " 50,3085 ", "+50.3085"])
def test_point_or_comma(portal, language, text):
    assert converter(Float(__name__="latitude"), language).toFieldValue(text) == 50.3085


def test_decimal_field(portal):
    assert converter(DecimalField(__name__="fee")).toFieldValue("17,50") == Decimal("17.50")
    assert converter(DecimalField(__name__="fee")).toFieldValue("17.5") == Decimal("17.5")


@pytest.mark.parametrize("text", ["abc", "1,000.5", "50..3", "nan", "inf", "1e5", "5 0,3x"])
def test_not_a_number_is_refused_in_polish(portal, text):
    with pytest.raises(FormatterValidationError) as error:
        converter(Float(__name__="latitude")).toFieldValue(text)
    assert error.value.args[0] == NOT_A_NUMBER
    assert translate(NOT_A_NUMBER, target_language="pl").startswith("Wpisz liczbę")


def test_empty_is_missing(portal):
    assert converter(Float(__name__="latitude", required=False)).toFieldValue("") is None


def test_shown_in_full_with_the_locale_symbol(portal):
    assert converter(Float(__name__="latitude")).toWidgetValue(50.3085123) == "50,3085123"
    assert converter(Float(__name__="latitude"), "en").toWidgetValue(50.3085) == "50.3085"
    assert converter(Float(__name__="latitude")).toWidgetValue(18.0) == "18"


def test_unit_add_form_takes_a_decimal_point(portal):
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    request.method = "POST"
    data = {
        "form.widgets.IBasic.title": "Wydział Geodezji",
        "form.widgets.unit_kind": ["department"],
        "form.widgets.unit_kind-empty-marker": "1",
        "form.widgets.postal_code": "41-800",
        "form.widgets.city": "Zabrze",
        "form.widgets.latitude": "50.3085",
        "form.widgets.longitude": "18,7856",
        "form.buttons.save": "Zapisz",
    }
    request.form.update(data)
    request.other.update(data)
    folder = ct.units_folder(portal)
    with api.env.adopt_roles(["Manager"]):
        folder.restrictedTraverse("++add++OrganizationalUnit")()
    [unit] = folder.objectValues()
    assert (unit.latitude, unit.longitude) == (50.3085, 18.7856)
    assert IOrganizationalUnit["latitude"].get(unit) == 50.3085
