"""What install and the upgrade create: the Polish lexicon, and full-text indexes rebuilt with it."""

from Acquisition import aq_base
from ezabrze.policy.search import LEXICON_ID
from ezabrze.policy.search.lexicon import pipeline
from ezabrze.policy.search.lexicon import PolishLemmatizer
from ezabrze.policy.search.lexicon import PolishLexicon
from plone import api

import logging


logger = logging.getLogger("ezabrze.policy.search")


def has_polish_lexicon(catalog):
    lexicon = aq_base(catalog._getOb(LEXICON_ID, None))
    return isinstance(lexicon, PolishLexicon) and any(
        isinstance(element, PolishLemmatizer) for element in lexicon._pipeline
    )


def full_text_indexes(catalog):
    """The catalog's ZCTextIndexes that use the lexicon (Plone: SearchableText, Title, Description)."""
    indexes = [catalog._catalog.getIndex(name) for name in catalog.indexes()]  # wrapped: they find the lexicon
    return [
        index
        for index in indexes
        if index.meta_type == "ZCTextIndex" and getattr(aq_base(index), "lexicon_id", None) == LEXICON_ID
    ]


def reindex_text(catalog=None):
    """Rebuild the full-text indexes with the lexicon now in place; returns the number of objects put back.

    Exactly the objects that were in an index are put back into it: whatever a feature keeps out of the
    full-text indexes (cases, see cases/content.py) stays out. Call it after a change of what the lexicon
    makes of a text (a site whose indexes were built by another version of the lemmatizer).
    """
    catalog = catalog if catalog is not None else api.portal.get_tool("portal_catalog")
    indexes = full_text_indexes(catalog)
    members = {index.getId(): set(index.index._docwords.keys()) for index in indexes}
    for index in indexes:
        index.clear()
    by_rid = {}
    for name, rids in members.items():
        for rid in rids:
            by_rid.setdefault(rid, []).append(name)
    count = 0
    for rid, names in by_rid.items():
        path = catalog.getpath(rid)
        obj = catalog.unrestrictedTraverse(path, None)
        if obj is None:
            continue
        catalog.catalog_object(obj, path, idxs=sorted(names), update_metadata=False)
        count += 1
    logger.info("%d items reindexed in %s", count, sorted(members))
    return count


def install_polish_lexicon():
    """Replace the lexicon by the Polish one and rebuild the indexes using it (nothing done when in place)."""
    catalog = api.portal.get_tool("portal_catalog")
    if has_polish_lexicon(catalog):
        return 0
    if catalog._getOb(LEXICON_ID, None) is not None:
        catalog._delObject(LEXICON_ID)
    catalog._setObject(LEXICON_ID, PolishLexicon(LEXICON_ID, "Polish lexicon (Morfeusz 2)", *pipeline()))
    count = reindex_text(catalog)
    logger.info("Polish lexicon in place")
    return count
