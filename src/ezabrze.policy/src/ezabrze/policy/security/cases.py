"""Cases change only through their workflow's own actions.

* Nobody has "Modify portal content" on a case (the case workflow grants it to no role): the resident's
  submission, the sign, the legal deadline, the requester's e-mail and the routing cannot be edited — not by
  the Classic UI edit form, not by REST ``PATCH`` (401), not even by administrators.
* ``forward`` needs an existing unit other than the case's own (checked before the transition, whoever runs
  it: the case view, REST ``@workflow/forward``, plone.api); the access moves with the case
  (ezabrze.policy.cases.api.grant_unit).
* REST ``@workflow/<transition>`` on a case accepts only ``comment``, ``public`` and ``target_unit``; the
  publication dates plone.restapi would otherwise set on the way (``effective``, ``expires``) are refused.
"""

from ezabrze.policy import _
from ezabrze.policy.cases import api as cases_api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate


REST_TRANSITION_KEYS = frozenset({"comment", "public", "target_unit"})

FORWARD_NEEDS_UNIT = _("forward_needs_unit", default="Choose the unit the case is forwarded to.")
CASE_TRANSITION_FIELDS = _(
    "case_transition_fields",
    default="A case changes only through its actions: send only comment, public and target_unit.",
)


def _translate(message, request=None):
    request = request if request is not None else getRequest()
    if request is not None:
        return translate(message, context=request)
    return translate(message, target_language="pl")


def check_forward_target(case, event):
    """IBeforeTransitionEvent of a case: ``forward`` needs an existing unit other than the current one."""
    if event.transition is None or event.transition.id != "forward":
        return
    request = getRequest()
    options = (request.get(cases_api.REQUEST_KEY) if request is not None else None) or {}
    target = options.get("target_unit")
    if not isinstance(target, str) or not target or target == case.unit_id or cases_api.find_unit(target) is None:
        raise WorkflowException(_translate(FORWARD_NEEDS_UNIT, request))


def prepare_rest_transition(request, data):
    """The options of a REST transition of a case (stored for the workflow subscribers), or an error message."""
    if not isinstance(data, dict) or set(data) - REST_TRANSITION_KEYS:
        return _translate(CASE_TRANSITION_FIELDS, request)
    target = data.get("target_unit")
    if target is not None and not isinstance(target, str):
        return _translate(FORWARD_NEEDS_UNIT, request)
    request.set(cases_api.REQUEST_KEY, {"public": data.get("public") is True, "target_unit": target or None})
    return None
