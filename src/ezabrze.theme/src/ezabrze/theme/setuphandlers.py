"""Install and uninstall steps that GenericSetup XML cannot express (conditions, the logo file)."""

from Acquisition import aq_base
from ezabrze.theme.utils import LOGO_FILENAME
from importlib import resources
from plone import api
from plone.app.portlets.utils import assignment_mapping_from_key
from plone.formwidget.namedfile.converter import b64encode_file
from plone.portlets.interfaces import IPortletAssignmentSettings
from plone.portlets.interfaces import IPortletManager
from plone.registry.interfaces import IRegistry
from Products.CMFPlone.interfaces import INonInstallable
from zope.component import getUtility
from zope.component import queryUtility
from zope.interface import implementer

import logging


logger = logging.getLogger("ezabrze.theme")

HOME_LAYOUT = "ezabrze-home"
# Layouts a new Plone site's root has before anyone chose one (none set, or the FTI's defaults).
STOCK_SITE_LAYOUTS = (None, "", "listing_view", "document_view")
# Footer portlets of a stock Plone site that the city's footer replaces: Plone's copyright,
# the site actions (now in the city's footer) and "Powered by Plone".
STOCK_FOOTER_PORTLETS = ("footer", "actions", "colophon")
# Plone's generic "Accessibility" page; the footer links the legal accessibility statement instead.
STOCK_ACCESSIBILITY_ACTION = "accessibility"


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall profile from the add-ons control panel."""
        return ["ezabrze.theme:uninstall"]


def logo_value():
    """The city's wordmark in the format of the plone.site_logo record (plone.formwidget.namedfile)."""
    data = resources.files("ezabrze.theme").joinpath("theme", LOGO_FILENAME).read_bytes()
    return b64encode_file(LOGO_FILENAME, data)


def is_our_logo(value):
    """True if the site logo is still the wordmark installed by this package."""
    if isinstance(value, str):
        value = value.encode("utf-8")
    return bool(value) and value == logo_value()


def set_default_logo():
    """Make the city's wordmark the site logo unless an administrator already uploaded one."""
    if api.portal.get_registry_record("plone.site_logo", default=None):
        logger.info("Site logo already set, kept")
        return False
    api.portal.set_registry_record("plone.site_logo", logo_value())
    logger.info("Site logo set to %s", LOGO_FILENAME)
    return True


def set_home_layout(portal):
    """Use the home view for the site root unless someone chose a layout or a default page."""
    layout = getattr(aq_base(portal), "layout", None)
    if layout not in STOCK_SITE_LAYOUTS or portal.getDefaultPage():
        logger.info("Site root keeps its layout %r / default page", layout)
        return False
    portal.setLayout(HOME_LAYOUT)
    logger.info("Site root layout set to %s", HOME_LAYOUT)
    return True


def _footer_portlets(portal):
    if queryUtility(IPortletManager, name="plone.footerportlets") is None:
        return {}
    mapping = assignment_mapping_from_key(portal, "plone.footerportlets", "context", "/")
    return {name: mapping[name] for name in STOCK_FOOTER_PORTLETS if name in mapping}


def set_stock_footer_portlets_visible(portal, visible):
    for name, assignment in _footer_portlets(portal).items():
        IPortletAssignmentSettings(assignment)["visible"] = visible
        logger.info("Footer portlet %s %s", name, "shown" if visible else "hidden")


def set_stock_accessibility_action_visible(visible):
    category = api.portal.get_tool("portal_actions").get("site_actions")
    action = category.get(STOCK_ACCESSIBILITY_ACTION) if category is not None else None
    if action is not None:
        action.visible = visible


def post_install(context):
    """Logo and home page by default; the city's footer instead of Plone's footer portlets."""
    portal = api.portal.get()
    set_default_logo()
    set_home_layout(portal)
    set_stock_footer_portlets_visible(portal, False)
    set_stock_accessibility_action_visible(False)


def uninstall(context):
    """Undo what post_install did, leaving an administrator's own logo and layout alone."""
    portal = api.portal.get()
    if is_our_logo(api.portal.get_registry_record("plone.site_logo", default=None)):
        # plone.api refuses None as a value; the record is optional (no logo = Plone's default).
        getUtility(IRegistry)["plone.site_logo"] = None
    if getattr(aq_base(portal), "layout", None) == HOME_LAYOUT:
        portal.setLayout(portal.getTypeInfo().getDefaultViewMethod(portal))
    set_stock_footer_portlets_visible(portal, True)
    set_stock_accessibility_action_visible(True)
