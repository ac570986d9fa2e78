"""POST @workflow/<transition>: plone.restapi's service, with the four-eyes refusal explained in Polish.

When the guard of ``publish`` refuses an author their own item (ezabrze.policy.editorial.workflow.may_publish),
DCWorkflow only says "No workflow provides the 'publish' action". The Classic UI hides the action; REST
clients (the editors' mobile app, other city systems) get the reason instead: same status (400) and error
type as plone.restapi, a clear message in the request's language.
"""

from ezabrze.policy import _
from ezabrze.policy.editorial.workflow import four_eyes_applies
from ezabrze.policy.editorial.workflow import may_publish
from plone.restapi.services.workflow.transition import WorkflowTransition as BaseWorkflowTransition
from zope.i18n import translate


FOUR_EYES_MESSAGE = _(
    "four_eyes_refused",
    default=(
        "Four-eyes rule: you cannot publish content you wrote yourself. Another reviewer must publish it."
    ),
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

    def reply(self):
        result = super().reply()
        error = result.get("error") if isinstance(result, dict) else None
        if error and error.get("type") == "WorkflowException" and self._refused_by_four_eyes():
            error["message"] = translate(FOUR_EYES_MESSAGE, context=self.request)
            error["reason"] = "four-eyes"
        return result
