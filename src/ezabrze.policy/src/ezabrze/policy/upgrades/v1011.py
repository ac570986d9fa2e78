"""1010 -> 1011: Plone's stock groups get Polish titles.

Plone's Users and Groups pages show a group's stored title as it is: PlonePAS stored "Administrators",
"Site Administrators", "Reviewers" and the virtual "Authenticated Users (Virtual Group)" in English. The
install now titles them in Polish (polishui/groups.py); this step does it on existing sites, only where a
title is still PlonePAS's English default.
"""

from ezabrze.policy.polishui.groups import stock_groups_in_polish


def stock_groups_titled_in_polish(context):
    stock_groups_in_polish()
