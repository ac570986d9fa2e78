"""Control panel "Infokioski" (@@infokiosk-ustawienia): idle time, countdown, the kiosks, opening hours."""

from ezabrze.theme import _
from ezabrze.theme.kiosk import REGISTRY_PREFIX
from ezabrze.theme.kiosk.interfaces import IKioskSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout


class KioskSettingsEditForm(RegistryEditForm):
    schema = IKioskSettings
    schema_prefix = REGISTRY_PREFIX
    id = "ezabrze-kiosk-settings"
    label = _("Infokiosks")
    description = _(
        "The city's street kiosks open the portal in kiosk mode at the address of the portal followed by "
        "/++kiosk++ and the id of the kiosk. Usage counts: @@infokiosk-statystyki."
    )


KioskSettingsControlPanel = layout.wrap_form(KioskSettingsEditForm, ControlPanelFormWrapper)
