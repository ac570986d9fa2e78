"""POST @workflow/<transition>: plone.restapi's service, with the four-eyes refusal explained in Polish.

When the guard of ``publish`` refuses an author their own item (ezabrze.policy.editorial.workflow.may_publish),
DCWorkflow only says "No workflow provides the 'publish' action". The Classic UI hides the action; REST
clients (the editors' mobile app, other city systems) get the reason instead: same status (400) and error
type as plone.restapi, a clear message in the request's language.
"""

from ezabrze.policy import _
from ezabrze.policy.editorial.workflow import four_eyes_applies
from ezabrze.policy.editorial.workflow import may_publish
from plone.restapi.deserializer import json_body
from plone.restapi.services.workflow.transition import WorkflowTransition as BaseWorkflowTransition
from zope.i18n import translate


FOUR_EYES_MESSAGE = _(
    "four_eyes_refused",
    default=(
        "Four-eyes rule: you cannot publish content you wrote yourself. Another reviewer must publish it."
    ),
)


TRANSITION_DID_NOTHING = _(
    "transition_did_nothing",
    default="This action is not available: the item is already in that state.",
)


class WorkflowTransition(BaseWorkflowTransition):
    def _refused_by_four_eyes(self):
        if self.transition != "publish" or not four_eyes_applies(self.context):
            return False
        if may_publish(self.context):
            return False
        # The refusal is the guard's only if the current state offers "publish" at all.
        for workflow in self.wftool.getWorkflowsFor(self.context):
            state = workflow._getWorkflowStateOf(self.context)
            if state is not None and "publish" in (state.transitions or ()):
                return True
        return False

    def _did_nothing(self):
        """plone.restapi answers 200 for a transition that is not available when the item is already in its
        target state (nothing happens): say so with a 400 instead (ezabrze.policy.security)."""
        try:
            data = json_body(self.request)
        except Exception:
            data = None
        if self.transition is None or not isinstance(data, dict) or data.get("include_children"):
            return None
        available = [t["id"] for t in self.wftool.getTransitionsFor(self.context)]
        if self.transition in available or not self.wftool.getWorkflowsFor(self.context):
            return None
        if not self.is_same_state(self.context):
            return None  # plone.restapi refuses it itself (400)
        return translate(TRANSITION_DID_NOTHING, context=self.request)

    def reply(self):
        from ezabrze.policy.cases.interfaces import ICase

        if ICase.providedBy(self.context):  # only comment, public and target_unit (ezabrze.policy.security.cases)
            from ezabrze.policy.security.cases import prepare_rest_transition

            try:
                data = json_body(self.request)
            except Exception:
                data = None
            refused = prepare_rest_transition(self.request, data)
            if refused:
                self.request.response.setStatus(400)
                return {"error": {"type": "BadRequest", "message": refused}}
        refused = self._did_nothing()
        if refused:
            self.request.response.setStatus(400)
            return {"error": {"type": "WorkflowException", "message": refused}}
        result = super().reply()
        error = result.get("error") if isinstance(result, dict) else None
        if error and error.get("type") == "WorkflowException" and self._refused_by_four_eyes():
            error["message"] = translate(FOUR_EYES_MESSAGE, context=self.request)
            error["reason"] = "four-eyes"
        return result
