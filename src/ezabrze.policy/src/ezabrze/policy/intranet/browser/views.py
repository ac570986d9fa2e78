"""The staff directory grouped by unit."""

from plone import api
from Products.Five.browser import BrowserView


class StaffDirectoryView(BrowserView):
    def groups(self):
        groups = {}
        for brain in api.content.find(context=self.context, portal_type="StaffMember", sort_on="sortable_title"):
            member = brain.getObject()
            if getattr(member, "archived", False):
                continue  # staff who left: kept for the record, listed apart (archived_members)
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

    def archived_members(self):
        """Staff who left (archived by the synchronisation with the city's directory)."""
        result = []
        for brain in api.content.find(context=self.context, portal_type="StaffMember", sort_on="sortable_title"):
            member = brain.getObject()
            if getattr(member, "archived", False):
                result.append(
                    {
                        "name": member.Title(),
                        "url": member.absolute_url(),
                        "unit": member.unit_title(),
                        "archived_on": member.archived_on.strftime("%d.%m.%Y") if member.archived_on else "",
                    }
                )
        return result

    def can_synchronize(self):
        return api.user.has_permission("ezabrze.policy: Synchronize staff directory", obj=self.context)


class StaffMemberView(BrowserView):
    pass
