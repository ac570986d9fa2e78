"""The easyform action "Utwórz sprawę" (ICreateCase): editors add it to any form, no code needed."""

from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.api import get_context
from collective.easyform.config import FORM_ERROR_MARKER
from collective.honeypot.config import HONEYPOT_FIELD
from collective.honeypot.utils import deny
from ezabrze.policy import _
from ezabrze.policy.cases import api as cases_api
from ezabrze.policy.cases.interfaces import ICaseSubmittedRequest
from ezabrze.policy.cases.interfaces import ICreateCase
from plone.supermodel.exportimport import BaseHandler
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.interface import implementer


REQUEST_KEY = "ezabrze.cases.created"


@implementer(ICreateCase)
class CreateCase(Action):
    __doc__ = ICreateCase.__doc__

    def __init__(self, **kw):
        for name, field in ICreateCase.namesAndDescriptions():
            setattr(self, name, kw.pop(name, field.default))
        super().__init__(**kw)

    def onSuccess(self, fields, request):
        form = get_context(self)
        # Anti-spam (collective.honeypot): on these forms the hidden field must be sent, and empty.
        # (collective.honeypot itself refuses a filled one for every POST of the site.)
        if HONEYPOT_FIELD and request.form.get(HONEYPOT_FIELD, None) is None:
            deny()
        from ezabrze.policy.security.limits import too_long

        errors = too_long(form, fields, request) or cases_api.validate_submission(self, fields)
        if errors:
            return {key: translate(message, context=request) for key, message in errors.items()}
        if not cases_api.reserve_submission(request):
            request.response.setStatus(429)
            window = cases_api.setting("window_minutes", 10)
            return {
                FORM_ERROR_MARKER: translate(
                    _(
                        "rate_limited",
                        default=(
                            "You have sent too many submissions in a short time. Please try again in "
                            "${minutes} minutes or call the City Hall: +48 32 373 33 00."
                        ),
                        mapping={"minutes": window},
                    ),
                    context=request,
                )
            }
        case, code = cases_api.create_case(form, self, fields, request)
        request.set(
            REQUEST_KEY,
            {"sign": case.sign, "code": code, "due_date": case.due_date, "email": case.requester_email},
        )
        alsoProvides(request, ICaseSubmittedRequest)
        return None


CreateCaseAction = ActionFactory(
    CreateCase,
    _("Create a case (Utwórz sprawę)"),
    "ezabrze.policy.AddCaseAction",
)
CreateCaseHandler = BaseHandler(CreateCase)
