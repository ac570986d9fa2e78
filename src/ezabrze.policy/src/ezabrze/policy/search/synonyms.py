"""Synonyms of query words, kept by editors in the registry (control panel "Synonimy wyszukiwania").

One line per word: ``word: synonym, synonym``, e.g. ``śmieci: odpady``, ``dowód: dowód osobisty``. A query word
matches a line when it is the line's word in any form ("śmieciach", "smieci", "slubu") and then also finds the
lemmas of every word of the synonyms. Only queries are widened, so a changed line works at once, without a reindex.
A synonym phrase that contains the word itself ("dowód: dowód osobisty") adds nothing: it finds no more than the
word does.
"""

from ezabrze.policy import _
from ezabrze.policy.search import SYNONYMS_RECORD
from ezabrze.policy.search.morphology import fold
from ezabrze.policy.search.morphology import is_known
from ezabrze.policy.search.morphology import lemmas
from ezabrze.policy.search.morphology import respelled
from functools import lru_cache
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility
from zope.schema import ValidationError

import re


DEFAULT_SYNONYMS = [
    "śmieci: odpady",
    "meldunek: zameldowanie",
    "dowód: dowód osobisty",
    "ślub: małżeństwo",
    "firma: działalność gospodarcza",
    "becikowe: zapomoga",
    "taxi: taksówka",
]

LINE = re.compile(r"^\s*([^\W\d_][\w-]*)\s*:\s*(.*\w.*)$")
WORD = re.compile(r"[^\W_]+")


class InvalidSynonymLine(ValidationError):
    __doc__ = _("Synonyms: every line must look like word: synonym, synonym (e.g. śmieci: odpady).")


def parse_line(line):
    """(word, [synonym words]) of one line; raises InvalidSynonymLine."""
    match = LINE.match(line or "")
    if match is None:
        raise InvalidSynonymLine(line)
    return match.group(1).lower(), WORD.findall(match.group(2).lower())


def validate_lines(lines):
    """Constraint of the control panel's field: the whole list, so the form shows the Polish message."""
    for line in lines or ():
        parse_line(line)
    return True


def _phrases(line):
    """The synonyms of a valid line, each a list of its words ("dowód osobisty" -> ["dowód", "osobisty"])."""
    return [WORD.findall(phrase.lower()) for phrase in LINE.match(line).group(2).split(",") if WORD.search(phrase)]


@lru_cache(maxsize=8)
def _table(lines):
    """Folded form or lemma of a line's word -> folded lemmas of its synonyms."""
    table = {}
    for line in lines:
        try:
            word, targets = parse_line(line)
        except InvalidSynonymLine:
            continue  # the control panel refuses such lines; one stored by other means is ignored
        keys = {fold(word)} | (set(lemmas(word)) if is_known(word) else set())
        expansion = []
        for phrase in _phrases(line):
            found = [set(lemmas(target)) for target in phrase]
            if len(phrase) > 1 and any(lemma_set & keys for lemma_set in found):
                # "dowód: dowód osobisty": the phrase finds nothing the word itself does not; its other words
                # would only add every text with "osobisty" (and slow the query down with their postings)
                continue
            for target in phrase:
                expansion.extend(lemma for lemma in lemmas(target) if lemma not in expansion)
        for key in keys:
            known = table.setdefault(key, [])
            known.extend(lemma for lemma in expansion if lemma not in known)
    return {key: tuple(value) for key, value in table.items()}


def current_lines():
    registry = queryUtility(IRegistry)
    if registry is None:
        return ()
    return tuple(registry.get(SYNONYMS_RECORD) or ())


def expand(word, lines=None):
    """Folded lemmas that a query word also finds (empty when it has no synonyms)."""
    table = _table(current_lines() if lines is None else tuple(lines))
    if not table or not word:
        return ()
    keys = [fold(word)]
    if is_known(word):
        keys.extend(lemmas(word))
    keys.extend(respelled(word))  # "slubu" is "ślubu"
    found = []
    for key in keys:
        found.extend(lemma for lemma in table.get(key, ()) if lemma not in found)
    return tuple(found)
