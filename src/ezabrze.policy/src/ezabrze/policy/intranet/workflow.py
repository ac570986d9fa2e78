"""The intranet's border: content that enters or leaves /intranet starts again as a private draft."""

from ezabrze.policy.intranet.content import intranet_folder
from plone import api
from Products.CMFCore.interfaces import IContentish


def subtree(folder):
    for obj in folder.objectValues():
        if not IContentish.providedBy(obj):  # e.g. the placeful workflow's .wf_policy_config
            continue
        yield obj
        if hasattr(obj, "objectValues"):
            yield from subtree(obj)


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
        for child in subtree(obj):
            reset_workflow(child)
