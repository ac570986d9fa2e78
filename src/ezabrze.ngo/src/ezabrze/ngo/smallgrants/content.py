"""The simplified offer (the template of art. 19a): the task, its dates and place, the expected results, the cost
table (the same editable table as the competitions' offers) and the statements. Everything else (organisation,
submission, publication, comments, decision) is kept outside the schema by ``rules.py``."""

from collective.z3cform.datagridfield.row import DictRow
from ezabrze.ngo import _
from ezabrze.ngo.competitions.browser.widgets import LabelledDataGridFieldWidgetFactory
from ezabrze.ngo.competitions.content import ICostRow
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from ezabrze.policy.security.limits import FIELD_TEXT_MAX
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


class ISmallGrant(model.Schema):
    """A small-grant offer (art. 19a)."""

    contact_person = schema.TextLine(
        title=_("Person authorised to give explanations"), required=True, max_length=FIELD_LINE_MAX
    )
    task_start = schema.Date(title=_("Start of the task"), required=True)
    task_end = schema.Date(title=_("End of the task"), description=_("At most 90 days after the start."),
                           required=True)
    task_description = schema.Text(title=_("Synthetic description of the task"), required=True, max_length=FIELD_TEXT_MAX)
    task_place = schema.Text(title=_("Place of the task"), required=True, max_length=FIELD_TEXT_MAX)
    expected_results = schema.Text(title=_("Expected results with their target levels"), required=True, max_length=FIELD_TEXT_MAX)
    costs = schema.List(
        title=_("Cost estimate"),
        description=_("Rows: cost type, unit, unit cost, number of units, from the grant, from other sources."),
        value_type=DictRow(title=_("Cost row"), schema=ICostRow),
        default=[],
        required=False,
    )
    directives.widget("costs", LabelledDataGridFieldWidgetFactory, auto_append=False)
    statements = schema.List(
        title=_("Statements"),
        value_type=schema.Choice(vocabulary="ezabrze.ngo.OfferStatements"),
        default=[],
        required=False,
    )
    directives.widget("statements", CheckBoxFieldWidget)

    @invariant
    def dates(data):
        start, end = getattr(data, "task_start", None), getattr(data, "task_end", None)
        if start is not None and end is not None and end < start:
            raise Invalid(_("The task cannot end before it starts."))


@implementer(ISmallGrant)
class SmallGrant(Item):
    """organization_uid, submitted, published, comments, decision are set by rules.py."""

    organization_uid = None
    submitted = None
    submitted_by = None
    published = None
    decision = None
