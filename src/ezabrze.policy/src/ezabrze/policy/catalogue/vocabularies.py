"""Vocabularies of the service catalogue.

The fixed ones have English msgids translated to Polish (locales/pl); the life event categories come from
the registry record ``ezabrze.policy.life_event_categories`` that administrators edit in the control panel
"Kategorie zdarzeń życiowych".
"""

from ezabrze.policy import _
from plone import api
from plone.app.vocabularies.catalog import StaticCatalogVocabulary
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


CATEGORIES_RECORD = "ezabrze.policy.life_event_categories"

UNIT_KINDS = (
    ("department", _("Department of the City Hall")),
    ("office", _("Office")),
    ("education", _("School, kindergarten or educational institution")),
    ("social", _("Social welfare")),
    ("culture", _("Culture, library or museum")),
    ("sport", _("Sport and recreation")),
    ("city_guard", _("City Guard")),
    ("utility", _("Municipal management or utility company")),
    ("health", _("Health care")),
    ("other", _("Other")),
)

AUDIENCES = (
    ("residents", _("Residents")),
    ("businesses", _("Businesses")),
    ("ngos", _("Non-governmental organisations")),
)

SUBMISSION_CHANNELS = (
    ("in_person", _("In person")),
    ("post", _("By post")),
    ("online", _("Online (SEKAP / ePUAP)")),
)


def _simple(items):
    return SimpleVocabulary([SimpleTerm(value, token=value, title=title) for value, title in items])


@provider(IVocabularyFactory)
def unit_kinds(context):
    return _simple(UNIT_KINDS)


@provider(IVocabularyFactory)
def audiences(context):
    return _simple(AUDIENCES)


@provider(IVocabularyFactory)
def submission_channels(context):
    return _simple(SUBMISSION_CHANNELS)


def parse_categories(lines):
    """Yield (slug, label) from "slug|Label" lines; malformed lines and repeated slugs are skipped."""
    seen = set()
    for line in lines or ():
        slug, sep, label = (line or "").partition("|")
        slug, label = slug.strip(), label.strip()
        if not sep or not slug or not label or slug in seen:
            continue
        seen.add(slug)
        yield slug, label


def life_event_categories_items():
    return list(parse_categories(api.portal.get_registry_record(CATEGORIES_RECORD, default=[])))


@provider(IVocabularyFactory)
def life_event_categories(context):
    return _simple(life_event_categories_items())


# Targets of the relation fields. A new StaticCatalogVocabulary per call: an instance kept at module level
# would memoize the catalog of the first ZODB connection that used it.


@provider(IVocabularyFactory)
def organizational_units(context):
    return StaticCatalogVocabulary(
        {"portal_type": ["OrganizationalUnit"], "sort_on": "sortable_title"}, title_template="{brain.Title}"
    )


@provider(IVocabularyFactory)
def services(context):
    return StaticCatalogVocabulary(
        {"portal_type": ["Service"], "sort_on": "sortable_title"}, title_template="{brain.Title}"
    )
