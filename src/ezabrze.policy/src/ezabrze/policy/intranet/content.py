"""The intranet's staff directory: a StaffDirectory folder with StaffMember entries (one per employee)."""

from ezabrze.policy import _
from ezabrze.policy.intranet import INTRANET_ID
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from ezabrze.policy.security.limits import TITLE_MAX
from plone import api
from plone.app.vocabularies.catalog import StaticCatalogVocabulary
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer


class IStaffDirectory(model.Schema):
    """Katalog pracowników."""


@implementer(IStaffDirectory)
class StaffDirectory(Container):
    pass


class IStaffMember(model.Schema):
    """Pracownik: the unit is a relation to an OrganizationalUnit of the catalogue, or a free text."""

    title = schema.TextLine(title=_("Full name"), required=True, max_length=TITLE_MAX)
    position = schema.TextLine(title=_("Position"), required=False, max_length=FIELD_LINE_MAX)
    unit = RelationChoice(
        title=_("Unit"),
        vocabulary=StaticCatalogVocabulary(
            {"portal_type": ["OrganizationalUnit"], "sort_on": "sortable_title"},
            title_template="{brain.Title}",
        ),
        required=False,
    )
    directives.widget(
        "unit",
        ContentBrowserFieldWidget,
        pattern_options={"selectableTypes": ["OrganizationalUnit"], "recentlyUsed": True},
    )
    unit_name = schema.TextLine(
        title=_("Unit (if not in the catalogue)"),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    phone = schema.TextLine(title=_("Phone"), required=False, max_length=FIELD_LINE_MAX)
    email = schema.TextLine(title=_("E-mail"), required=False, max_length=FIELD_LINE_MAX)
    room = schema.TextLine(title=_("Room"), required=False, max_length=FIELD_LINE_MAX)
    username = schema.TextLine(
        title=_("User name"),
        description=_("The employee's account on the portal, if any."),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    archived = schema.Bool(
        title=_("Archived (left the office)"),
        description=_("Set by the synchronisation with the city's directory when the person is no longer in it."),
        required=False,
        default=False,
    )
    archived_on = schema.Date(title=_("Archived on"), required=False)


@implementer(IStaffMember)
class StaffMember(Item):
    def unit_title(self):
        relation = self.unit
        target = getattr(relation, "to_object", None) if relation is not None else None
        if target is not None:
            return target.Title()
        return self.unit_name or ""


def intranet_folder(portal=None):
    portal = portal or api.portal.get()
    return portal.get(INTRANET_ID)


def in_intranet(obj):
    intranet = intranet_folder()
    if intranet is None:
        return False
    path = obj.getPhysicalPath()
    base = intranet.getPhysicalPath()
    return path[: len(base)] == base and len(path) > len(base)
