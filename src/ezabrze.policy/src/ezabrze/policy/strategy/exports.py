"""CSV and XLSX exports of a strategy's portfolio (the projects the viewer may see, with the page's filters).

Cells go through `ezabrze.policy.exports.neutralize`: text that a spreadsheet would run as a formula is
written as text.
"""

from ezabrze.policy import _
from ezabrze.policy.exports import neutralize
from ezabrze.policy.strategy.vocabularies import HEALTH_TITLES
from ezabrze.policy.strategy.vocabularies import SOURCE_TITLES
from ezabrze.policy.strategy.vocabularies import STATUS_TITLES
from zope.i18n import translate


COLUMNS = (
    ("id", _("Short name")),
    ("title", _("Project")),
    ("goals", _("Strategic goals")),
    ("status", _("Status")),
    ("health", _("Health")),
    ("planned_start", _("Planned start")),
    ("planned_end", _("Planned end")),
    ("actual_start", _("Actual start")),
    ("actual_end", _("Actual end")),
    ("sources", _("Funding sources")),
    ("budget", _("Budget (PLN)")),
    ("partners", _("Partners")),
    ("url", _("Address")),
)


def _date(value):
    return value.isoformat() if value else ""


def rows(portfolio, request):
    goal_titles = {goal.getId(): goal.Title() for goal in portfolio.goals}
    result = []
    for project in portfolio.projects():
        budget = project.budget_rows()
        row = {
            "id": project.getId(),
            "title": project.Title(),
            "goals": ", ".join(goal_titles.get(goal, goal) for goal in project.goals or ()),
            "status": translate(STATUS_TITLES[project.project_status], context=request),
            "health": translate(HEALTH_TITLES[project.health], context=request),
            "planned_start": _date(project.planned_start),
            "planned_end": _date(project.planned_end),
            "actual_start": _date(project.actual_start),
            "actual_end": _date(project.actual_end),
            "sources": ", ".join(
                translate(SOURCE_TITLES[source], context=request)
                for source in sorted({line["source"] for line in budget})
            ),
            "budget": float(project.budget_total()),
            "partners": ", ".join(project.partners or ()),
            "url": project.absolute_url(),
        }
        result.append([neutralize(row[name]) for name, _title in COLUMNS])
    return result


def header(request):
    return [translate(title, context=request) for _name, title in COLUMNS]
