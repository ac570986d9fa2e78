"""The control panel "Rejestr sieci miejskiej" (@@ustawienia-sieci): what an administrator changes without a
release — the kinds of nodes that may be public, the kinds on the kiosks' map, the WiMax range used to compute
the coverage or the coverage as the operator reports it. Over REST: @controlpanels/ustawienia-sieci."""

from ezabrze.policy import _
from ezabrze.policy.interfaces import IBrowserLayer
from ezabrze.policy.network import SETTINGS_PREFIX
from ezabrze.policy.network.interfaces import INetworkSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope.component import adapter
from zope.interface import Interface


class NetworkSettingsForm(RegistryEditForm):
    schema = INetworkSettings
    schema_prefix = SETTINGS_PREFIX
    label = _("City network registry")
    description = _("Settings of the network registry, its map and totals.")


class NetworkSettingsControlPanel(ControlPanelFormWrapper):
    form = NetworkSettingsForm


@adapter(Interface, IBrowserLayer)
class NetworkSettingsConfigletPanel(RegistryConfigletPanel):
    schema = INetworkSettings
    schema_prefix = SETTINGS_PREFIX
    configlet_id = "ezabrze-network-settings"
    configlet_category_id = "Products"
    title = _("City network registry")
    group = "Products"
