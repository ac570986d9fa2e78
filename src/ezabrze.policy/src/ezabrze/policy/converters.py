"""Number fields of every form accept a decimal point or a decimal comma ("50.3" and "50,3").

z3c.form parses numbers with the request's locale only: in Polish "50,3" passed and "50.3" (what phones,
GPS apps and maps give) was refused; the Polish format also showed at most three decimals, so saving an
edit form cut 50.3085 to 50.308. These converters (more specific than z3c.form's: text widgets) read both
separators and show the value in full, with the locale's decimal symbol. Digit grouping is not accepted:
"1,000.5" is ambiguous and refused with a message.
"""

from decimal import Decimal
from decimal import InvalidOperation
from ezabrze.policy import _
from z3c.form.converter import BaseDataConverter
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import ITextWidget
from zope.component import adapter
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IFloat

import math
import re


NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
NOT_A_NUMBER = _("Enter a number, with a decimal point or comma, e.g. 50.3 or 50,3.")


class DecimalPointOrComma(BaseDataConverter):
    type = float

    def _symbol(self):
        try:
            return self.widget.request.locale.numbers.symbols.get("decimal", ".") or "."
        except AttributeError:
            return "."

    def toWidgetValue(self, value):
        if value is None or value == self.field.missing_value:
            return ""
        text = repr(value) if isinstance(value, float) else str(value)
        if text.endswith(".0"):
            text = text[:-2]
        return text.replace(".", self._symbol())

    def toFieldValue(self, value):
        text = (value or "").strip().replace("\u00a0", "").replace(" ", "")
        if not text:
            return self.field.missing_value
        if not NUMBER.match(text):
            raise FormatterValidationError(NOT_A_NUMBER, value)
        text = text.replace(",", ".")
        try:
            number = self.type(text)
        except (ValueError, InvalidOperation) as error:
            raise FormatterValidationError(NOT_A_NUMBER, value) from error
        if isinstance(number, float) and not math.isfinite(number):
            raise FormatterValidationError(NOT_A_NUMBER, value)
        return number


@adapter(IFloat, ITextWidget)
class FloatConverter(DecimalPointOrComma):
    type = float


@adapter(IDecimal, ITextWidget)
class DecimalConverter(DecimalPointOrComma):
    type = Decimal
