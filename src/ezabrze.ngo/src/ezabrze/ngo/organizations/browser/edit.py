"""The organization's edit form: staff change every field; a verified representative changes the public
description only (``editing.REPRESENTATIVE_FIELDS``), the other fields are shown read-only with a note why."""

from ezabrze.ngo import _
from ezabrze.ngo.organizations import editing
from plone.dexterity.browser.edit import DefaultEditForm
from plone.z3cform import layout
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form.interfaces import DISPLAY_MODE
from zope.i18n import translate


class OrganizationEditForm(DefaultEditForm):
    def updateFields(self):
        super().updateFields()
        self.staff = editing.is_staff(self.context)
        if self.staff:
            return
        for fields in [self.fields] + [group.fields for group in self.groups]:
            for name in fields:
                if name.split(".")[-1] not in editing.REPRESENTATIVE_FIELDS:
                    fields[name].mode = DISPLAY_MODE

    def update(self):
        super().update()
        if not self.staff and self.request.method == "GET":
            note = _(
                "organization_edit_representative",
                default="As a representative you can change the description, the seat address, the contact "
                "details and the areas of activity. The name, the legal form, the KRS number or the other register, "
                "NIP and REGON are changed by the City Hall.",
            )
            IStatusMessage(self.request).add(translate(note, context=self.request), "info")

OrganizationEditView = layout.wrap_form(OrganizationEditForm)
