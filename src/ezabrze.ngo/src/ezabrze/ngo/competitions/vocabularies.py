from ezabrze.ngo import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# Section VII of the official template: the applicant's statements (all required at submission).
STATEMENTS = (
    ("non_profit", _("The proposed task is carried out exclusively within the non-profit activity of the "
                     "applicant(s).")),
    ("no_arrears", _("The applicant(s) are not in arrears with public dues or social security contributions.")),
    ("data_true", _("The data in this offer are consistent with the relevant register.")),
    ("personal_data", _("The personal data in this offer are processed lawfully (RODO).")),
)
OFFER_KIND_TITLES = {"support": _("Supporting the task"), "entrust": _("Entrusting the task")}


@provider(IVocabularyFactory)
def statements(context):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in STATEMENTS])
