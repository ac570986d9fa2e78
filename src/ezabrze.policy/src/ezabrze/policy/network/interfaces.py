"""Registry records of the network registry (prefix ``ezabrze.policy``), edited in the control panel
"Rejestr sieci miejskiej" (``@@ustawienia-sieci``, `controlpanel.py`)."""

from ezabrze.policy import _
from ezabrze.policy.network import DEFAULT_KIOSK_MAP_TYPES
from ezabrze.policy.network import PUBLIC_NODE_TYPES
from ezabrze.policy.network import WIMAX_RANGE_KM
from plone.autoform import directives
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema


class INetworkSettings(model.Schema):
    network_public_node_types = schema.List(
        title=_("Kinds of nodes that may be public"),
        description=_(
            "Nodes of these kinds can be made public (map, list, GeoJSON, REST). Connected sites and fibre "
            "segments always stay staff-only. Nodes already public stay public until made staff-only."
        ),
        value_type=schema.Choice(vocabulary="ezabrze.policy.NetworkPublicNodeTypes"),
        default=list(PUBLIC_NODE_TYPES),
        required=False,
    )
    directives.widget("network_public_node_types", CheckBoxFieldWidget)

    network_kiosk_map_types = schema.List(
        title=_("Kinds of nodes on the kiosks' map"),
        description=_("The map tile of the infokiosks' start screen shows the public nodes of these kinds."),
        value_type=schema.Choice(vocabulary="ezabrze.policy.NetworkPublicNodeTypes"),
        default=list(DEFAULT_KIOSK_MAP_TYPES),
        required=False,
    )
    directives.widget("network_kiosk_map_types", CheckBoxFieldWidget)

    network_wimax_range_km = schema.Float(
        title=_("Range of a WiMax access point (km)"),
        description=_("The radius around each access point counted as covered when the coverage is computed."),
        default=WIMAX_RANGE_KM,
        min=0.1,
        max=10.0,
        required=True,
    )

    network_wimax_coverage = schema.Int(
        title=_("WiMax coverage reported by the operator (%)"),
        description=_(
            "Leave empty to compute the coverage from the access points and their range. A value here is "
            "shown in the totals instead (e.g. the figure of the operator's measurement)."
        ),
        min=0,
        max=100,
        required=False,
    )
