"""A started process leaves the objects of its start-up out of the garbage collector's full collections."""

from ezabrze.policy.cluster import startup
from zope.component import getGlobalSiteManager
from zope.processlifetime import IProcessStarting
from zope.processlifetime import ProcessStarting

import gc
import pytest


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_process_start_freezes_what_exists(portal, unfrozen):
    assert gc.get_freeze_count() == 0
    survivor = [object()]  # alive at start-up: moved to the permanent generation
    startup.freeze_startup_objects(ProcessStarting())
    assert gc.get_freeze_count() > 0
    assert not any(o is survivor for o in gc.get_objects())  # no longer seen by collections


def test_subscribed_to_process_starting(portal):
    handlers = [r.handler for r in getGlobalSiteManager().registeredHandlers() if IProcessStarting in r.required]
    assert startup.freeze_startup_objects in handlers
