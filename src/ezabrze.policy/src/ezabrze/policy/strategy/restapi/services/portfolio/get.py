"""GET @strategy-portfolio on a Strategy: the portfolio by goal with counts, progress, budget and the
complementarity links, from what the caller may see, with the same filters as the pages (goal, status, source,
partner)."""

from ezabrze.policy.strategy import SOURCES
from ezabrze.policy.strategy import STATUSES
from ezabrze.policy.strategy.portfolio import clean_filters
from ezabrze.policy.strategy.portfolio import Portfolio
from plone.restapi.services import Service


def _date(value):
    return value.isoformat() if value else None


class PortfolioGet(Service):
    def reply(self):
        filters = clean_filters(self.request.form)
        portfolio = Portfolio(self.context, filters)
        goals = []
        for goal, projects, counts in portfolio.by_goal():
            goals.append(
                {
                    "id": goal.getId(),
                    "title": goal.Title(),
                    "@id": goal.absolute_url(),
                    "counts": counts,
                    "progress": portfolio.progress(counts),
                    "projects": [project.getId() for project in projects],
                }
            )
        rows, totals = portfolio.budget_table()
        return {
            "@id": f"{self.context.absolute_url()}/@strategy-portfolio",
            "filters": filters,
            "counts": portfolio.status_counts(),
            "progress": portfolio.progress(),
            "goals": goals,
            "projects": [
                {
                    "id": project.getId(),
                    "@id": project.absolute_url(),
                    "title": project.Title(),
                    "goals": list(project.goals or ()),
                    "status": project.project_status,
                    "health": project.health,
                    "planned_start": _date(project.planned_start),
                    "planned_end": _date(project.planned_end),
                    "actual_start": _date(project.actual_start),
                    "actual_end": _date(project.actual_end),
                    "budget_total": str(project.budget_total()),
                    "partners": list(project.partners or ()),
                }
                for project in portfolio.projects()
            ],
            "budget": {
                "sources": list(SOURCES),
                "rows": [{"year": row[0], **{s: str(a) for s, a in zip((*SOURCES, "total"), row[1:], strict=True)}}
                         for row in rows],
                "totals": {s: str(a) for s, a in zip((*SOURCES, "total"), totals, strict=True)},
            },
            "complementarity": [
                {"from": a.getId(), "to": b.getId(), "note": note} for a, b, note in portfolio.edges()
            ],
            "statuses": list(STATUSES),
        }
