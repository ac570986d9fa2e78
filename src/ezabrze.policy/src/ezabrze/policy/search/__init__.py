"""Polish full-text search: words reduced to their base forms (Morfeusz 2) when indexing and when querying.

The site's ZCTextIndex lexicon (``plone_lexicon``, used by SearchableText, Title and Description) is replaced by
``lexicon.PolishLexicon``: Plone's splitter, then the Polish lemmatizer (which also lowercases and folds
diacritics, as Plone's normalizer did). Synonyms that editors keep in the control panel "Synonimy wyszukiwania"
widen query words only (never the indexed text), so editing them needs no reindex.
"""

LEXICON_ID = "plone_lexicon"
# Registry records (prefix ezabrze.policy): search_synonyms
SYNONYMS_RECORD = "ezabrze.policy.search_synonyms"
CONTROLPANEL_VIEW = "synonimy-wyszukiwania"
