"""The Polish lemmatizer, the lexicon's query handling and the synonyms (no demo content needed)."""

from ezabrze.policy.search import lexicon
from ezabrze.policy.search import morphology
from ezabrze.policy.search import synonyms
from ezabrze.policy.search.morphology import fold
from ezabrze.policy.search.morphology import lemmas
from ezabrze.policy.search.morphology import respelled
from plone import api

import pytest


@pytest.mark.parametrize(
    "forms, lemma",
    [
        (("dowód", "dowodu", "dowody", "dowodów", "Dowodem"), "dowod"),
        (("podatek", "podatku", "podatki", "podatków"), "podatek"),
        (("odpady", "odpadów", "odpadami"), "odpad"),
        (("pies", "psa", "psy", "psów"), "pies"),
    ],
)
def test_forms_share_a_lemma(forms, lemma):
    for form in forms:
        assert lemma in lemmas(form), form


def test_unknown_words_and_numbers_are_their_own_lemma():
    assert lemmas("Zabrze") == ("zabrze",)
    assert lemmas("dowod") == ("dowod",)  # typed without Polish letters: folded like the lemma "dowód"
    assert lemmas("2026") == ("2026",)


@pytest.mark.parametrize(
    "typed, lemma",
    [
        ("odpadow", "odpad"),
        ("podatkow", "podatek"),
        ("zaswiadczen", "zaswiadczenie"),
        ("dzialalnosci", "dzialalnosc"),
        ("mezem", "maz"),
        ("zbiorki", "zbiorka"),  # a form of "zbiorek" as typed; the resident meant "zbiórki"
    ],
)
def test_words_typed_without_polish_letters_are_respelled(typed, lemma):
    assert lemma in respelled(typed)
    assert lemma not in lemmas(typed)


def test_words_with_polish_letters_and_non_words_are_not_respelled():
    assert respelled("odpadów") == ()
    assert respelled("ceidg") == ()
    assert respelled("2026") == ()
    assert respelled("xy") == ()


def spellings(word):
    return {spelling for level in morphology._spellings(word) for spelling in level}


def test_respelling_follows_polish_spelling():
    assert spellings("sznur") == set()  # sz stays sz, n before a vowel stays n ("ni" is written then)
    assert spellings("kosc") >= {"kość", "kośc", "kosć", "kóść"}
    assert "ąlej" not in spellings("alej")  # no Polish word starts with ą
    assert {"żona", "zoną"} <= spellings("zona") and "źona" not in spellings("zona")  # ź before a vowel is zi
    assert not any("ń" in spelling for spelling in spellings("konie"))
    assert "czyż" in spellings("czyz") and not any(s.startswith(("ć", "cż", "cź")) for s in spellings("czyz"))


def test_prefix_and_plain_query_words_carry_their_respelled_lemmas():
    element = lexicon.PolishLemmatizer()
    for typed in ("odpadow", "odpadow*"):
        _pattern, *alternatives = element.processGlob([typed])[0].split(lexicon.ALTERNATIVES)
        assert "odpad" in alternatives
    assert "odpad" in element.process(element.processGlob(["odpadow"]))
    # inside a quoted phrase words stay as typed
    assert element.processGlob(["odpadow", "komunalnych"]) == ["odpadow", "komunalnych"]


def test_agglutinated_endings_are_not_lemmas():
    assert "byc" not in lemmas("zrobiłem")


def test_fold():
    assert fold("Żółć") == "zolc"


def test_indexing_and_phrase_words_get_the_same_lemmas():
    element = lexicon.PolishLemmatizer()
    assert element.process(["Dowodu", "osobistego"]) == ["dowod", "osobisty"]
    assert element.process([b"podatku"]) == ["podatek"]


def test_prefix_query_carries_the_lemmas_of_a_known_word():
    element = lexicon.PolishLemmatizer()
    token = element.processGlob(["odpadów*"])[0]
    pattern, *alternatives = token.split(lexicon.ALTERNATIVES)
    assert pattern == "odpadow*" and "odpad" in alternatives
    # an unknown prefix (live search while typing) stays a plain prefix query
    assert element.processGlob(["podat*"]) == ["podat*"]


def test_phrase_words_get_no_synonyms(portal):
    element = lexicon.PolishLemmatizer()
    assert lexicon.ALTERNATIVES in element.processGlob(["śmieci"])[0]
    assert element.processGlob(["śmieci", "duże"]) == ["śmieci", "duże"]


