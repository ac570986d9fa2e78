from ezabrze.ngo.organizations.content import IOrganization
from ezabrze.ngo.organizations.vocabularies import AREAS
from plone.indexer import indexer
from zope.i18n import translate


AREA_TITLES = dict(AREAS)


@indexer(IOrganization)
def ngo_area(obj):
    return tuple(obj.areas or ())


@indexer(IOrganization)
def ngo_identifier(obj):
    return obj.identifier() or None


@indexer(IOrganization)
def searchable_text(obj):
    """Name, description, identifiers, city and areas: nothing about the representatives."""
    parts = [
        obj.title or "",
        obj.description or "",
        obj.krs or "",
        obj.nip or "",
        obj.regon or "",
        obj.register_name or "",
        obj.register_number or "",
        obj.city or "",
    ]
    parts += [translate(AREA_TITLES[a], target_language="pl") for a in obj.areas or () if a in AREA_TITLES]
    return " ".join(p for p in parts if p)
