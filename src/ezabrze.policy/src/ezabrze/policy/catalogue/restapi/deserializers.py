"""plone.restapi deserialization tweaks for the catalogue types."""

from ezabrze.policy.catalogue.content.unit import IOrganizationalUnit
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.publisher.interfaces.browser import IBrowserRequest
from zope.schema.interfaces import IFloat


@implementer(IFieldDeserializer)
@adapter(IFloat, IOrganizationalUnit, IBrowserRequest)
class CoordinateDeserializer(DefaultFieldDeserializer):
    """JSON has one number type: accept 50 as well as 50.0 for the coordinates (the range check still runs)."""

    def __call__(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        return super().__call__(value)
