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
    remarks_per_account = schema.Int(
        title=_("Remarks per person"),
        description=_("At most this many remarks and replies from one account within the time window; more get "
                      "\"try again later\" (0: no limit)."),
        default=20,
        min=0,
        required=True,
    )
    remarks_per_address = schema.Int(
        title=_("Remarks per client address"),
        description=_("At most this many remarks and replies from one network address within the time window "
                      "(0: no limit)."),
        default=120,
        min=0,
        required=True,
    )
    proposals_per_account = schema.Int(
        title=_("Organisation proposals per person"),
        description=_("At most this many proposals of new organisations from one account within the time window "
                      "(0: no limit)."),
        default=3,
        min=0,
        required=True,
    )
    proposals_per_address = schema.Int(
        title=_("Organisation proposals per client address"),
        description=_("The same from one network address (0: no limit)."),
        default=10,
        min=0,
        required=True,
    )
    limit_window_minutes = schema.Int(
        title=_("Time window of the limits (minutes)"),
        default=10,
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

