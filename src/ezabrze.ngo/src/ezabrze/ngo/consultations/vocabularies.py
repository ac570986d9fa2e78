from ezabrze.ngo import _
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


PARTICIPATION = (
    ("ngo", _("Verified non-governmental organisations")),
    ("ngo_residents", _("Verified organisations and logged-in residents")),
)
FORMS = (
    ("online", _("Remarks online")),
    ("meeting", _("Open meeting")),
    ("written", _("Written opinions")),
)
VERDICTS = (
    ("accepted", _("Accepted")),
    ("partly", _("Partly accepted")),
    ("rejected", _("Rejected")),
    ("not_applicable", _("Not applicable")),
)
REPORT_REASONS = (
    ("spam", _("Spam")),
    ("offensive", _("Offensive")),
    ("off_topic", _("Off topic")),
)
STATES = (
    ("draft", _("Draft")),
    ("scheduled", _("Scheduled")),
    ("open", _("Open")),
    ("closed", _("Closed")),
    ("report_published", _("Report published")),
)


def _vocabulary(items):
    return SimpleVocabulary([SimpleTerm(value=value, token=value, title=title) for value, title in items])


@provider(IVocabularyFactory)
def participation(context):
    return _vocabulary(PARTICIPATION)


@provider(IVocabularyFactory)
def forms(context):
    return _vocabulary(FORMS)


@provider(IVocabularyFactory)
def verdicts(context):
    return _vocabulary(VERDICTS)


@provider(IVocabularyFactory)
def units(context):
    """ezabrze.policy's organisational units by id (the id names their group unit-<id>)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="OrganizationalUnit", sort_on="sortable_title")
    return SimpleVocabulary(
        [SimpleTerm(value=b.getId, token=b.getId, title=b.Title) for b in brains]
    )
