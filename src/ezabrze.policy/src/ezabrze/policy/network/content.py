"""NetworkRegistry (the folder), NetworkNode and FibreSegment.

A node's technical details and internal notes carry the read permission "ezabrze.policy: View network
internals" (forms and REST leave them out for the public; the views and exports check the same permission).
Fault reports (`report_fault`) are kept on the node as a list (date, status, comment, who): the node's public
status follows the last report.
"""

from DateTime import DateTime
from ezabrze.policy import _
from ezabrze.policy.catalogue.content.unit import UNITS_VOCABULARY
from ezabrze.policy.network import NODE_STATUSES
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from ezabrze.policy.security.limits import FIELD_TEXT_MAX
from persistent.list import PersistentList
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant

import datetime


# the bounding box the coordinates must lie in (Zabrze with a margin)
LAT_RANGE = (50.22, 50.40)
LON_RANGE = (18.66, 18.90)


def _latitude(value):
    if not LAT_RANGE[0] <= value <= LAT_RANGE[1]:
        raise Invalid(_("The latitude must lie in Zabrze (between 50.22 and 50.40)."))
    return True


def _longitude(value):
    if not LON_RANGE[0] <= value <= LON_RANGE[1]:
        raise Invalid(_("The longitude must lie in Zabrze (between 18.66 and 18.90)."))
    return True


FAULT_COMMENT_MAX = 2000


def fault_errors(status, comment):
    """What is wrong with a fault report (the form and REST check the same): {field: message}, empty when fine.
    `comment` is the stripped text."""
    errors = {}
    if status not in NODE_STATUSES:
        errors["status"] = _(
            "fault_status_invalid",
            default="Choose the new status: working, fault, maintenance or planned.",
        )
    if not isinstance(comment, str) or not comment:
        errors["comment"] = _("fault_comment_missing", default="Describe the fault or the repair.")
    elif len(comment) > FAULT_COMMENT_MAX:
        errors["comment"] = _(
            "fault_comment_too_long",
            default="The comment is too long: at most ${max} characters.",
            mapping={"max": FAULT_COMMENT_MAX},
        )
    return errors


class INetworkRegistry(model.Schema):
    """The folder of the registry."""


@implementer(INetworkRegistry)
class NetworkRegistry(Container):
    """Rejestr sieci miejskiej."""


class INetworkNode(model.Schema):
    node_type = schema.Choice(title=_("Kind of node"), vocabulary="ezabrze.policy.NetworkNodeTypes", required=True)
    address = schema.TextLine(title=_("Address"), required=True, max_length=FIELD_LINE_MAX)
    latitude = schema.Float(title=_("Latitude"), required=True, constraint=_latitude)
    longitude = schema.Float(title=_("Longitude"), required=True, constraint=_longitude)
    district = schema.Choice(title=_("District"), vocabulary="ezabrze.policy.NetworkDistricts", required=True)
    medium = schema.Choice(title=_("Medium"), vocabulary="ezabrze.policy.NetworkMedia", required=True,
                           default="fibre")
    node_status = schema.Choice(title=_("Status"), vocabulary="ezabrze.policy.NetworkNodeStatuses",
                                required=True, default="working")
    status_date = schema.Date(title=_("Status since"), required=False)
    project = RelationChoice(
        title=_("Built by the project"),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    owner_unit = RelationChoice(title=_("Owned by the unit"), vocabulary=UNITS_VOCABULARY, required=False)

    model.fieldset("internal", label=_("Staff only"), fields=["technical_details", "internal_notes"])
    technical_details = schema.Text(title=_("Technical details"), required=False, max_length=FIELD_TEXT_MAX)
    directives.read_permission(technical_details="ezabrze.policy.ViewNetworkInternals")
    directives.write_permission(technical_details="cmf.ModifyPortalContent")
    internal_notes = schema.Text(title=_("Internal notes"), required=False, max_length=FIELD_TEXT_MAX)
    directives.read_permission(internal_notes="ezabrze.policy.ViewNetworkInternals")
    directives.write_permission(internal_notes="cmf.ModifyPortalContent")


@implementer(INetworkNode)
class NetworkNode(Item):
    """Węzeł sieci."""

    faults = ()

    def may_be_public(self):
        """The workflow's guard of "make public": the kind is one the control panel lets be public (connected
        sites never)."""
        from ezabrze.policy.network import PUBLIC_NODE_TYPES
        from ezabrze.policy.network import setting

        return self.node_type in PUBLIC_NODE_TYPES and self.node_type in setting("public_node_types", PUBLIC_NODE_TYPES)

    def report_fault(self, status, comment):
        """Record a fault report (or its repair) and set the node's status to it."""
        if status not in NODE_STATUSES:
            raise ValueError(status)
        if self.__dict__.get("faults") is None:
            self.faults = PersistentList()
        user = api.user.get_current()
        self.faults.append(
            {
                "date": DateTime().ISO8601(),
                "status": status,
                "comment": comment,
                "by": user.getUserName() if user is not None else "",
            }
        )
        self.node_status = status
        self.status_date = datetime.date.today()
        self.reindexObject(idxs=["network_status"])


class IFibreSegment(model.Schema):
    kind = schema.Choice(title=_("Kind of segment"), vocabulary="ezabrze.policy.NetworkSegmentKinds", required=True)
    length_km = schema.Float(title=_("Length (km)"), required=True, min=0.0, max=50.0)
    start_point = schema.TextLine(title=_("Start"), required=True, max_length=FIELD_LINE_MAX)
    end_point = schema.TextLine(title=_("End"), required=True, max_length=FIELD_LINE_MAX)
    start_latitude = schema.Float(title=_("Start latitude"), required=True, constraint=_latitude)
    start_longitude = schema.Float(title=_("Start longitude"), required=True, constraint=_longitude)
    end_latitude = schema.Float(title=_("End latitude"), required=True, constraint=_latitude)
    end_longitude = schema.Float(title=_("End longitude"), required=True, constraint=_longitude)
    project = RelationChoice(
        title=_("Built by the project"),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
    )
    internal_notes = schema.Text(title=_("Internal notes"), required=False, max_length=FIELD_TEXT_MAX)

    @invariant
    def distinct_ends(data):
        if getattr(data, "start_point", None) and data.start_point == getattr(data, "end_point", None):
            raise Invalid(_("A segment joins two different points."))


@implementer(IFibreSegment)
class FibreSegment(Item):
    """Odcinek światłowodu (staff-only as a whole)."""
