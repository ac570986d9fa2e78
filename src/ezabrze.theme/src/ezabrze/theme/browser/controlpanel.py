"""Control panel "Ustawienia e-Zabrze" (@@ezabrze-controlpanel)."""

from ezabrze.theme import _
from ezabrze.theme.interfaces import ISettings
from ezabrze.theme.utils import REGISTRY_PREFIX
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout


class SettingsEditForm(RegistryEditForm):
    schema = ISettings
    schema_prefix = REGISTRY_PREFIX
    id = "ezabrze-settings"
    label = _("e-Zabrze settings")
    description = _(
        "Contact details of the City Hall shown in the footer of every page, the address of the "
        "Public Information Bulletin and the accessibility statement."
    )


SettingsControlPanel = layout.wrap_form(SettingsEditForm, ControlPanelFormWrapper)
