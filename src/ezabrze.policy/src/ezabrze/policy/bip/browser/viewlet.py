"""The metryczka below the content of every published page that has the BIP behavior."""

from DateTime import DateTime
from ezabrze.policy.bip.behavior import metadata
from ezabrze.policy.utils import anonymous_fragment
from plone import api
from plone.app.layout.viewlets.common import ViewletBase

import Missing


def polish_datetime(iso):
    if not iso or iso is Missing.Value:
        return ""
    value = DateTime(iso).toZone("Europe/Warsaw")
    return value.strftime("%d.%m.%Y, %H:%M")


def polish_date(iso):
    if not iso:
        return ""
    return DateTime(iso).toZone("Europe/Warsaw").strftime("%d.%m.%Y") if "T" in iso else (
        "{2}.{1}.{0}".format(*iso[:10].split("-"))
    )


class BIPMetadataViewlet(ViewletBase):
    def available(self):
        return api.content.get_state(self.context, default=None) in ("published", "archived")

    def update(self):
        super().update()
        if not self.available():
            self.data = None
            return
        # The same for every anonymous visitor until something is committed (authors' names, the change
        # register and the responsible unit are looked up for each rendering otherwise); kept per process.
        self.data = anonymous_fragment(self.request, self.context, "bip-metadata",
                                       lambda: metadata(self.context, self.request))

    def fmt(self, iso):
        return polish_datetime(iso)

    def fmt_date(self, iso):
        return polish_date(iso)
