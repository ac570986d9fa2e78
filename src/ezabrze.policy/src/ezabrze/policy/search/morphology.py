"""Base forms (lemmas) of Polish words from Morfeusz 2 (the SGJP dictionary shipped inside the morfeusz2 wheel).

Morfeusz lists every reading of a word ("prawa" -> prawo, prawy, prawa); all of them are kept, so a form
and its base form always share at least one lemma. Unknown words (names, typos) are their own lemma.

Words typed without Polish letters ("odpadow", "zaswiadczen") are unknown to the dictionary: ``respelled``
puts the Polish letters back (ą ć ę ł ń ó ś ź ż where Polish spelling allows them), trying the spellings with
the fewest Polish letters first, and returns the lemmas of the spellings the dictionary knows ("odpadów" ->
odpad). Only queries are respelled (see lexicon.py); indexed text keeps its own spelling.
"""

from functools import lru_cache
from itertools import combinations
from itertools import product
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


@lru_cache(maxsize=100_000)
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


# Prepositions, conjunctions and complementizers (Morfeusz's tag classes): words that carry no content of their own.
FUNCTION_TAGS = frozenset(("prep", "conj", "comp"))


@lru_cache(maxsize=2_000)
def is_function_word(word):
    """True for a word of at most three letters that the dictionary knows as a preposition or conjunction
    ("o", "na", "za", "od", "do", "i", "lub"), whatever else it may be too ("od" is also a form of "oda")."""
    word = word.lower()
    if not word or len(word) > 3 or not word.isalpha():
        return False
    return any(
        start == 0 and tag.split(":", 1)[0] in FUNCTION_TAGS for start, _e, (_f, _l, tag, _n, _q) in _analyse(word)
    )


# Respelling: which Polish letters a plain letter may stand for, where Polish spelling allows them.
VOWELS = frozenset("aeiouy")
# ć ń ś ź are written ci ni si zi before a vowel: only before a consonant or at the end of a word
SOFT = {"c": "ć", "n": "ń", "s": "ś", "z": "ź"}
# ... and never as the first letter of the digraphs ch, cz, sz, nor z as the second letter of cz, sz
NOT_SOFT_BEFORE = {"c": frozenset("hz"), "s": frozenset("z")}
# at most this many Polish letters put back, and this many spellings tried, per word
MAX_RESPELLED_LETTERS = 4
MAX_SPELLINGS = 3000


def _options(word):
    """(position, Polish letters) where the plain letter at position may stand for a Polish one."""
    options = []
    for position, letter in enumerate(word):
        before = word[position - 1] if position else ""
        after = word[position + 1] if position + 1 < len(word) else ""
        letters = []
        if letter in "ae" and position:  # no Polish word starts with ą or ę
            letters.append("ą" if letter == "a" else "ę")
        elif letter == "l":
            letters.append("ł")
        elif letter == "o":
            letters.append("ó")
        elif letter == "z" and before not in ("c", "s"):
            letters.append("ż")
        if (
            letter in SOFT
            and after not in VOWELS
            and after not in NOT_SOFT_BEFORE.get(letter, ())
            and not (letter == "z" and before in ("c", "s"))
        ):
            letters.append(SOFT[letter])
        if letters:
            options.append((position, tuple(letters)))
    return options


def _spellings(word):
    """Spellings of a plain word with 1, 2, ... Polish letters put back: one list per number of letters."""
    options = _options(word)
    budget = MAX_SPELLINGS
    for count in range(1, min(MAX_RESPELLED_LETTERS, len(options)) + 1):
        level = []
        for chosen in combinations(options, count):
            for letters in product(*(choice for _position, choice in chosen)):
                spelled = list(word)
                for (position, _choice), letter in zip(chosen, letters, strict=True):
                    spelled[position] = letter
                level.append("".join(spelled))
                budget -= 1
                if budget <= 0:
                    yield level
                    return
        yield level


@lru_cache(maxsize=20_000)
def respelled(word):
    """Folded lemmas of the Polish spellings of a word typed without Polish letters; () when it needs none.

    The spellings with the fewest Polish letters that the dictionary knows win ("odpadow" -> "odpadów" ->
    odpad). A word the dictionary knows as typed is respelled too: "zbiorki" is a form of "zbiorek", but the
    resident meant "zbiórki" (zbiórka). Words with Polish letters and non-words are left alone.
    """
    word = word.lower()
    if not (3 <= len(word) <= MAX_WORD_LENGTH) or not word.isascii() or not word.isalpha():
        return ()
    for level in _spellings(word):
        found = []
        for spelling in level:
            if is_known(spelling):
                found.extend(lemma for lemma in lemmas(spelling) if lemma not in found)
        if found:
            return tuple(found)
    return ()
