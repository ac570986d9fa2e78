from ezabrze.policy.cases.interfaces import ICase
from plone.indexer import indexer


@indexer(ICase)
def case_sign(obj):
    return obj.sign


@indexer(ICase)
def case_unit(obj):
    return obj.unit_id or None


@indexer(ICase)
def case_due(obj):
    return obj.due_date


@indexer(ICase)
def case_form(obj):
    return obj.form_title


@indexer(ICase)
def case_category(obj):
    return obj.category


@indexer(ICase)
def SearchableText(obj):
    # Personal data stay out of the full-text index, even when the whole catalog is rebuilt
    # (an indexer raising AttributeError makes the index skip the object). See content.Case.indexObject.
    raise AttributeError("cases are not full-text indexed")
