"""The content types of the service catalogue: the service card (service.py) and the unit (unit.py)."""

from AccessControl import ClassSecurityInfo
from AccessControl.class_init import InitializeClass
from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from zope.component.hooks import getSite


class SkinNameOfTheSite:
    """``getCurrentSkinName()`` answered by the site itself instead of by acquisition.

    Every viewlet manager of a page asks its context for the skin name twice (plone.app.viewletmanager's
    ``filter`` and ``sort``), 34 times per page. A card or unit does not have the method, so each call
    failed on the item and on every folder above it (a Dexterity ``__getattr__`` looks the name up in the
    schemata of the type and its behaviors, a folder also in its contents) before acquisition reached the
    site: 102 failed lookups per card page three levels down, against none for a page at the site's root.
    The answer is the same: the site's ``Skinnable.getCurrentSkinName``.
    """

    security = ClassSecurityInfo()

    @security.public
    def getCurrentSkinName(self):
        site = getSite()
        if site is None or not hasattr(aq_base(site), "getCurrentSkinName"):
            return aq_parent(aq_inner(self)).getCurrentSkinName()
        return site.getCurrentSkinName()


InitializeClass(SkinNameOfTheSite)
