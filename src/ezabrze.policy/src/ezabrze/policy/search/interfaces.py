from ezabrze.policy import _
from ezabrze.policy.search import synonyms
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from plone.autoform import directives
from plone.supermodel import model
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema


class ISearchSettings(model.Schema):
    """Registry records of the site search (prefix ``ezabrze.policy``)."""

    search_synonyms = schema.List(
        title=_("Search synonyms"),
        description=_(
            "One word per line with what it should also find: word: synonym, synonym "
            "(e.g. śmieci: odpady). Any form of the word matches; changes work at once."
        ),
        value_type=schema.TextLine(max_length=FIELD_LINE_MAX),
        constraint=synonyms.validate_lines,
        default=list(synonyms.DEFAULT_SYNONYMS),
        required=False,
    )
    directives.widget("search_synonyms", TextLinesFieldWidget)