def test_synonyms_match_any_form_of_the_word():
    lines = ["śmieci: odpady", "dowód: dowód osobisty"]
    assert "odpad" in synonyms.expand("śmieci", lines)
    assert "odpad" in synonyms.expand("smieci", lines)
    # a phrase that contains the word finds nothing more than the word: it adds nothing ("osobisty" alone would
    # find every card with "osobisty")
    assert synonyms.expand("dowodu", lines) == ()
    assert set(synonyms.expand("dokumentu", ["dokument: dowód osobisty, paszport"])) >= {"dowod", "osobisty", "paszport"}
    assert synonyms.expand("podatek", lines) == ()


@pytest.mark.parametrize("line", ["śmieci", ": odpady", "śmieci:", "dwa słowa: odpady", "12: odpady"])
def test_bad_synonym_lines_are_refused(line):
    with pytest.raises(synonyms.InvalidSynonymLine):
        synonyms.validate_lines([line])


def test_synonyms_edited_in_the_registry_work_at_once(portal):
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=portal, type="Document", id="kontenery", title="Kontenery na gruz")
    assert not catalog(SearchableText="odpady", id="kontenery")
    api.portal.set_registry_record("ezabrze.policy.search_synonyms", ["odpady: kontener"])
    assert [b.getId for b in catalog(SearchableText="odpadów", id="kontenery")] == ["kontenery"]


def two_documents_ids(catalog):
    """``ids(text)``: which of the documents "a" and "b" a full-text query finds, sorted."""
    return lambda text: sorted(b.getId for b in catalog(SearchableText=text, id=["a", "b"]))


def test_plone_query_syntax_keeps_working(portal):
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=portal, type="Document", id="a", title="Podatek od psa")
        api.content.create(container=portal, type="Document", id="b", title="Podatek od nieruchomości")

    ids = two_documents_ids(catalog)
    assert ids("podatki") == ["a", "b"]
    assert ids("podatku AND psów") == ["a"]
    assert ids("podatki AND NOT psy") == ["b"]
    assert ids("psy OR nieruchomościami") == ["a", "b"]
    assert ids('"podatku od nieruchomości"') == ["b"]
    assert ids("nieruch*") == ["b"]


def test_query_words_are_expanded_once_until_the_synonyms_change(monkeypatch):
    calls = []
    expand = lexicon._expand_query_word
    monkeypatch.setattr(lexicon, "_expand_query_word", lambda word, lines: calls.append(word) or expand(word, lines))
    before = ("śmieci: odpady",)
    first = lexicon.query_word("śmieciach*", before)
    assert "odpad" in first.split(lexicon.ALTERNATIVES)
    assert lexicon.query_word("śmieciach*", before) == first
    assert calls == ["śmieciach*"]  # the second query took the cached expansion
    after = ("śmieci: kontener",)  # an editor changed the synonyms (in this or another instance)
    changed = lexicon.query_word("śmieciach*", after).split(lexicon.ALTERNATIVES)
    assert "kontener" in changed and "odpad" not in changed
    assert calls == ["śmieciach*", "śmieciach*"]


def test_the_query_word_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(lexicon, "QUERY_WORD_CACHE_SIZE", 3)
    lines = ("taxi: taksówka",)
    for word in ("podatek", "podatku", "podatki", "podatkami", "taxi"):
        lexicon.query_word(word, lines)
    assert len(lexicon._query_words[1]) <= 3
    assert "taksowka" in lexicon.query_word("taxi", lines).split(lexicon.ALTERNATIVES)


def test_prepositions_and_conjunctions_are_not_prefixes():
    element = lexicon.PolishLemmatizer()
    # the search page adds * to every word: "o*" would merge the posting lists of every word starting with "o"
    assert element.processGlob(["o*"]) == ["o"]
    assert element.processGlob(["na*"]) == ["na"]
    assert element.processGlob(["i*"]) == ["i"]
    assert element.processGlob(["od*"]) == ["od"]  # a form of "oda" too: still the word itself ("oda", "od")
    assert morphology.is_function_word("za") and morphology.is_function_word("W")
    # longer words and other parts of speech stay prefixes
    assert not morphology.is_function_word("podatek") and not morphology.is_function_word("ul")
    assert not morphology.is_function_word("przez")
    assert element.processGlob(["ul*"])[0].startswith("ul*")


def test_a_preposition_in_a_search_page_query_is_matched_as_a_word(portal):
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=portal, type="Document", id="a", title="Zaświadczenie o niezaleganiu")
        api.content.create(container=portal, type="Document", id="b", title="Zaświadczenie osobiste")

    ids = two_documents_ids(catalog)
    assert ids("zaświadczenie* AND o*") == ["a"]  # "osobiste" starts with "o" but is not the word "o"
    assert ids("zaświadczeniu* AND o* AND niezaleganiu*") == ["a"]
