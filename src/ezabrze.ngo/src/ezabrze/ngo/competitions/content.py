"""The GrantCall (the announcement of an open competition) and the Offer (on the structure of the official
template, regulation of 24 Oct 2018: sections I-VII). Evaluation data (committee, declarations, cards, proposals)
are kept in attributes outside the schemas (see committee.py, evaluation.py), so edit forms, the REST serializer
and the catalog never publish them."""

from collective.z3cform.datagridfield.row import DictRow
from decimal import Decimal
from ezabrze.ngo import _
from ezabrze.ngo.competitions.browser.widgets import LabelledDataGridFieldWidgetFactory
from ezabrze.ngo.competitions.state import EffectiveStateRoles
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from ezabrze.policy.security.limits import FIELD_TEXT_MAX
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.schema import JSONField
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant

import json


CRITERIA_SCHEMA = json.dumps({
    "type": "array",
    "items": {
        "type": "object",
        "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "max": {"type": "integer"}},
        "required": ["title", "max"],
    },
})


class ICostRow(Interface):
    """A row of the V.A cost estimate (amounts as typed: a point or a comma; the arithmetic is costs.py's)."""

    cost_type = schema.TextLine(title=_("Cost type"), required=True)
    unit = schema.TextLine(title=_("Unit"), required=False)
    unit_cost = schema.TextLine(title=_("Unit cost (PLN)"), required=True)
    units = schema.TextLine(title=_("Number of units"), required=True)
    from_grant = schema.TextLine(title=_("From the grant (PLN)"), required=False)
    other = schema.TextLine(title=_("From other sources (PLN)"), required=False)
    year = schema.Int(title=_("Year"), description=_("Only for multi-year tasks."), required=False)


class ISplitRow(Interface):
    """A row of V.C: the part of the total cost of one of the joint applicants."""

    applicant = schema.TextLine(title=_("Applicant"), required=True)
    amount = schema.TextLine(title=_("Amount (PLN)"), required=True)


class IGrantCall(model.Schema):
    """An open competition for offers (art. 13 of the act)."""

    task_type = schema.TextLine(title=_("Type of public task"), required=True, max_length=FIELD_LINE_MAX)
    area = schema.Choice(title=_("Area of public-benefit activity"), vocabulary="ezabrze.ngo.Areas", required=True)
    funds = schema.Decimal(title=_("Funds allocated (PLN)"), min=Decimal(0), required=True)
    max_grant = schema.Decimal(title=_("Maximum grant per offer (PLN)"), min=Decimal(0), required=True)
    own_contribution_percent = schema.Decimal(
        title=_("Required own contribution (% of the total cost)"), min=Decimal(0), max=Decimal(100), default=Decimal(0), required=True,
    )
    rules = schema.Text(title=_("Rules for awarding grants"), required=True, max_length=FIELD_TEXT_MAX)
    delivery_terms = schema.Text(title=_("Dates and conditions of delivery of the task"), required=True, max_length=FIELD_TEXT_MAX)
    deadline = schema.Datetime(
        title=_("Offer deadline"),
        description=_("Offers are accepted until this second (server time); at least 21 days after the "
                      "announcement."),
        required=True,
    )
    procedure = schema.Text(title=_("Selection procedure"), required=True, max_length=FIELD_TEXT_MAX)
    criteria = JSONField(
        title=_("Criteria with maximum points"),
        description=_('A list of {"title": ..., "max": points}; each member scores each criterion from 0 to its '
                      "maximum."),
        schema=CRITERIA_SCHEMA,
        default=[],
        required=True,
    )
    decision_date = schema.Date(title=_("Date of the decision"), required=True)
    previous_tasks = schema.Text(
        title=_("Tasks of the same type funded this and last year with amounts"),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )
    responsible_unit = schema.Choice(title=_("Responsible unit"), vocabulary="ezabrze.ngo.Units", required=False)
    attachment = NamedBlobFile(title=_("Attachment"), required=False)

    model.fieldset("cancellation", label=_("Cancellation"), fields=["cancel_reason"])
    cancel_reason = schema.Text(title=_("Reason for the cancellation"), required=False, max_length=FIELD_TEXT_MAX)

    @invariant
    def limits(data):
        funds, max_grant = getattr(data, "funds", None), getattr(data, "max_grant", None)
        if funds is not None and max_grant is not None and max_grant > funds:
            raise Invalid(_("The maximum grant per offer cannot exceed the funds allocated."))

    @invariant
    def criteria_valid(data):
        criteria = getattr(data, "criteria", None)
        if criteria is None:
            return
        if not criteria:
            raise Invalid(_("Give at least one criterion."))
        for criterion in criteria:
            if not str(criterion.get("title", "")).strip() or not isinstance(criterion.get("max"), int) \
                    or criterion["max"] <= 0:
                raise Invalid(_("Each criterion needs a title and a positive maximum of points."))


