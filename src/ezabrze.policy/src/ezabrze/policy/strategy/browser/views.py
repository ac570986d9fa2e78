"""Pages of the strategy portfolio: portfolio by goal, timeline, complementarity graph, budget, exports,
the project and goal pages."""

from datetime import date
from decimal import Decimal
from ezabrze.policy import _
from ezabrze.policy.strategy import exports
from ezabrze.policy.strategy import graph
from ezabrze.policy.strategy import SOURCES
from ezabrze.policy.strategy import STATUSES
from ezabrze.policy.strategy.portfolio import clean_filters
from ezabrze.policy.strategy.portfolio import Portfolio
from ezabrze.policy.strategy.vocabularies import HEALTH_TITLES
from ezabrze.policy.strategy.vocabularies import SOURCE_TITLES
from ezabrze.policy.strategy.vocabularies import STATUS_TITLES
from ezabrze.policy.strategy.vocabularies import strategy_of
from io import BytesIO
from io import StringIO
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.i18n import translate

import csv


class PortfolioBase(BrowserView):
    filters_template = ViewPageTemplateFile("templates/filters.pt")

    def __call__(self):
        self.filters = clean_filters(self.request.form)
        self.portfolio = Portfolio(self.context, self.filters)
        return self.index()

    def t(self, msgid):
        return translate(msgid, context=self.request)

    def status_title(self, status):
        return self.t(STATUS_TITLES.get(status, status))

    def health_title(self, health):
        return self.t(HEALTH_TITLES.get(health, health))

    def statuses(self):
        return [{"value": s, "title": self.status_title(s)} for s in STATUSES]

    def sources(self):
        return [{"value": s, "title": self.t(SOURCE_TITLES[s])} for s in SOURCES]

    def goals(self):
        return [{"value": g.getId(), "title": g.Title()} for g in self.portfolio.goals]

    def partners(self):
        return self.portfolio.partners()

    def query_string(self):
        return urlencode(self.filters)

    def link(self, name):
        query = self.query_string()
        return f"{self.context.absolute_url()}/{name}" + (f"?{query}" if query else "")

    def pln(self, amount):
        return graph.pln(amount)


class PortfolioView(PortfolioBase):
    """The portfolio by goal: projects, counts per status and progress."""

    def groups(self):
        result = []
        for goal, projects, counts in self.portfolio.by_goal():
            result.append(
                {
                    "goal": goal,
                    "projects": [self.project_row(p) for p in projects],
                    "counts": [{"title": self.status_title(s), "count": counts[s]} for s in STATUSES],
                    "progress": self.portfolio.progress(counts),
                }
            )
        return result

    def totals(self):
        counts = self.portfolio.status_counts()
        return {
            "count": len(self.portfolio.projects()),
            "counts": [{"title": self.status_title(s), "count": counts[s]} for s in STATUSES],
            "progress": self.portfolio.progress(counts),
        }

    def project_row(self, project):
        return {
            "url": project.absolute_url(),
            "title": project.Title(),
            "status": project.project_status,
            "status_title": self.status_title(project.project_status),
            "health_title": self.health_title(project.health),
        }


class TimelineView(PortfolioBase):
    """Projects per goal along the years (bars as widths of a year range; the dates are written out too)."""

    def span(self):
        years = [
            day.year
            for project in self.portfolio.projects()
            for day in (project.planned_start, project.planned_end, project.actual_start, project.actual_end)
            if day
        ]
        if not years:
            return date.today().year, date.today().year
        return min(years), max(years)

    def years(self):
        first, last = self.span()
        return list(range(first, last + 1))

    def groups(self):
        first, last = self.span()
        total = (date(last, 12, 31) - date(first, 1, 1)).days or 1
        result = []
        for goal, rows in self.portfolio.timeline():
            items = []
            for project, start, end in rows:
                left = width = None
                if start:
                    stop = end or start
                    left = round(100 * (start - date(first, 1, 1)).days / total, 2)
                    width = max(round(100 * ((stop - start).days + 1) / total, 2), 1)
                items.append(
                    {
                        "url": project.absolute_url(),
                        "title": project.Title(),
                        "status": project.project_status,
                        "status_title": self.status_title(project.project_status),
                        "start": start.isoformat() if start else "",
                        "end": end.isoformat() if end else "",
                        "style": f"margin-left:{left}%;width:{width}%" if left is not None else "",
                    }
                )
            result.append({"goal": goal, "rows": items})
        return result


class GraphView(PortfolioBase):
    """The complementarity graph (SVG drawn on the server) and the table that says the same."""

    def nodes(self):
        return self.portfolio.projects()

    def svg(self):
        nodes = [
            (p.getId(), p.Title(), p.absolute_url(), p.project_status, self.status_title(p.project_status))
            for p in self.nodes()
        ]
        edges = [(a.getId(), b.getId()) for a, b, _note in self.portfolio.edges()]
        title = self.t(_("Complementarity of the projects"))
        desc = self.t(
            _(
                "graph_desc",
                default="${projects} projects, ${links} links between them; the table below lists every link.",
                mapping={"projects": len(nodes), "links": len(edges)},
            )
        )
        return graph.complementarity_svg(nodes, edges, title, desc)

    def links(self):
        return [
            {
                "from_url": a.absolute_url(),
                "from": a.Title(),
                "to_url": b.absolute_url(),
                "to": b.Title(),
                "note": note,
            }
            for a, b, note in self.portfolio.edges()
        ]


