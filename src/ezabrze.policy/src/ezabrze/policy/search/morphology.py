"""Base forms (lemmas) of Polish words from Morfeusz 2 (the SGJP dictionary shipped inside the morfeusz2 wheel).

Morfeusz lists every reading of a word ("prawa" -> prawo, prawy, prawa); all of them are kept, so a form
and its base form always share at least one lemma. Unknown words (names, typos, words typed without Polish
letters) are their own lemma.
"""

from functools import lru_cache
from plone.i18n.normalizer.base import baseNormalize

import threading


_lock = threading.Lock()
_analyser = None

# Longer "words" are codes, hashes or URLs: no dictionary knows them.
MAX_WORD_LENGTH = 40


def _morfeusz():
    global _analyser
    if _analyser is None:
        import morfeusz2

        _analyser = morfeusz2.Morfeusz(generate=False)
    return _analyser


def fold(word):
    """Lowercase without diacritics, as Plone's "Unicode Ignoring Accents Case Normalizer" does for Latin text."""
    word = word.lower()
    if word and 0x41 <= ord(word[0]) <= 0x24F:
        word = baseNormalize(word).lower()
    return word


def _analyse(word):
    with _lock:
        return _morfeusz().analyse(word)


@lru_cache(maxsize=200_000)
def lemmas(word):
    """Folded lemmas of one word, in a stable order (first the most likely, i.e. Morfeusz's first reading)."""
    word = word.lower()
    if not word or len(word) > MAX_WORD_LENGTH or not any(ch.isalpha() for ch in word):
        return (fold(word),)
    found = []
    for start, _end, (_form, lemma, tag, _names, _qualifiers) in _analyse(word):
        # only readings of the word itself, not of an agglutinated ending ("zrobiłem" = zrobił + em)
        if start != 0 or tag.startswith("aglt"):
            continue
        lemma = fold(lemma.split(":", 1)[0])
        if lemma and lemma not in found:
            found.append(lemma)
    return tuple(found) or (fold(word),)


@lru_cache(maxsize=20_000)
def is_known(word):
    """True when the dictionary knows the word (so its lemmas mean something)."""
    word = word.lower()
    if not word or len(word) > MAX_WORD_LENGTH or not word.isalpha():
        return False
    return any(tag != "ign" for _s, _e, (_f, _l, tag, _n, _q) in _analyse(word))
