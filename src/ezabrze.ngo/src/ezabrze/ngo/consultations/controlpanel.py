"""Settings of the consultations (registry prefix ezabrze.ngo.consultations), also over REST (@controlpanels)."""

from ezabrze.ngo import _
from ezabrze.ngo.interfaces import IBrowserLayer
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope import schema
from zope.component import adapter
from zope.interface import Interface


class IConsultationSettings(Interface):
    reports_to_hide = schema.Int(
        title=_("Reports that hide a remark"),
        description=_("After this many reports by different participants a remark is hidden until a moderator "
                      "decides."),
        default=3,
        min=1,
        required=True,
    )


class ConsultationSettingsForm(RegistryEditForm):
    schema = IConsultationSettings
    schema_prefix = "ezabrze.ngo.consultations"
    label = _("Consultations")


class ConsultationSettingsView(ControlPanelFormWrapper):
    form = ConsultationSettingsForm


@adapter(Interface, IBrowserLayer)
class ConsultationSettingsConfiglet(RegistryConfigletPanel):
    schema = IConsultationSettings
    schema_prefix = "ezabrze.ngo.consultations"
    configlet_id = "ezabrze-ngo-consultations"
    configlet_category_id = "Products"
    title = _("Consultations")
    group = "Products"

