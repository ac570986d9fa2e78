"""States of a call: draft → announced → formal → merit → results, or → cancelled (with a reason).

Offers are accepted while the call is announced and the server clock (``ezabrze.ngo.clock``, the one the
consultations use; tests freeze it) is before the deadline: ``accepting(call)`` is asked by every rule, page and
REST answer, so the deadline is enforced to the second. The transitions check their own conditions
(``check_transition``): announce only with a deadline at least 21 days ahead, formal evaluation only after the
deadline, cancel only with a reason, results only when every eligible offer has a decision within the funds."""

from datetime import timedelta
from ezabrze.ngo import _
from ezabrze.ngo import clock
from ezabrze.ngo.competitions import CALL_TYPE
from ezabrze.ngo.competitions import MIN_DAYS
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.i18nmessageid import Message


WORKFLOW_ID = "ezabrze_ngo_grant_call_workflow"


def stored_state(call):
    return api.content.get_state(call, default="draft")


def effective(stored, deadline, now=None):
    """The state of a call stored as `stored` with `deadline` at `now`: an announced call whose deadline has
    come is in its formal evaluation, even before the clock fires ``start_formal``."""
    if stored == "announced" and deadline is not None:
        now = now or clock.now()
        if now >= clock.aware(deadline):
            return "formal"
    return stored


def call_state(call, now=None):
    """The state of the call now: an announced call whose deadline has come is in its formal evaluation."""
    return effective(stored_state(call), call.deadline, now)


class EffectiveStateRoles:
    """The roles of a workflow-managed permission on a call, taken from its *effective* state.

    DCWorkflow stores the roles of each permission on the object (``_Modify_portal_content_Permission``) when a
    transition happens; between the offer deadline and the clock firing ``start_formal`` they would still be
    those of "announced" (editors could change the call whose offers are already being opened). This data
    descriptor answers every permission check (edit form, REST PATCH, folder contents, deletion) with the roles
    the workflow maps in the effective state, to the second; writes (DCWorkflow's role mappings) and existing
    objects keep the stored value under the same name in the instance's ``__dict__``, so nothing is migrated."""

    def __init__(self, permission):
        from AccessControl.Permission import pname

        self.permission = permission
        self.name = pname(permission)

    def __get__(self, obj, cls=None):
        if obj is None:
            for base in cls.__mro__[1:]:
                if self.name in base.__dict__:
                    return base.__dict__[self.name]
            raise AttributeError(self.name)
        obj._p_activate()
        roles = _effective_roles(obj, self.permission)
        if roles is not None:
            return roles
        try:
            return obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None

    def __set__(self, obj, value):
        obj._p_activate()
        obj.__dict__[self.name] = value
        obj._p_changed = True

    def __delete__(self, obj):
        obj._p_activate()
        if obj.__dict__.pop(self.name, None) is not None:
            obj._p_changed = True


def _effective_roles(call, permission):
    """The roles of `permission` in the call's effective state when it differs from the stored one, else None.
    Reads the workflow status directly (no security check: this answers one)."""
    try:
        tool = api.portal.get_tool("portal_workflow")
    except api.exc.CannotGetPortalError:
        return None
    workflow = tool.getWorkflowById(WORKFLOW_ID)
    status = tool.getStatusOf(WORKFLOW_ID, call)
    stored = (status or {}).get("review_state")
    if workflow is None or stored is None:
        return None
    current = effective(stored, getattr(call, "deadline", None))
    if current == stored or current not in workflow.states:
        return None
    return (workflow.states[current].permission_roles or {}).get(permission)


def accepting(call, now=None):
    now = now or clock.now()
    return stored_state(call) == "announced" and now < clock.aware(call.deadline)


def seconds_left(call, now=None):
    now = now or clock.now()
    if stored_state(call) != "announced":
        return 0
    return max(0, int((clock.aware(call.deadline) - now).total_seconds()))


def deadline_problem(deadline, now=None):
    """The refusal message when the deadline is less than 21 days after `now` (the announcement), else None."""
    now = now or clock.now()
    if deadline is None:
        return _("Give the offer deadline.")
    if clock.aware(deadline) < now + timedelta(days=MIN_DAYS):
        return Message(
            _("The offer deadline must be at least ${days} days after the announcement (the earliest possible: "
              "${earliest})."),
            mapping={"days": MIN_DAYS,
                     "earliest": clock.local(now + timedelta(days=MIN_DAYS)).strftime("%d.%m.%Y %H:%M:%S")},
        )
    return None


def check_transition(event):
    if event.transition is None or getattr(event.object, "portal_type", None) != CALL_TYPE:
        return
    call = event.object
    transition = event.transition.id
    now = clock.now()
    if transition == "announce":
        problem = deadline_problem(call.deadline, now)
        if problem is not None:
            raise WorkflowException(problem)
    elif transition == "start_formal":
        if now < clock.aware(call.deadline):
            raise WorkflowException(_("The formal evaluation starts after the offer deadline."))
    elif transition == "cancel":
        if not (call.cancel_reason or "").strip():
            raise WorkflowException(_("Give the reason for the cancellation."))
    elif transition == "publish_results":
        from ezabrze.ngo.competitions import evaluation

        problem = evaluation.results_problem(call)
        if problem is not None:
            raise WorkflowException(problem)


def sync(portal=None, now=None):
    """Fire ``start_formal`` on every announced call whose deadline has come; returns [(path, transition)]."""
    now = now or clock.now()
    catalog = api.portal.get_tool("portal_catalog")
    done = []
    with api.env.adopt_roles(["Manager"]):
        for brain in catalog.unrestrictedSearchResults(portal_type=CALL_TYPE, review_state="announced"):
            call = brain._unrestrictedGetObject()
            if stored_state(call) == "announced" and call_state(call, now) == "formal":
                api.content.transition(call, transition="start_formal")
                done.append(("/".join(call.getPhysicalPath()), "start_formal"))
    return done


def transitioned(call, event):
    if event.transition is not None and event.transition.id == "announce":
        call.announced = clock.now()


def message_of(error):
    """The message of a refused transition: CMFCore re-raises a subscriber's WorkflowException wrapped in
    another one."""
    message = error.args[0] if error.args else ""
    while isinstance(message, Exception):
        message = message.args[0] if message.args else ""
    return message
