"""Strategy, StrategicGoal and StrategyProject.

A Strategy is a folder holding its goals, its projects and its documents (File). A project serves one or more
goals of its own strategy (by id). Its editable tables (budget, indicators, complementarity) are grids
(collective.z3cform.datagridfield: a row per line, a field per column, rows added, removed and moved with
buttons that work with the keyboard), each row validated by its schema (IBudgetRow, IIndicatorRow,
IComplementarityRow); they are read through `budget_rows()`, `indicator_rows()` and `complementarity_rows()`.
Until the upgrade to 1008 they were text, one row per line with columns separated by ";": `parse_budget`,
`parse_indicators` and `parse_complementarity` read that text (the upgrade step and the demo data use them). Every change of status is appended to `status_history`
(date, status, who) by a subscriber, and the BIP behaviour declared in the type's XML records who changed what.
"""

from Acquisition import aq_inner
from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidgetFactory
from collective.z3cform.datagridfield.row import DictRow
from DateTime import DateTime
from decimal import Decimal
from decimal import InvalidOperation
from ezabrze.policy import _
from ezabrze.policy.catalogue.content.unit import UNITS_VOCABULARY
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from ezabrze.policy.security.limits import FIELD_TEXT_MAX
from ezabrze.policy.strategy.vocabularies import goals_of_strategy
from persistent.list import PersistentList
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.schema import ValidationError


# ------------------------------------------------------------------ the editable tables


SOURCE_ALIASES = {
    "eu": "eu",
    "ue": "eu",
    "city": "city",
    "budżet miasta": "city",
    "miasto": "city",
    "other": "other",
    "inne": "other",
}


