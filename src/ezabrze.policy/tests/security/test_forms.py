"""Polish and usable errors: 50.3 and 50,3 are both read; generic validation messages are Polish."""

from ezabrze.policy.converters import FloatConverter
from z3c.form.browser.text import TextWidget
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import IDataConverter
from z3c.form.testing import TestRequest
from z3c.form.widget import FieldWidget
from zope import schema
from zope.component import getMultiAdapter
from zope.i18n import translate

import pytest


def _converter():
    request = TestRequest(HTTP_ACCEPT_LANGUAGE="pl")
    field = schema.Float(__name__="latitude", title="Szerokość", min=-90.0, max=90.0)
    widget = FieldWidget(field, TextWidget(request))
    return getMultiAdapter((field, widget), IDataConverter)


@pytest.mark.parametrize("text,number", [("50.3", 50.3), ("50,3", 50.3), ("50.3085", 50.3085), (" 18,78 ", 18.78),
                                         ("-12.5", -12.5)])
def test_latitude_with_point_or_comma(portal, text, number):
    converter = _converter()
    assert isinstance(converter, FloatConverter)  # the one point-or-comma converter of the portal
    assert converter.toFieldValue(text) == pytest.approx(number)


@pytest.mark.parametrize("text", ["abc", "50,3,1", "nan", "inf", "1e999"])
def test_nonsense_is_refused(portal, text):
    with pytest.raises(FormatterValidationError):
        _converter().toFieldValue(text)


@pytest.mark.parametrize(
    "error,polish",
    [(schema.interfaces.RequiredMissing, "To pole jest wymagane."),
     (schema.interfaces.WrongType, "Nieprawidłowy rodzaj wartości.")],
)
def test_generic_validation_messages_are_polish(portal, error, polish):
    assert translate(error.__doc__, target_language="pl") == polish


def test_number_message_is_polish(portal):
    from z3c.form.converter import FloatDataConverter

    assert translate(FloatDataConverter.errorMessage, target_language="pl").startswith("Wpisana wartość")
