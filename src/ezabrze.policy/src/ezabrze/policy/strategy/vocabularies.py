"""Vocabularies of the strategy portfolio: status, health, funding source and the goals of a project's strategy."""

from Acquisition import aq_inner
from ezabrze.policy import _
from zope.interface import provider
from zope.schema.interfaces import IContextSourceBinder
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


STATUS_TITLES = {
    "planned": _("Planned"),
    "prepared": _("Prepared"),
    "in_progress": _("In progress"),
    "done": _("Done"),
    "abandoned": _("Abandoned"),
}
HEALTH_TITLES = {
    "on_track": _("On track"),
    "at_risk": _("At risk"),
    "blocked": _("Blocked"),
}
SOURCE_TITLES = {
    "eu": _("EU funds"),
    "city": _("City budget"),
    "other": _("Other"),
}


def _vocabulary(titles):
    return SimpleVocabulary([SimpleTerm(value, token=value, title=title) for value, title in titles.items()])


@provider(IVocabularyFactory)
def statuses(context=None):
    return _vocabulary(STATUS_TITLES)


@provider(IVocabularyFactory)
def health(context=None):
    return _vocabulary(HEALTH_TITLES)


@provider(IVocabularyFactory)
def sources(context=None):
    return _vocabulary(SOURCE_TITLES)


def strategy_of(context):
    """The Strategy that contains `context` (or is it), else None."""
    from ezabrze.policy.strategy.content import IStrategy

    for item in getattr(aq_inner(context), "aq_chain", ()):
        if IStrategy.providedBy(item):
            return item
    return None


@provider(IContextSourceBinder)
def goals_of_strategy(context):
    """The goals (by id) of the strategy the project belongs to: a project may serve several of them."""
    strategy = strategy_of(context)
    terms = []
    if strategy is not None:
        for goal in strategy.goals():
            terms.append(SimpleTerm(goal.getId(), token=goal.getId(), title=goal.Title()))
    return SimpleVocabulary(terms)


@provider(IVocabularyFactory)
def years(context=None):
    """The years of a project's budget and indicators (a list to choose from: a number field would show 2 019)."""
    from ezabrze.policy.strategy.content import YEAR_RANGE

    return SimpleVocabulary(
        [SimpleTerm(year, token=str(year), title=str(year)) for year in range(YEAR_RANGE[0], YEAR_RANGE[1] + 1)]
    )
