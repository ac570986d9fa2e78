"""Catalog indexes of the network registry (prefix ``network_``)."""

from ezabrze.policy.network.content import IFibreSegment
from ezabrze.policy.network.content import INetworkNode
from plone.indexer import indexer


@indexer(INetworkNode)
def network_node_type(obj):
    return obj.node_type


@indexer(IFibreSegment)
def network_segment_type(obj):
    return "segment"


@indexer(INetworkNode)
def network_status(obj):
    return obj.node_status


@indexer(INetworkNode)
def network_medium(obj):
    return obj.medium


@indexer(IFibreSegment)
def network_segment_medium(obj):
    return "fibre"


@indexer(INetworkNode)
def network_district(obj):
    return obj.district
