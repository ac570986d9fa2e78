"""The intranet (issue 4): staff only, never visible to anonymous users through any channel.

- /intranet itself stays private (simple_publication_workflow) with the local role Reader for the group
  "pracownicy" (ezabrze.policy.structure).
- Below it the placeful workflow policy "ezabrze-intranet" binds ``ezabrze_intranet_workflow`` to the content
  types: "internal" (the initial state: Reader, i.e. staff) and private drafts (authors and editors only,
  transition "hide"). No state grants View to
  Anonymous or plain Members, so catalog searches, listings, the sitemap, feeds and REST never show intranet
  content to them. File and Image have no workflow and acquire the permissions of their container.
- Content moved into (or out of) the intranet is reset to the initial state of its new workflow (subscriber), so
  a published page pasted into the intranet does not stay public.
- The staff directory /intranet/pracownicy lists the staff grouped by unit.
"""

from plone import api
from plone.dexterity.utils import createContentInContainer
from Products.CMFCore.interfaces import IContentish

import logging


logger = logging.getLogger("ezabrze.policy")

INTRANET_ID = "intranet"
POLICY_ID = "ezabrze-intranet"
DIRECTORY_ID = "pracownicy"


def intranet_folder(portal=None):
    portal = portal or api.portal.get()
    return portal.get(INTRANET_ID)


def in_intranet(obj):
    intranet = intranet_folder()
    if intranet is None:
        return False
    path = obj.getPhysicalPath()
    base = intranet.getPhysicalPath()
    return path[: len(base)] == base and len(path) > len(base)


def setup(portal):
    intranet = intranet_folder(portal)
    if intranet is None:
        return
    placeful = api.portal.get_tool("portal_placeful_workflow") if "portal_placeful_workflow" in portal else None
    if placeful is None:
        logger.warning("portal_placeful_workflow is missing: the intranet keeps the global workflows")
    else:
        config = placeful.getWorkflowPolicyConfig(intranet)
        if config is None:
            intranet.manage_addProduct["CMFPlacefulWorkflow"].manage_addWorkflowPolicyConfig()
            config = placeful.getWorkflowPolicyConfig(intranet)
        if config.getPolicyBelowId() != POLICY_ID:
            config.setPolicyBelow(POLICY_ID, update_security=True)
            for obj in _subtree(intranet):
                reset_workflow(obj)
    directory = intranet.get(DIRECTORY_ID)
    if directory is None:
        directory = createContentInContainer(
            intranet,
            "StaffDirectory",
            id=DIRECTORY_ID,
            title="Katalog pracowników",
            description="Pracownicy urzędu i jednostek według komórek organizacyjnych.",
            checkConstraints=False,
        )
        logger.info("Created %s", "/".join(directory.getPhysicalPath()))
    if api.content.get_state(directory, default=None) == "private":
        api.content.transition(directory, transition="publish_internally")


def _subtree(folder):
    for obj in folder.objectValues():
        if not IContentish.providedBy(obj):  # e.g. the placeful workflow's .wf_policy_config
            continue
        yield obj
        if hasattr(obj, "objectValues"):
            yield from _subtree(obj)


def reset_workflow(obj):
    """Put ``obj`` in the initial state of the workflows of its (new) chain: a private draft.

    Used when content crosses the intranet's border: a stale status of a former workflow must never make it
    public (or internal) again.
    """
    wftool = api.portal.get_tool("portal_workflow")
    workflows = wftool.getWorkflowsFor(obj)
    for workflow in workflows:
        workflow.notifyCreated(obj)
    if not workflows:
        # no workflow (File, Image): drop the role maps a former workflow left, acquire from the container
        for permission in ("View", "Access contents information", "Modify portal content"):
            obj.manage_permission(permission, roles=[], acquire=True)
    obj.reindexObject()
    obj.reindexObjectSecurity()


def content_moved(obj, event):
    """IObjectMovedEvent (not added/removed): entering or leaving the intranet changes the workflow."""
    if event.oldParent is None or event.newParent is None:
        return
    intranet = intranet_folder()
    if intranet is None:
        return
    base = intranet.getPhysicalPath()

    def inside(parent):
        path = parent.getPhysicalPath()
        return path[: len(base)] == base

    if inside(event.oldParent) == inside(event.newParent):
        return
    reset_workflow(obj)
    if hasattr(obj, "objectValues"):
        for child in _subtree(obj):
            reset_workflow(child)
