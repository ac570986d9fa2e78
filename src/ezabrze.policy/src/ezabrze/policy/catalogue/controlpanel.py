from ezabrze.policy import _
from ezabrze.policy.catalogue.interfaces import ICatalogueSettings
from ezabrze.policy.interfaces import IBrowserLayer
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope.component import adapter
from zope.interface import Interface


class CatalogueSettingsForm(RegistryEditForm):
    schema = ICatalogueSettings
    schema_prefix = "ezabrze.policy"
    label = _("Life event categories")
    description = _(
        "Categories of the catalogue of e-services, one per line as slug|Label. "
        "Services store the slug, so keep the slug of a category that is in use and change only its label."
    )


class CatalogueSettingsControlPanel(ControlPanelFormWrapper):
    form = CatalogueSettingsForm


@adapter(Interface, IBrowserLayer)
class CatalogueSettingsConfigletPanel(RegistryConfigletPanel):
    """The same settings through plone.restapi: @controlpanels/kategorie-zdarzen-zyciowych."""

    schema = ICatalogueSettings
    schema_prefix = "ezabrze.policy"
    configlet_id = "ezabrze-life-event-categories"
    configlet_category_id = "Products"
    title = _("Life event categories")
    group = "Products"
