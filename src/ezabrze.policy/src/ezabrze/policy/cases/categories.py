"""Categories of reported problems ("Zgłoś problem"): one registry record holds each category's id, its Polish
label and the unit its cases go to (control panel "Sprawy", @@sprawy-ustawienia).

Residents choose by label; cases store the id, so renaming a label changes nothing stored. Lines look like
``id|Label|unit``.
"""

from ezabrze.policy import _
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility
from zope.interface import provider
from zope.schema import ValidationError
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

import re


RECORD = "ezabrze.policy.cases.problem_categories"
LINE = re.compile(r"^\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\|\s*(\S[^|]*?)\s*\|\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*$")


class InvalidProblemCategory(ValidationError):
    __doc__ = _(
        "Categories of reported problems: every line must look like id|Label|unit, "
        "e.g. oswietlenie|Oświetlenie ulic|miejski-zarzad-drog, each id once."
    )


def parse(lines):
    """[(id, label, unit)] of the lines; raises InvalidProblemCategory on a bad line or a repeated id."""
    result = []
    for line in lines or ():
        match = LINE.match(line or "")
        if match is None or match.group(1) in {entry[0] for entry in result}:
            raise InvalidProblemCategory(line)
        result.append(match.groups())
    return result


def validate_lines(lines):
    parse(lines)
    return True


def current():
    """The categories as stored (a line broken by other means than the control panel is skipped)."""
    registry = queryUtility(IRegistry)
    lines = (registry.get(RECORD) if registry is not None else None) or ()
    result = []
    for line in lines:
        try:
            result.extend(parse([line]))
        except InvalidProblemCategory:
            continue
    return result


def label(category_id):
    """The Polish label of a stored category id (the id itself when the category was removed since)."""
    for value, title, _unit in current():
        if value == category_id:
            return title
    return category_id or ""


def unit(category_id):
    for value, _title, unit_id in current():
        if value == category_id:
            return unit_id
    return None


@provider(IVocabularyFactory)
def problem_categories(context):
    return SimpleVocabulary([SimpleTerm(value, token=value, title=title) for value, title, _unit in current()])
