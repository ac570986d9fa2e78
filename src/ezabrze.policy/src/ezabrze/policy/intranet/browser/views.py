"""The staff directory grouped by unit."""

from plone import api
from Products.Five.browser import BrowserView


class StaffDirectoryView(BrowserView):
    def groups(self):
        groups = {}
        for brain in api.content.find(context=self.context, portal_type="StaffMember", sort_on="sortable_title"):
            member = brain.getObject()
            unit = member.unit_title() or ""
            groups.setdefault(unit, []).append(
                {
                    "name": member.Title(),
                    "url": member.absolute_url(),
                    "position": member.position,
                    "phone": member.phone,
                    "email": member.email,
                    "room": member.room,
                }
            )
        ordered = sorted(groups.items(), key=lambda item: (item[0] == "", item[0].lower()))
        return [
            {"unit": unit, "anchor": f"unit-{index}", "members": members}
            for index, (unit, members) in enumerate(ordered, start=1)
        ]


class StaffMemberView(BrowserView):
    pass
