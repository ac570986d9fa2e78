"""POST /@citizen-forms/<form id>: a JSON submission becomes a case, as through the HTML form.

The same checks in the same order as the form's "Utwórz sprawę" action: the honeypot field must be sent
and empty, every field is converted and validated (types, required, choices, limits, the form's validators),
then ``cases.api.validate_submission`` (attachments, location, consent), ``reserve_submission`` (rate limit,
429) and ``create_case``. The answer carries the sign and the tracking code, once. Errors: 400 with one
Polish message per field; nothing is stored.
"""

from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import IFieldExtender
from collective.easyform.interfaces import IFieldValidator
from collective.honeypot.config import HONEYPOT_FIELD
from datetime import date
from ezabrze.policy import _
from ezabrze.policy.cases import api as cases_api
from ezabrze.policy.cases.restapi import serializers
from ezabrze.policy.cases.restapi.services.forms.get import error
from ezabrze.policy.cases.restapi.services.forms.get import find_form
from ezabrze.policy.cases.restapi.services.forms.get import FormService
from ezabrze.policy.cases.restapi.services.forms.get import not_found
from ezabrze.policy.security.limits import too_long
from plone.namedfile.file import NamedBlobFile
from plone.restapi.deserializer import json_body
from zope.component import queryUtility
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema.interfaces import ConstraintNotSatisfied
from zope.schema.interfaces import TooBig
from zope.schema.interfaces import TooLong
from zope.schema.interfaces import TooShort
from zope.schema.interfaces import TooSmall
from zope.schema.interfaces import ValidationError

import base64
import binascii
import mimetypes


FORM_ERROR_KEY = "_form"

REQUIRED = _("field_required", default="Fill in this field.")
WRONG_TYPE = {
    "string": _("field_expects_string", default="Give a text."),
    "text": _("field_expects_string", default="Give a text."),
    "choice": _("field_expects_choice", default="Pick one of the listed choices."),
    "multiple_choice": _("field_expects_choices", default="Give a list of the listed choices."),
    "boolean": _("field_expects_boolean", default="Give true or false."),
    "integer": _("field_expects_integer", default="Give a whole number."),
    "number": _("field_expects_number", default="Give a number."),
    "date": _("field_expects_date", default="Give a date as YYYY-MM-DD."),
    "file": _(
        "field_expects_file",
        default='Give the file as an object {"filename": "…", "data": "<base64>"}.',
    ),
}
BAD_BASE64 = _("file_bad_base64", default="The file content is not valid base64.")
INVALID_EMAIL = _("field_invalid_email", default="This is not a valid e-mail address.")
UNKNOWN_FIELD = _("field_unknown", default="This form has no such field.")


class Unconvertible(Exception):
    def __init__(self, message):
        self.message = message


def _convert(kind, value):
    """The Python value of a JSON value for a field of this kind; raises Invalid."""
    if kind in ("string", "text"):
        if not isinstance(value, str):
            raise Unconvertible(WRONG_TYPE[kind])
        return value
    if kind == "choice":
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise Unconvertible(WRONG_TYPE[kind])
        return value
    if kind == "multiple_choice":
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            raise Unconvertible(WRONG_TYPE[kind])
        return value
    if kind == "boolean":
        if not isinstance(value, bool):
            raise Unconvertible(WRONG_TYPE[kind])
        return value
    if kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            raise Unconvertible(WRONG_TYPE[kind])
        return value
    if kind == "number":
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise Unconvertible(WRONG_TYPE[kind])
        if value != value or value in (float("inf"), float("-inf")):
            raise Unconvertible(WRONG_TYPE[kind])
        return float(value)
    if kind == "date":
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise Unconvertible(WRONG_TYPE[kind]) from None
    if kind == "file":
        if not isinstance(value, dict):
            raise Unconvertible(WRONG_TYPE[kind])
        filename, data = value.get("filename"), value.get("data")
        content_type = value.get("content-type") or value.get("content_type")
        if not isinstance(filename, str) or not filename.strip() or not isinstance(data, str):
            raise Unconvertible(WRONG_TYPE[kind])
        if content_type is not None and not isinstance(content_type, str):
            raise Unconvertible(WRONG_TYPE[kind])
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise Unconvertible(BAD_BASE64) from None
        filename = filename.replace("\\", "/").rsplit("/", 1)[-1][:200]
        content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        return NamedBlobFile(data=raw, filename=filename, contentType=content_type)
    raise Unconvertible(WRONG_TYPE["string"])


def _is_empty(value):
    return value is None or value == "" or value == []


def schema_message(exc, field):
    """A Polish message for a zope.schema validation error."""
    if isinstance(exc, ConstraintNotSatisfied) or exc.__class__.__name__ in ("WrongContainedType",):
        return _("field_not_a_choice", default="Pick one of the listed choices.")
    if isinstance(exc, TooLong):
        return _("field_too_long", default="This text is too long: at most ${max} characters.",
                 mapping={"max": field.max_length})
    if isinstance(exc, TooShort):
        return _("field_too_short", default="This text is too short: at least ${min} characters.",
                 mapping={"min": field.min_length})
    if isinstance(exc, TooBig):
        return _("field_too_big", default="The value is too big: at most ${max}.", mapping={"max": field.max})
    if isinstance(exc, TooSmall):
        return _("field_too_small", default="The value is too small: at least ${min}.", mapping={"min": field.min})
    return _("field_invalid", default="This value is not valid.")


