"""Relations in plone.restapi without leaks: a relation to an item the user may not see is left out.

plone.restapi serializes a RelationValue as the summary of its target without checking permissions, so a public
page related to an intranet document would show that document's title and URL to anybody. The adapter below is
registered for the RelationValue class (more specific than restapi's IRelationValue one, so no override is
needed); the relation list serializer drops the hidden ones instead of returning nulls.
"""

from AccessControl.SecurityManagement import getSecurityManager
from ezabrze.policy.interfaces import IBrowserLayer
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.interfaces import IJsonCompatible
from plone.restapi.serializer.relationfield import RelationListFieldSerializer
from plone.restapi.serializer.relationfield import relationvalue_converter
from z3c.relationfield.interfaces import IRelationList
from z3c.relationfield.relation import RelationValue
from zope.component import adapter
from zope.interface import implementer


def visible(value):
    target = value.to_object
    return target is not None and bool(getSecurityManager().checkPermission("View", target))


@adapter(RelationValue)
@implementer(IJsonCompatible)
def visible_relation_converter(value):
    if not visible(value):
        return None
    return relationvalue_converter(value)


@adapter(IRelationList, IDexterityContent, IBrowserLayer)
@implementer(IFieldSerializer)
class VisibleRelationListFieldSerializer(RelationListFieldSerializer):
    def get_value(self, default=None):
        value = super().get_value(default=default)
        return [el for el in value or [] if visible(el)]