class TableError(ValidationError):
    """A row of an editable table that cannot be read: the message names the table and the row, in the user's
    language (forms and plone.restapi show `doc()`)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return translate(self.message, context=getRequest())

    def __str__(self):
        return self.doc()


def _cells(line, count, message):
    cells = [cell.strip() for cell in line.split(";")]
    if len(cells) != count:
        raise TableError(message)
    return cells


def _lines(text):
    return [(number, line.strip()) for number, line in enumerate((text or "").splitlines(), 1) if line.strip()]


def _year(value):
    if not value.isdigit() or not 1990 <= int(value) <= 2100:
        raise ValueError(value)
    return int(value)


def _amount(value):
    amount = Decimal(value.replace(" ", "").replace("\xa0", "").replace(",", "."))
    if amount < 0 or not amount.is_finite():
        raise ValueError(value)
    return amount.quantize(Decimal("0.01"))


def parse_budget(text):
    """Rows "year; source; EU programme and measure; amount" -> list of dicts (source: eu, city, other)."""
    rows = []
    for number, line in _lines(text):
        message = _(
            "budget_row_invalid",
            default="Budget, row ${row}: write year; source (UE, budżet miasta or inne); programme and measure; "
            "amount in PLN.",
            mapping={"row": number},
        )
        year, source, programme, amount = _cells(line, 4, message)
        source = SOURCE_ALIASES.get(source.lower())
        try:
            rows.append(
                {"year": _year(year), "source": source, "programme": programme, "amount": _amount(amount)}
            )
        except (ValueError, InvalidOperation):
            raise TableError(message) from None
        if source is None:
            raise TableError(message)
    return rows


def parse_indicators(text):
    """Rows "name; unit; target; achieved; year" -> list of dicts (achieved may be empty)."""
    rows = []
    for number, line in _lines(text):
        message = _(
            "indicator_row_invalid",
            default="Indicators, row ${row}: write name; unit; target; achieved (may be empty); year.",
            mapping={"row": number},
        )
        name, unit, target, achieved, year = _cells(line, 5, message)
        try:
            rows.append(
                {
                    "name": name,
                    "unit": unit,
                    "target": _amount(target).normalize(),
                    "achieved": _amount(achieved).normalize() if achieved else None,
                    "year": _year(year),
                }
            )
        except (ValueError, InvalidOperation):
            raise TableError(message) from None
        if not name:
            raise TableError(message)
    return rows


def parse_complementarity(text):
    """Rows "project id; how they depend on each other" -> list of dicts."""
    rows = []
    for number, line in _lines(text):
        message = _(
            "complementarity_row_invalid",
            default="Complementarity, row ${row}: write the short name (id) of the other project; how they "
            "depend on each other.",
            mapping={"row": number},
        )
        project, note = _cells(line, 2, message)
        if not project or not note:
            raise TableError(message)
        rows.append({"project": project, "note": note})
    return rows


YEAR_RANGE = (1990, 2100)


class IBudgetRow(model.Schema):
    year = schema.Choice(title=_("Year"), vocabulary="ezabrze.policy.StrategyYears", required=True)
    source = schema.Choice(title=_("Source"), vocabulary="ezabrze.policy.StrategySources", required=True)
    programme = schema.TextLine(title=_("Programme and measure"), required=False, max_length=300)
    amount = schema.Decimal(title=_("Amount (PLN)"), min=Decimal("0"), max=Decimal("1000000000000"), required=True)


class IIndicatorRow(model.Schema):
    name = schema.TextLine(title=_("Indicator"), required=True, max_length=300)
    unit = schema.TextLine(title=_("Unit"), required=False, max_length=50)
    target = schema.Decimal(title=_("Target"), min=Decimal("0"), required=True)
    achieved = schema.Decimal(title=_("Achieved"), min=Decimal("0"), required=False)
    year = schema.Choice(title=_("Year"), vocabulary="ezabrze.policy.StrategyYears", required=True)


class IComplementarityRow(model.Schema):
    project = schema.TextLine(title=_("Related project (short name)"), required=True, max_length=100)
    note = schema.TextLine(title=_("How they depend on each other"), required=True, max_length=500)


def _stored(value, parser):
    """The rows of a table as stored: a list of dicts (text of a site not yet upgraded is read as before)."""
    if isinstance(value, str):
        return parser(value)
    return [dict(row) for row in value or ()]


def _decimal(value):
    return value if isinstance(value, Decimal) else Decimal(str(value))


# ------------------------------------------------------------------ the types


class IStrategy(model.Schema):
    """An IT strategy of the city (a programme adopted by a resolution of the city council)."""

    adopted = schema.Date(title=_("Adopted on"), required=True)
    resolution = schema.TextLine(
        title=_("Resolution"),
        description=_("The resolution of the city council that adopted the strategy."),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    inventory = schema.Text(
        title=_("Based on"),
        description=_("The inventory or diagnosis the strategy is based on."),
        required=False,
        max_length=FIELD_TEXT_MAX,
    )
    horizon = schema.TextLine(title=_("Horizon"), description=_("E.g. 2016–2020+."), required=False, max_length=FIELD_LINE_MAX)


@implementer(IStrategy)
class Strategy(Container):
    """A strategy: its goals, projects and documents are inside."""

    def goals(self):
        return sorted(
            (obj for obj in self.objectValues() if IStrategicGoal.providedBy(obj)),
            key=lambda goal: (goal.number or 0, goal.getId()),
        )

    def projects(self):
        return [obj for obj in self.objectValues() if IStrategyProject.providedBy(obj)]


class IStrategicGoal(model.Schema):
    """A strategic goal of a strategy (e.g. e-administracja)."""

    number = schema.Int(title=_("Number"), required=True, min=1, default=1)


@implementer(IStrategicGoal)
class StrategicGoal(Item):
    """Cel strategiczny."""


class IStrategyProject(model.Schema):
    """A project of a strategy."""

    goals = schema.List(
        title=_("Strategic goals"),
        description=_("The goals of this strategy the project serves."),
        value_type=schema.Choice(source=goals_of_strategy),
        min_length=1,
        required=True,
    )
    directives.widget("goals", CheckBoxFieldWidget)
    project_status = schema.Choice(
        title=_("Status"),
        vocabulary="ezabrze.policy.StrategyStatuses",
        required=True,
        default="planned",
    )
    health = schema.Choice(
        title=_("Health"),
        vocabulary="ezabrze.policy.StrategyHealth",
        required=True,
        default="on_track",
    )
    planned_start = schema.Date(title=_("Planned start"), required=False)
    planned_end = schema.Date(title=_("Planned end"), required=False)
    actual_start = schema.Date(title=_("Actual start"), required=False)
    actual_end = schema.Date(title=_("Actual end"), required=False)

    model.fieldset(
        "budget",
        label=_("Budget and indicators"),
        fields=["budget", "indicators"],
    )
    budget = schema.List(
        title=_("Budget"),
        description=_("One row per year and source of the money: EU funds (with the programme and measure), the "
                      "city budget or other."),
        value_type=DictRow(title=_("Budget row"), schema=IBudgetRow),
        required=False,
        default=[],
    )
    directives.widget("budget", DataGridFieldWidgetFactory)
    indicators = schema.List(
        title=_("Indicators"),
        description=_("One row per indicator: its unit, the target, what was achieved (may be empty) and the year."),
        value_type=DictRow(title=_("Indicator"), schema=IIndicatorRow),
        required=False,
        default=[],
    )
    directives.widget("indicators", DataGridFieldWidgetFactory)

    model.fieldset(
        "links",
        label=_("Partners, services and related projects"),
        fields=["partners", "services", "units", "complementarity"],
    )
    partners = schema.List(
        title=_("Partners"),
        description=_("One partner per line, e.g. Politechnika Śląska."),
        value_type=schema.TextLine(max_length=FIELD_LINE_MAX),
        required=False,
        default=[],
    )
    directives.widget("partners", TextLinesFieldWidget)
    services = RelationList(
        title=_("E-services delivered"),
        value_type=RelationChoice(title=_("E-service"), vocabulary="ezabrze.policy.Services"),
        required=False,
        default=[],
    )
    units = RelationList(
        title=_("Units"),
        description=_("The organizational units the project delivered for or that run it."),
        value_type=RelationChoice(title=_("Unit"), vocabulary=UNITS_VOCABULARY),
        required=False,
        default=[],
    )
    complementarity = schema.List(
        title=_("Complementarity"),
        description=_("One row per related project: its short name (id, e.g. siec-szkieletowa) and how the two "
                      "depend on each other."),
        value_type=DictRow(title=_("Related project"), schema=IComplementarityRow),
        required=False,
        default=[],
    )
    directives.widget("complementarity", DataGridFieldWidgetFactory)

    @invariant
    def planned_range(data):
        start, end = getattr(data, "planned_start", None), getattr(data, "planned_end", None)
        if start and end and end < start:
            raise Invalid(_("A project cannot be planned to end before it starts."))

    @invariant
    def actual_range(data):
        start, end = getattr(data, "actual_start", None), getattr(data, "actual_end", None)
        if start and end and end < start:
            raise Invalid(_("A project cannot end before it starts."))


@implementer(IStrategyProject)
class StrategyProject(Item):
    """Projekt strategii."""

    status_history = ()

    def budget_rows(self):
        return [
            {
                "year": int(row["year"]),
                "source": row["source"],
                "programme": row.get("programme") or "",
                "amount": _decimal(row["amount"]).quantize(Decimal("0.01")),
            }
            for row in _stored(self.budget, parse_budget)
        ]

    def indicator_rows(self):
        return [
            {
                "name": row["name"],
                "unit": row.get("unit") or "",
                "target": _decimal(row["target"]).normalize(),
                "achieved": _decimal(row["achieved"]).normalize() if row.get("achieved") is not None else None,
                "year": int(row["year"]),
            }
            for row in _stored(self.indicators, parse_indicators)
        ]

    def complementarity_rows(self):
        return [
            {"project": row["project"], "note": row["note"]}
            for row in _stored(self.complementarity, parse_complementarity)
        ]

    def budget_total(self):
        return sum((row["amount"] for row in self.budget_rows()), Decimal("0.00"))

    def strategy(self):
        from ezabrze.policy.strategy.vocabularies import strategy_of

        return strategy_of(self)

    def complementary_projects(self):
        """[(project or None, id, note)]: the projects this one names, in the same strategy or the other one."""
        strategy = self.strategy()
        section = strategy.__parent__ if strategy is not None else None
        result = []
        for row in self.complementarity_rows():
            other = None
            for holder in (strategy, *(section.objectValues() if section is not None else ())):
                if IStrategy.providedBy(holder) and row["project"] in holder.objectIds():
                    candidate = holder[row["project"]]
                    if IStrategyProject.providedBy(candidate):
                        other = candidate
                        break
            result.append((other, row["project"], row["note"]))
        return result

    def dependent_projects(self):
        """Projects that name this one in their complementarity (the other direction)."""
        catalog = api.portal.get_tool("portal_catalog")
        return list(catalog(strategy_complements=self.getId(), portal_type="StrategyProject"))


def record_status(obj, event=None):
    """Append the project's status to its history when it changed (added or edited, in the UI or over REST)."""
    obj = aq_inner(obj)
    history = obj.__dict__.get("status_history")
    if history and history[-1]["status"] == obj.project_status:
        return
    if history is None:
        history = obj.status_history = PersistentList()
    user = api.user.get_current()
    history.append(
        {
            "status": obj.project_status,
            "date": DateTime().ISO8601(),
            "by": user.getUserName() if user is not None else "",
        }
    )
