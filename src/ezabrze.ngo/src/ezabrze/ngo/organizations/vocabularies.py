"""Vocabularies of the registry: legal forms and the areas of public-benefit activity (art. 4 ust. 1 of the act
on public-benefit activity and volunteering)."""

from ezabrze.ngo import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


LEGAL_FORMS = (
    ("association", _("Association")),
    ("ordinary_association", _("Ordinary association")),
    ("foundation", _("Foundation")),
    ("church_entity", _("Church legal person or organisational unit")),
    ("social_cooperative", _("Social cooperative")),
    ("sports_club", _("Sports club")),
    ("nonprofit_company", _("Non-profit company")),
    ("other", _("Other")),
)

# Art. 4 ust. 1 pkt 1-33 of the act (the tasks in the sphere of public benefit), shortened titles.
AREAS = (
    ("social_assistance", _("Social assistance and family support")),
    ("family_support", _("Support of the family and foster care")),
    ("social_integration", _("Social and vocational integration of people at risk of exclusion")),
    ("charity", _("Charity")),
    ("national_tradition", _("National tradition, Polish identity, civic and cultural awareness")),
    ("minorities", _("National and ethnic minorities and regional language")),
    ("health", _("Health protection and promotion")),
    ("disability", _("Activities for people with disabilities")),
    ("employment", _("Employment and vocational activation")),
    ("equal_rights", _("Equal rights of women and men")),
    ("seniors", _("Activities for older people")),
    ("economy", _("Economic development and entrepreneurship")),
    ("technology", _("Technical progress, inventions and innovation")),
    ("local_communities", _("Development of local communities")),
    ("education", _("Science, higher education, education and upbringing")),
    ("leisure", _("Leisure of children and young people")),
    ("culture", _("Culture, art and protection of cultural heritage")),
    ("sport", _("Physical culture and sport")),
    ("ecology", _("Ecology, animal protection and natural heritage")),
    ("tourism", _("Tourism and sightseeing")),
    ("public_order", _("Public order and safety")),
    ("defence", _("National defence and the armed forces")),
    ("human_rights", _("Freedom, human rights and democracy")),
    ("rescue", _("Rescue and civil protection")),
    ("disasters", _("Help for victims of disasters, wars and conflicts")),
    ("consumers", _("Protection of consumer rights")),
    ("european_integration", _("European integration and international cooperation")),
    ("volunteering", _("Promotion and organisation of volunteering")),
    ("veterans", _("Help for veterans and victims of repression")),
    ("road_safety", _("Road safety")),
    ("ngo_support", _("Support of non-governmental organisations")),
    ("addictions", _("Prevention and treatment of addictions and social pathologies")),
    ("children_rights", _("Protection of children's rights")),
)


def _vocabulary(items):
    return SimpleVocabulary([SimpleTerm(value=value, token=value, title=title) for value, title in items])


@provider(IVocabularyFactory)
def legal_forms(context):
    return _vocabulary(LEGAL_FORMS)


@provider(IVocabularyFactory)
def areas(context):
    return _vocabulary(AREAS)


AREA_IDS = frozenset(value for value, _title in AREAS)
LEGAL_FORM_IDS = frozenset(value for value, _title in LEGAL_FORMS)
