from ezabrze.ngo import clock
from ezabrze.ngo.consultations.content import IConsultation
from plone.indexer import indexer


@indexer(IConsultation)
def consultation_start(obj):
    return clock.utc(obj.start)


@indexer(IConsultation)
def consultation_end(obj):
    return clock.utc(obj.end)


@indexer(IConsultation)
def consultation_area(obj):
    return tuple(obj.areas or ())
