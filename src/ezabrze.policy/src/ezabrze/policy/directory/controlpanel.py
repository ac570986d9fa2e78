"""The control panel "Katalog domenowy" (@@katalog-domenowy): connection, group rules, cache and pause times."""

from AccessControl import Unauthorized
from ezabrze.policy import _
from ezabrze.policy.directory import SETTINGS_PREFIX
from ezabrze.policy.directory.breaker import BREAKER
from ezabrze.policy.directory.groups import CACHE
from ezabrze.policy.directory.interfaces import IDirectoryConnection
from ezabrze.policy.directory.interfaces import IDirectorySettings
from ezabrze.policy.directory.settings import ENVIRONMENT
from ezabrze.policy.interfaces import IBrowserLayer
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.deserializer.controlpanels import ControlpanelDeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface

import os


class DirectorySettingsForm(RegistryEditForm):
    schema = IDirectorySettings
    schema_prefix = SETTINGS_PREFIX
    label = _("City directory (LDAP / Active Directory)")
    description = _(
        "Staff log in with their domain account; the directory's groups give them the portal's groups. "
        "Settings given in the environment of the server win over this form."
    )

    def updateWidgets(self):
        super().updateWidgets()
        for name, variable in ENVIRONMENT.items():
            widget = self.widgets.get(name)
            if widget is not None and os.environ.get(variable, "").strip():
                widget.mode = "display"
                widget.description = _(
                    "Set in the environment of the server (${variable}).", mapping={"variable": variable}
                )


def settings_changed(event):
    """A changed setting applies at once: cached groups are read again, a paused directory is asked again."""
    if (event.record.__name__ or "").startswith(SETTINGS_PREFIX + "."):
        CACHE.clear()
        BREAKER.reset()


class DirectorySettingsControlPanel(ControlPanelFormWrapper):
    form = DirectorySettingsForm


@adapter(Interface, IBrowserLayer)
class DirectorySettingsConfigletPanel(RegistryConfigletPanel):
    """The settings without the password through plone.restapi: @controlpanels/katalog-domenowy."""

    schema = IDirectoryConnection
    schema_prefix = SETTINGS_PREFIX
    configlet_id = "ezabrze-directory"
    configlet_category_id = "Products"
    title = _("City directory (LDAP / Active Directory)")
    group = "Products"


@implementer(IDeserializeFromJson)
@adapter(DirectorySettingsConfigletPanel)
class DirectorySettingsDeserializer(ControlpanelDeserializeFromJson):
    """PATCH @controlpanels/katalog-domenowy: only a Manager changes where staff passwords are sent
    (plone.restapi's own permission for control panels lets Site Administrators in)."""

    def __call__(self):
        if not api.user.has_permission("Manage portal", obj=api.portal.get()):
            raise Unauthorized("Only a Manager changes the directory settings")
        return super().__call__()