def convert_and_validate(form, data, request):
    """(fields, errors): the converted values and the messages, both by field name. Only a submission
    without errors may become a case."""
    known = serializers.form_fields(form)
    names = {name for name, _field, _kind in known}
    errors = {}
    for name in data:
        if name not in names and name != HONEYPOT_FIELD:
            errors[name] = UNKNOWN_FIELD
    fields = {}
    for name, field, kind in known:
        value = data.get(name)
        if _is_empty(value):
            if field.required:
                errors[name] = REQUIRED
            fields[name] = False if kind == "boolean" else field.missing_value
            continue
        try:
            value = _convert(kind, value)
        except Unconvertible as exc:
            errors[name] = exc.message
            continue
        if kind in ("string", "text"):
            value = value.replace("\r\n", "\n")
            if kind == "string" and ("\n" in value or "\r" in value):
                errors[name] = _("field_single_line", default="This field takes one line of text.")
                continue
        fields[name] = value  # converted; the case checks below may look at it even if it is invalid
        try:
            field.validate(value)
        except ValidationError as exc:
            errors[name] = schema_message(exc, field)
            continue
        message = _extra_validators(field, value, request)
        if message:
            errors[name] = message
    return fields, errors


def _extra_validators(field, value, request):
    """The form's own validators of this field (easyform: isValidEmail, isChecked, isAllowedAttachment…)."""
    for name in getattr(IFieldExtender(field, None), "validators", None) or []:
        validator = queryUtility(IFieldValidator, name=name)
        if validator is None:
            continue
        try:
            message = validator(value, REQUEST=request)
        except (ValidationError, Invalid) as exc:  # some validators raise instead of returning a message
            message = INVALID_EMAIL if name == "isValidEmail" else schema_message(exc, field)
        if message:
            return INVALID_EMAIL if name == "isValidEmail" else message
    return None


class CitizenFormPost(FormService):
    # A published submission: its case is stored in a transaction of its own (cases.creation), like the
    # HTML form's.
    submits_citizen_form = True

    def reply(self):
        if len(self.params) != 1:
            return not_found(self.request)
        form, action = find_form(self.params[0])
        if form is None:
            return not_found(self.request)
        try:
            data = json_body(self.request)
        except Exception:
            data = None
        if not isinstance(data, dict):
            return error(
                self.request, 400, "BadRequest",
                _("citizen_form_bad_body", default="Send the form's fields as a JSON object."),
            )
        if data.get(HONEYPOT_FIELD, None) != "":
            # The same rule as the HTML form: the hidden anti-spam field is sent, and empty.
            return error(
                self.request, 403, "Forbidden",
                _("citizen_form_honeypot", default="The submission was refused as spam."),
            )
        fields, errors = convert_and_validate(form, data, self.request)
        # The same text limits as the HTML form (300 characters a line, 10 000 a text, or the field's own).
        for name, message in too_long(form, fields).items():
            errors.setdefault(name, message)
        # The case checks (attachments, location, consent) for the fields without an error yet; for the
        # consent their message (why we need it) says more than the field's "must be checked".
        consent_field = getattr(action, "consent_field", None) or "consent"
        for name, message in cases_api.validate_submission(action, fields).items():
            if name not in errors or name == consent_field:
                errors[name] = message
        if errors:
            return self._invalid(errors)
        if not cases_api.reserve_submission(self.request):
            minutes = cases_api.setting("window_minutes", 10)
            self.request.response.setHeader("Retry-After", str(minutes * 60))
            return error(
                self.request, 429, "TooManyRequests",
                _(
                    "rate_limited",
                    default=(
                        "You have sent too many submissions in a short time. Please try again in "
                        "${minutes} minutes or call the City Hall: +48 32 373 33 00."
                    ),
                    mapping={"minutes": minutes},
                ),
            )
        case, code = cases_api.create_case(form, action, fields, self.request)
        self.request.response.setStatus(201)
        portal_url = self.context.absolute_url()
        return {
            "sign": case.sign,
            "tracking_code": code,
            "form": form.Title(),
            "due_date": case.due_date.isoformat() if case.due_date else None,
            "email_confirmation": bool(case.requester_email),
            "status": {"@id": f"{portal_url}/@case-status", "page": f"{portal_url}/@@status-sprawy"},
        }

    def _invalid(self, errors):
        items = [
            {
                "field": FORM_ERROR_KEY if name == FORM_ERROR_MARKER else name,
                "message": translate(message, context=self.request),
            }
            for name, message in errors.items()
        ]
        return error(
            self.request, 400, "ValidationError",
            _("citizen_form_invalid", default="The form has errors: correct the marked fields."),
            errors=items,
        )
