"""Caching settings that belong to the deployment, not the profile: the caching proxies to purge."""

from plone.cachepurging.interfaces import ICachePurgingSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def configure_purging(proxies):
    """Purge these caching proxies (e.g. ("http://127.0.0.1:8100",)); True when a setting changed."""
    settings = getUtility(IRegistry).forInterface(ICachePurgingSettings)
    proxies = tuple(proxies)
    changed = False
    if tuple(settings.cachingProxies or ()) != proxies:
        settings.cachingProxies = proxies
        changed = True
    if not settings.enabled:
        settings.enabled = True
        changed = True
    return changed
