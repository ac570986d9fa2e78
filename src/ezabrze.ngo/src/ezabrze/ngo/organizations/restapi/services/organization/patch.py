"""PATCH an organization: plone.restapi's own PATCH, after the field check of ``organizations/editing.py``.

A verified representative (Modify portal content through the local role) may change the public fields; a body
that would change the name, the legal form, the register data, NIP, REGON, the short name or the layout is refused
as a whole with 403 and a Polish message naming the fields (nothing is stored)."""

from ezabrze.ngo import _
from ezabrze.ngo.organizations import editing
from plone.restapi.deserializer import json_body
from plone.restapi.services.content.update import ContentPatch
from zope.i18n import translate


class OrganizationPatch(ContentPatch):
    def reply(self):
        try:
            data = json_body(self.request)
        except Exception:
            data = None
        if isinstance(data, dict):
            refused = editing.refused_changes(self.context, data)
            if refused:
                names = ", ".join(translate(title, context=self.request) for title in refused)
                self.request.response.setStatus(403)
                message = _(
                    "organization_patch_refused",
                    default="A representative of the organisation cannot change: ${fields}. These data are "
                    "changed by the City Hall; nothing was saved.",
                    mapping={"fields": names},
                )
                return {"error": {"type": "Forbidden", "message": translate(message, context=self.request)}}
        return super().reply()
