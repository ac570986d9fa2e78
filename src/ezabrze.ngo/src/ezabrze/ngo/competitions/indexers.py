from ezabrze.ngo import clock
from ezabrze.ngo.competitions.content import IGrantCall
from plone.indexer import indexer


@indexer(IGrantCall)
def grant_deadline(obj):
    return clock.utc(obj.deadline)


@indexer(IGrantCall)
def grant_area(obj):
    return (obj.area,) if obj.area else ()
