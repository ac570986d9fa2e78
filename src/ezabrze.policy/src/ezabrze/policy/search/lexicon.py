"""The Polish lexicon of the catalog's full-text indexes (SearchableText, Title, Description).

Pipeline: Plone's "Unicode Whitespace splitter", then ``PolishLemmatizer``, which replaces Plone's "Unicode
Ignoring Accents Case Normalizer": every word becomes its lemmas, lowercase and without diacritics. The same
pipeline runs when indexing and when querying, so "podatku", "podatki" and "podatek" all meet at "podatek", and
"dowod" (typed without Polish letters) still meets "dowód".

Plone's query syntax keeps working (AND, OR, NOT, "phrases", prefix*): ZCTextIndex's query parser asks the
lexicon for the terms of each query atom (``parseTerms`` -> ``processGlob``). A single query word may carry
alternatives there, separated by ``ALTERNATIVES``:
* a prefix query "odpadów*" (Plone adds the * to every word typed in the search box) matches the words that
  start with the prefix, as before, and also the lemmas of the word when the dictionary knows it;
* a word typed without Polish letters ("odpadow") matches the lemmas of its Polish spellings too
  (``morphology.respelled``: "odpadów" -> odpad);
* a word with synonyms (control panel) matches the lemmas of its synonyms too;
* a preposition or conjunction of up to three letters ("o*", "na*", "od*") is the word itself, not a prefix.
A query word's expansion is computed once per process and set of synonyms (``query_word``).
ZCTextIndex ORs the word ids of one query word, so the alternatives widen the word, never the whole query.
Inside a "quoted phrase" words get no alternatives: a phrase matches the exact sequence of indexed word ids.
"""

from ezabrze.policy.search import synonyms
from ezabrze.policy.search.morphology import fold
from ezabrze.policy.search.morphology import is_function_word
from ezabrze.policy.search.morphology import is_known
from ezabrze.policy.search.morphology import lemmas
from ezabrze.policy.search.morphology import respelled
from Products.ZCTextIndex.PipelineFactory import element_factory
from Products.ZCTextIndex.ZCTextIndex import PLexicon


ALTERNATIVES = "\x00"
ELEMENT_GROUP = "Case Normalizer"
ELEMENT_NAME = "Polish lemmatizer (Morfeusz 2)"


def _text(word):
    if isinstance(word, bytes):
        return word.decode("utf-8", "replace")
    return word


def _add(found, words):
    for word in words:
        if word and word not in found:
            found.append(word)
    return found


class PolishLemmatizer:
    """Lowercase lemmas without diacritics, for indexing (``process``) and for queries (``processGlob``)."""

    def process(self, lst):
        result = []
        for word in map(_text, lst):
            if ALTERNATIVES in word:
                # a query word prepared by processGlob: its own lemmas and the lemmas of its synonyms
                head, *alternatives = word.split(ALTERNATIVES)
                result.extend(_add(list(lemmas(head)) if head else [], alternatives))
            elif word:
                result.extend(lemmas(word))
        return result

    def processGlob(self, lst):
        words = [_text(word) for word in lst if word]
        # Respellings and synonyms widen one-word query atoms only: inside a "quoted phrase" every word must stay
        # itself (a two-word query typed without quotes is two atoms).
        if len(words) != 1:
            return [fold(word) if "*" in word or "?" in word else word for word in words]
        return [query_word(words[0], synonyms.current_lines())]


# Query words already expanded, for the synonyms they were expanded with: a word is looked up in the dictionary
# and the synonyms once per process, not on every query. Bounded; a new cache when the synonyms change (each
# process compares the lines it read from the registry, so a change made through another instance counts too).
QUERY_WORD_CACHE_SIZE = 20_000
_query_words = ((), {})  # (synonym lines, {query word: expanded}), replaced as a whole


def query_word(word, lines=()):
    """A one-word query atom with its alternatives (see the module's docstring), ``ALTERNATIVES``-separated."""
    global _query_words
    cache = _query_words
    if cache[0] != lines:
        cache = _query_words = (lines, {})
    expanded = cache[1].get(word)
    if expanded is None:
        expanded = _expand_query_word(word, lines)
        if len(cache[1]) >= QUERY_WORD_CACHE_SIZE:
            cache[1].clear()
        cache[1][word] = expanded
    return expanded


def _expand_query_word(word, lines):
    if word.endswith("*") and is_function_word(word[:-1]):
        # "o*", "na*", "za*": Plone adds * to every word of the search box, and the prefix of a preposition
        # matches hundreds of words (every one starting with "o") whose posting lists the query would merge,
        # the slowest part of queries like "zaświadczenie o niezaleganiu". The word itself is what was meant.
        return fold(word[:-1])
    if "*" in word or "?" in word:
        stem = word.rstrip("*")
        alternatives = []
        if stem and "*" not in stem and "?" not in stem:
            if is_known(stem):
                alternatives = list(lemmas(stem))
            _add(alternatives, respelled(stem))
            _add(alternatives, synonyms.expand(stem, lines))
        pattern = fold(word)
        return ALTERNATIVES.join([pattern, *alternatives]) if alternatives else pattern
    extra = _add(list(respelled(word)), synonyms.expand(word, lines))
    return ALTERNATIVES.join([word, *extra]) if extra else word


try:
    # under this name the catalog's export (GenericSetup) finds the element
    element_factory.registerFactory(ELEMENT_GROUP, ELEMENT_NAME, PolishLemmatizer)
except ValueError:  # already registered (module reloaded)
    pass


class PolishLexicon(PLexicon):
    """Plone's lexicon whose prefix queries also match the lemmas and synonyms carried by the query word."""

    def globToWordIds(self, pattern):
        if ALTERNATIVES not in pattern:
            return super().globToWordIds(pattern)
        pattern, *alternatives = pattern.split(ALTERNATIVES)
        wids = list(super().globToWordIds(pattern))
        for word in alternatives:
            wid = self._wids.get(word, 0)
            if wid and wid not in wids:
                wids.append(wid)
        return wids


def pipeline():
    """The elements of the Polish lexicon, in order (new instances)."""
    from Products.CMFPlone.UnicodeSplitter.splitter import Splitter

    return (Splitter(), PolishLemmatizer())
