"""Polish titles of Plone's stock groups.

Plone's Users and Groups pages show a group's stored title as it is, without i18n. PlonePAS stores English
titles when it creates the site: the three stock groups ("Administrators", "Site Administrators",
"Reviewers", setuphandlers.setupGroups) and the virtual group of logged-in users, whose title is the title of
the "Automatic Group Plugin" (acl_users/auto_group, "Authenticated Users (Virtual Group)"). They are data:
an administrator may rename a group, so only a title that is still PlonePAS's English default is replaced
(at install and by upgrade 1011); an administrator's own title stays.
"""

from plone import api

import logging


logger = logging.getLogger("ezabrze.policy.polishui")

# group id: (PlonePAS's English default title, Polish title)
STOCK_GROUP_TITLES = {
    "Administrators": ("Administrators", "Administratorzy"),
    "Site Administrators": ("Site Administrators", "Administratorzy serwisu"),
    "Reviewers": ("Reviewers", "Recenzenci"),
}
AUTO_GROUP_PLUGIN = "auto_group"
AUTO_GROUP_TITLES = ("Authenticated Users (Virtual Group)", "Zalogowani użytkownicy (grupa wirtualna)")


def stock_groups_in_polish(portal=None):
    """Give Plone's stock groups their Polish titles where they still have PlonePAS's English ones
    (idempotent). Returns the ids of the groups retitled."""
    portal = portal or api.portal.get()
    groups_tool = api.portal.get_tool("portal_groups")
    retitled = []
    for group_id, (english, polish) in STOCK_GROUP_TITLES.items():
        group = groups_tool.getGroupById(group_id)
        if group is None or group.getProperty("title") != english:
            continue
        groups_tool.editGroup(group_id, title=polish)
        retitled.append(group_id)
    plugin = getattr(portal.acl_users, AUTO_GROUP_PLUGIN, None)
    english, polish = AUTO_GROUP_TITLES
    if plugin is not None and plugin.title == english:
        plugin.title = polish
        retitled.append(plugin.group)
    if retitled:
        logger.info("Stock groups retitled in Polish: %s", ", ".join(retitled))
    return retitled