class BudgetView(PortfolioBase):
    """The budget by source and year: a table and a chart."""

    def table(self):
        rows, totals = self.portfolio.budget_table()
        return {
            "rows": [{"year": row[0], "amounts": [self.pln(a) for a in row[1:]]} for row in rows],
            "totals": [self.pln(a) for a in totals],
        }

    def svg(self):
        rows, _totals = self.portfolio.budget_table()
        data = [(row[0], dict(zip(SOURCES, row[1:-1], strict=True))) for row in rows]
        grand = sum((row[-1] for row in rows), Decimal("0.00"))
        title = self.t(_("Budget of the projects by year and source"))
        desc = self.t(
            _(
                "budget_desc",
                default="Stacked bars per year; total ${total}. The table above gives every amount.",
                mapping={"total": self.pln(grand)},
            )
        )
        return graph.budget_svg(data, [(s["value"], s["title"]) for s in self.sources()], title, desc)


class PortfolioCSV(BrowserView):
    def __call__(self):
        portfolio = Portfolio(self.context, clean_filters(self.request.form))
        out = StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(exports.header(self.request))
        writer.writerows(exports.rows(portfolio, self.request))
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", f'attachment; filename="{self.context.getId()}.csv"')
        return "\ufeff" + out.getvalue()


class PortfolioXLSX(BrowserView):
    def __call__(self):
        from openpyxl import Workbook
        from openpyxl.styles import Font

        portfolio = Portfolio(self.context, clean_filters(self.request.form))
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Projekty"
        sheet.append(exports.header(self.request))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in exports.rows(portfolio, self.request):
            sheet.append(row)
        out = BytesIO()
        workbook.save(out)
        response = self.request.response
        response.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.setHeader("Content-Disposition", f'attachment; filename="{self.context.getId()}.xlsx"')
        return out.getvalue()


def _visible(obj):
    return obj is not None and api.user.has_permission("View", obj=obj)


class ProjectView(BrowserView):
    """A project: goals, status and its history, dates, budget, indicators, partners, services, units and the
    projects it depends on or that depend on it (only those the viewer may see)."""

    def t(self, msgid):
        return translate(msgid, context=self.request)

    def status_title(self):
        return self.t(STATUS_TITLES[self.context.project_status])

    def health_title(self):
        return self.t(HEALTH_TITLES[self.context.health])

    def goals(self):
        strategy = strategy_of(self.context)
        if strategy is None:
            return []
        return [goal for goal in strategy.goals() if goal.getId() in (self.context.goals or ())]

    def history(self):
        return [
            {
                "status": self.t(STATUS_TITLES.get(entry["status"], entry["status"])),
                "date": entry["date"][:10],
            }
            for entry in self.context.status_history
        ]

    def budget(self):
        return [
            {
                "year": row["year"],
                "source": self.t(SOURCE_TITLES[row["source"]]),
                "programme": row["programme"],
                "amount": graph.pln(row["amount"]),
            }
            for row in self.context.budget_rows()
        ]

    def budget_total(self):
        return graph.pln(self.context.budget_total())

    def indicators(self):
        return self.context.indicator_rows()

    def _related(self, field):
        result = []
        for relation in getattr(self.context, field, None) or ():
            obj = relation.to_object if relation is not None and not relation.isBroken() else None
            if _visible(obj):
                result.append({"url": obj.absolute_url(), "title": obj.Title()})
        return result

    def services(self):
        return self._related("services")

    def units(self):
        return self._related("units")

    def complementary(self):
        return [
            {"url": other.absolute_url(), "title": other.Title(), "note": note}
            for other, _id, note in self.context.complementary_projects()
            if _visible(other)
        ]

    def dependent(self):
        return [
            {"url": brain.getURL(), "title": brain.Title}
            for brain in self.context.dependent_projects()
            if brain.UID != self.context.UID()
        ]


class GoalView(BrowserView):
    """A strategic goal and the projects that serve it."""

    def projects(self):
        strategy = strategy_of(self.context)
        if strategy is None:
            return []
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type="StrategyProject",
            path="/".join(strategy.getPhysicalPath()),
            strategy_goals=self.context.getId(),
            sort_on="sortable_title",
        )
        return [
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "status": translate(STATUS_TITLES.get(brain.strategy_status, ""), context=self.request),
            }
            for brain in brains
        ]

    def portfolio_url(self):
        strategy = strategy_of(self.context)
        return strategy.absolute_url() if strategy is not None else ""
