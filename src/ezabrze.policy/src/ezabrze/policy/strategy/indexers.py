"""Catalog indexes of the strategy portfolio (prefix ``strategy_``)."""

from ezabrze.policy.strategy.content import IStrategyProject
from plone.indexer import indexer


@indexer(IStrategyProject)
def strategy_goals(obj):
    return list(obj.goals or ())


@indexer(IStrategyProject)
def strategy_status(obj):
    return obj.project_status


@indexer(IStrategyProject)
def strategy_health(obj):
    return obj.health


@indexer(IStrategyProject)
def strategy_sources(obj):
    try:
        return sorted({row["source"] for row in obj.budget_rows()})
    except Exception:  # a row stored before validation existed: the project is simply not found by source
        return []


@indexer(IStrategyProject)
def strategy_partners(obj):
    return list(obj.partners or ())


@indexer(IStrategyProject)
def strategy_complements(obj):
    try:
        return [row["project"] for row in obj.complementarity_rows()]
    except Exception:
        return []