@implementer(IGrantCall)
class GrantCall(Container):
    """Offers live inside the call; the committee and its log in attributes (committee.py)."""

    announced = None

    # Permission checks follow the effective state (see state.EffectiveStateRoles).
    _Modify_portal_content_Permission = EffectiveStateRoles("Modify portal content")
    _Delete_objects_Permission = EffectiveStateRoles("Delete objects")

    def criteria_list(self):
        """[{"id", "title", "max"}] with stable ids (c1, c2, ... when not given)."""
        result = []
        for index, criterion in enumerate(self.criteria or (), start=1):
            result.append({"id": str(criterion.get("id") or f"c{index}"), "title": criterion["title"],
                           "max": int(criterion["max"])})
        return result


OFFER_KINDS = ("support", "entrust")


class IOffer(model.Schema):
    """An offer on the official template."""

    model.fieldset("section_1", label=_("I. Basic data"), fields=["offer_kind"])
    offer_kind = schema.Choice(
        title=_("Form of the task"),
        values=OFFER_KINDS,
        default="support",
        required=True,
    )

    model.fieldset("section_2", label=_("II. Applicant(s)"), fields=["joint_applicants", "contact_person"])
    joint_applicants = schema.Text(
        title=_("Other applicants of a joint offer"),
        description=_("One per line: name and KRS number."),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )
    contact_person = schema.TextLine(title=_("Person authorised to give explanations"), required=True, max_length=FIELD_LINE_MAX)

    model.fieldset(
        "section_3", label=_("III. The task"),
        fields=["task_start", "task_end", "task_description", "task_place", "schedule", "expected_results"],
    )
    task_start = schema.Date(title=_("Start of the task"), required=True)
    task_end = schema.Date(title=_("End of the task"), required=True)
    task_description = schema.Text(title=_("Synthetic description of the task"), required=True, max_length=FIELD_TEXT_MAX)
    task_place = schema.Text(title=_("Place of the task"), required=True, max_length=FIELD_TEXT_MAX)
    schedule = schema.Text(title=_("Plan and schedule of actions"), required=True, max_length=FIELD_TEXT_MAX)
    expected_results = schema.Text(title=_("Expected results with their target levels"), required=True, max_length=FIELD_TEXT_MAX)

    model.fieldset("section_4", label=_("IV. Resources and experience"), fields=["resources", "experience"])
    resources = schema.Text(title=_("Resources of the applicant"), required=True, max_length=FIELD_TEXT_MAX)
    experience = schema.Text(title=_("Experience of the applicant"), required=True, max_length=FIELD_TEXT_MAX)

    model.fieldset("section_5", label=_("V. Costs"), fields=["costs", "split"])
    # editable tables (collective.z3cform.datagridfield): a row of inputs per cost, reached with Tab, rows added
    # and moved with buttons; stored as the same list of dicts as before (what the checksum and REST read)
    costs = schema.List(
        title=_("V.A Cost estimate"),
        description=_("Rows: cost type, unit, unit cost, number of units, from the grant, from other sources, year."),
        value_type=DictRow(title=_("Cost row"), schema=ICostRow),
        default=[],
        required=False,
    )
    directives.widget("costs", LabelledDataGridFieldWidgetFactory, auto_append=False, allow_reorder=True)
    split = schema.List(
        title=_("V.C Split of the costs between the applicants"),
        description=_("Only for joint offers: applicant and amount."),
        value_type=DictRow(title=_("Applicant's part"), schema=ISplitRow),
        default=[],
        required=False,
    )
    directives.widget("split", LabelledDataGridFieldWidgetFactory, auto_append=False)

    model.fieldset("section_6", label=_("VI. Other information"), fields=["other_information"])
    other_information = schema.Text(title=_("Other information"), required=False, max_length=FIELD_TEXT_MAX)

    model.fieldset("section_7", label=_("VII. Statements"), fields=["statements"])
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

    @invariant
    def arithmetic(data):
        """The arithmetic of the cost table (the limits of the call are checked at submission)."""
        from ezabrze.ngo.competitions import costs as costs_api

        rows = [dict(row) for row in (getattr(data, "costs", None) or [])]
        if not rows:
            return
        split = [dict(row) for row in (getattr(data, "split", None) or [])]
        try:
            costs_api.check(rows, split)
        except costs_api.CostError as error:
            raise Invalid(error.args[0][0]) from None


@implementer(IOffer)
class Offer(Item):
    """organization_uid, submitted, checksum... are set by offers.py (never by the edit form)."""

    organization_uid = None
    submitted = None
    submitted_by = None
    checksum = None
    pdf = None  # the PDF made at submission (offers.store_pdf)
