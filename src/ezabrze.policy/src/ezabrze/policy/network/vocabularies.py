"""Vocabularies of the network registry: node types, media, statuses, segment kinds, districts."""

from ezabrze.policy import _
from ezabrze.policy.councils import DISTRICTS
from ezabrze.policy.network import PUBLIC_NODE_TYPES
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


NODE_TYPE_TITLES = {
    "kiosk": _("Infokiosk"),
    "camera": _("CCTV camera"),
    "hotspot": _("Hotspot"),
    "access_point": _("WiMax access point"),
    "site": _("Connected site"),
}
MEDIUM_TITLES = {"fibre": _("Fibre"), "wimax": _("WiMax")}
NODE_STATUS_TITLES = {
    "working": _("Working"),
    "fault": _("Fault"),
    "maintenance": _("Maintenance"),
    "planned": _("Planned"),
}
SEGMENT_KIND_TITLES = {"backbone": _("Backbone"), "distribution": _("Distribution")}


def _vocabulary(titles):
    return SimpleVocabulary([SimpleTerm(value, token=value, title=title) for value, title in titles.items()])


@provider(IVocabularyFactory)
def node_types(context=None):
    return _vocabulary(NODE_TYPE_TITLES)


@provider(IVocabularyFactory)
def public_node_types(context=None):
    """The kinds of nodes that may ever be public (connected sites never are)."""
    return _vocabulary({key: title for key, title in NODE_TYPE_TITLES.items() if key in PUBLIC_NODE_TYPES})


@provider(IVocabularyFactory)
def media(context=None):
    return _vocabulary(MEDIUM_TITLES)


@provider(IVocabularyFactory)
def node_statuses(context=None):
    return _vocabulary(NODE_STATUS_TITLES)


@provider(IVocabularyFactory)
def segment_kinds(context=None):
    return _vocabulary(SEGMENT_KIND_TITLES)


@provider(IVocabularyFactory)
def districts(context=None):
    return SimpleVocabulary([SimpleTerm(id_, token=id_, title=name) for id_, name, _seat in DISTRICTS])


def district_title(value):
    return {id_: name for id_, name, _seat in DISTRICTS}.get(value, value or "")
