from ezabrze.policy import _
from ezabrze.policy.interfaces import IBrowserLayer
from ezabrze.policy.search.interfaces import ISearchSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope.component import adapter
from zope.interface import Interface


class SearchSettingsForm(RegistryEditForm):
    schema = ISearchSettings
    schema_prefix = "ezabrze.policy"
    label = _("Search synonyms")
    description = _(
        "Words that residents type and the words of the service cards they mean. "
        "The search finds every form of a word; synonyms add other words."
    )


class SearchSettingsControlPanel(ControlPanelFormWrapper):
    form = SearchSettingsForm


@adapter(Interface, IBrowserLayer)
class SearchSettingsConfigletPanel(RegistryConfigletPanel):
    """The same settings through plone.restapi: @controlpanels/synonimy-wyszukiwania."""

    schema = ISearchSettings
    schema_prefix = "ezabrze.policy"
    configlet_id = "ezabrze-search-synonyms"
    configlet_category_id = "Products"
    title = _("Search synonyms")
    group = "Products"
