"""Usable form input: decimal numbers accepted with a point or a comma.

With the Polish locale z3c.form reads only "50,3"; "50.3" — the example the forms themselves give, and what
GPS apps and maps copy — was refused with an English message. This converter (for text widgets of float
fields) tries the locale's format first, then the point notation. Input that is neither stays refused, with
the message translated (locales/pl/LC_MESSAGES/z3c.form.po; zope.schema's generic messages in zope.po).
"""

from z3c.form.converter import FloatDataConverter
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import ITextWidget
from zope.component import adapter
from zope.schema.interfaces import IFloat

import math


@adapter(IFloat, ITextWidget)
class PointOrCommaFloatDataConverter(FloatDataConverter):
    def toFieldValue(self, value):
        try:
            return super().toFieldValue(value)
        except FormatterValidationError:
            text = "".join((value or "").split()).replace("\u00a0", "")
            if text.count(",") == 1 and "." not in text:
                text = text.replace(",", ".")
            try:
                number = float(text)
            except ValueError:
                raise FormatterValidationError(self.errorMessage, value) from None
            if not math.isfinite(number):
                raise FormatterValidationError(self.errorMessage, value) from None
            return number
