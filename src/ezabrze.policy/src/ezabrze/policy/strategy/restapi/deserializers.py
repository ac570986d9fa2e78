"""REST: the rows of a project's tables (budget, indicators, complementarity).

A row must be a JSON object (a text or a list is a Polish 400, not a server error); a number (budget amount,
indicator target) may come as a JSON number or as text with a comma ("1 200 000,50"), anything else is a Polish
400 (plone.restapi's Decimal deserializer lets `Decimal("abc")` raise a server error, and the datagrid's row
deserializer does not use a deserializer registered for its rows' fields). Missing required columns and values
out of range are refused by the grid field's own validation (400)."""

from collective.z3cform.datagridfield.interfaces import IRow
from decimal import Decimal
from decimal import InvalidOperation
from ezabrze.policy import _
from ezabrze.policy.strategy.content import IStrategyProject
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.schema import getFields
from zope.schema.interfaces import IDecimal


def decimal_value(field, value, request):
    if value is None or value == "":
        return None  # the row's own check says whether it is required
    message = translate(
        _("row_number_invalid", default="${field}: write a number, e.g. 1200000,50.",
          mapping={"field": translate(field.title, context=request)}),
        context=request,
    )
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(message)
    text = value.replace(" ", "").replace("\xa0", "").replace(",", ".") if isinstance(value, str) else str(value)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(message) from None
    if not number.is_finite():
        raise ValueError(message)
    return number


@implementer(IFieldDeserializer)
@adapter(IRow, IStrategyProject, IBrowserRequest)
class ProjectRowDeserializer:
    def __init__(self, field, context, request):
        self.field = field
        self.context = context
        self.request = request

    def __call__(self, row):
        if not isinstance(row, dict):
            raise ValueError(
                translate(
                    _("row_not_object", default="${row}: send an object with the columns of the table, e.g. "
                      '{"year": 2021, "source": "eu", "programme": "…", "amount": 1000}.',
                      mapping={"row": translate(self.field.title or "", context=self.request)}),
                    context=self.request,
                )
            )
        data = {}
        for name, field in getFields(self.field.schema).items():
            value = row.get(name)
            if IDecimal.providedBy(field):
                data[name] = decimal_value(field, value, self.request)
            elif value is None or value == "":
                data[name] = None
            else:
                deserializer = queryMultiAdapter((field, self.context, self.request), IFieldDeserializer)
                data[name] = deserializer(value) if deserializer is not None else value
        return data
