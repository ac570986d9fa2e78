"""Editorial workflow of the office's content.

``ezabrze_editorial_workflow`` (profiles/default/workflows): private → pending → published → archived.

- Every transition takes a comment (kept in the review history); **send back** (``reject``) requires one: a
  subscriber refuses the transition without it, with a Polish message, whoever calls it (the Classic UI, REST
  ``@workflow/reject``, plone.api).
- **Four eyes**: when enabled in the registry (control panel "Zasada czterech oczu") for a type, the guard of
  ``publish`` refuses the item's authors (who created or edited it, from the history:
  ezabrze.policy.security.authorship); only administrators (Manager) are exempt.
"""

from AccessControl import getSecurityManager
from ezabrze.policy import _
from plone import api
from plone.autoform import directives
from plone.supermodel import model
from Products.CMFCore.WorkflowCore import WorkflowException
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.globalrequest import getRequest
from zope.i18n import translate


EDITORIAL_WORKFLOW = "ezabrze_editorial_workflow"
REGISTRY_PREFIX = "ezabrze.policy.editorial"
COMMENT_REQUIRED = ("reject",)
REJECT = "reject"
BYPASS_PERMISSION = "ezabrze.policy: Bypass four eyes"


class IEditorialSettings(model.Schema):
    """Registry records ``ezabrze.policy.editorial.*``."""

    four_eyes_enabled = schema.Bool(
        title=_("Four-eyes rule"),
        description=_("An author may not publish their own content of the types below; another reviewer must."),
        default=True,
        required=False,
    )
    four_eyes_types = schema.List(
        title=_("Types under the four-eyes rule"),
        value_type=schema.Choice(vocabulary="plone.app.vocabularies.ReallyUserFriendlyTypes"),
        default=["Service", "News Item"],
        required=False,
    )
    directives.widget("four_eyes_types", CheckBoxFieldWidget)


def _setting(name, default):
    return api.portal.get_registry_record(f"{REGISTRY_PREFIX}.{name}", default=default)


def four_eyes_applies(obj):
    if not _setting("four_eyes_enabled", True):
        return False
    return obj.portal_type in (_setting("four_eyes_types", ["Service", "News Item"]) or ())


def is_author(obj, userid):
    """Did ``userid`` create or edit ``obj``? From the history, never the editable ``creators`` field."""
    from ezabrze.policy.security.authorship import authors

    return bool(userid) and userid in authors(obj)


def may_publish(obj):
    """The four-eyes guard of the ``publish`` transition."""
    if not four_eyes_applies(obj):
        return True
    # Administrators (Manager only, also under api.env.adopt_roles) are exempt.
    if getSecurityManager().checkPermission(BYPASS_PERMISSION, obj):
        return True
    return not is_author(obj, api.user.get_current().getId())


def translate_pl(message):
    request = getRequest()
    if request is not None:
        return translate(message, context=request)
    return translate(message, target_language="pl")


def require_reason(obj, event):
    """IBeforeTransitionEvent: the transitions in COMMENT_REQUIRED need a non-empty comment."""
    transition = event.transition
    if transition is None or event.workflow.getId() != EDITORIAL_WORKFLOW:
        return
    if transition.getId() in COMMENT_REQUIRED and not (event.kwargs.get("comment") or "").strip():
        raise WorkflowException(
            translate_pl(_("Give the reason why the item is sent back: the author will see it."))
        )


def review_history(obj):
    """The review history without the permission guard of the ``review_history`` variable."""
    history = getattr(obj, "workflow_history", {}) or {}
    for workflow_id in api.portal.get_tool("portal_workflow").getChainFor(obj):
        if workflow_id in history:
            return list(history[workflow_id])
    return []


def last_rejection(obj):
    """The last entry of the history if it is a send-back: {actor, time, comments}, else None."""
    history = review_history(obj)
    if history and history[-1].get("action") == REJECT:
        return history[-1]
    return None
