"""The numbers of a strategy's portfolio, computed once from what the viewer may see.

Every view, export and the REST service ``@strategy-portfolio`` use `Portfolio`: the projects come from a
restricted catalog query below the strategy (a project the viewer may not see is in no count), filtered by goal,
status, funding source and partner.
"""

from collections import defaultdict
from decimal import Decimal
from ezabrze.policy.strategy import SOURCES
from ezabrze.policy.strategy import STATUSES
from plone import api


FILTERS = ("goal", "status", "source", "partner")


def clean_filters(form):
    """The filters of a request, each a plain string; lists, other types and unknown statuses or sources are
    ignored (a filter that cannot match is no filter)."""
    allowed = {"status": STATUSES, "source": SOURCES}
    result = {}
    for name in FILTERS:
        value = form.get(name)
        if isinstance(value, str) and value.strip() and value.strip() in allowed.get(name, (value.strip(),)):
            result[name] = value.strip()
    return result


class Portfolio:
    def __init__(self, strategy, filters=None):
        self.strategy = strategy
        self.goals = strategy.goals()
        self.filters = dict(filters or {})
        if self.filters.get("goal") not in {goal.getId() for goal in self.goals}:
            self.filters.pop("goal", None)
        self._projects = None

    def query(self):
        query = {
            "portal_type": "StrategyProject",
            "path": "/".join(self.strategy.getPhysicalPath()),
            "sort_on": "sortable_title",
        }
        indexes = {"goal": "strategy_goals", "status": "strategy_status", "source": "strategy_sources",
                   "partner": "strategy_partners"}
        for name, index in indexes.items():
            if name in self.filters:
                query[index] = self.filters[name]
        return query

    def projects(self):
        if self._projects is None:
            catalog = api.portal.get_tool("portal_catalog")
            self._projects = [brain.getObject() for brain in catalog(**self.query())]
        return self._projects

    def by_goal(self):
        """[(goal, [projects], {status: count})] in the goals' order."""
        result = []
        for goal in self.goals:
            projects = [p for p in self.projects() if goal.getId() in (p.goals or ())]
            counts = dict.fromkeys(STATUSES, 0)
            for project in projects:
                counts[project.project_status] += 1
            result.append((goal, projects, counts))
        return result

    def status_counts(self):
        counts = dict.fromkeys(STATUSES, 0)
        for project in self.projects():
            counts[project.project_status] += 1
        return counts

    def progress(self, counts=None):
        """Share of done projects among those not abandoned, in percent (0 when there are none)."""
        counts = counts or self.status_counts()
        active = sum(counts.values()) - counts["abandoned"]
        return round(100 * counts["done"] / active) if active else 0

    def budget(self):
        """{(year, source): amount} and the sorted years, over the projects in the portfolio."""
        table = defaultdict(lambda: Decimal("0.00"))
        for project in self.projects():
            for row in project.budget_rows():
                table[(row["year"], row["source"])] += row["amount"]
        years = sorted({year for year, _source in table})
        return dict(table), years

    def budget_table(self):
        """Rows [year, eu, city, other, total] plus the totals row (Decimals)."""
        table, years = self.budget()
        rows = []
        for year in years:
            amounts = [table.get((year, source), Decimal("0.00")) for source in SOURCES]
            rows.append([year, *amounts, sum(amounts, Decimal("0.00"))])
        totals = [sum((row[i] for row in rows), Decimal("0.00")) for i in range(1, len(SOURCES) + 2)]
        return rows, totals

    def partners(self):
        return sorted({partner for project in self.strategy.projects() for partner in (project.partners or ())})

    def timeline(self):
        """[(goal, [(project, start, end)])]: the projects of each goal by their dates (actual before planned)."""
        result = []
        for goal, projects, _counts in self.by_goal():
            rows = []
            for project in projects:
                start = project.actual_start or project.planned_start
                end = project.actual_end or project.planned_end
                rows.append((project, start, end))
            rows.sort(key=lambda row: (row[1] is None, row[1] or 0, row[0].Title()))
            result.append((goal, rows))
        return result

    def edges(self):
        """Complementarity between visible projects: [(project, other, note)] (each link once, as written)."""
        visible = {project.getId(): project for project in self.projects()}
        result = []
        for project in self.projects():
            for other, other_id, note in project.complementary_projects():
                if other is not None and other_id in visible:
                    result.append((project, visible[other_id], note))
        return result
