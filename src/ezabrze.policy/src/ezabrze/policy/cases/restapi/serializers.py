"""Citizen forms as JSON for headless clients: what a form asks for (fields, choices, RODO clause)."""

from collective.easyform.api import get_schema
from collective.easyform.interfaces import IFieldExtender
from collective.honeypot.config import HONEYPOT_FIELD
from ezabrze.policy.cases import rodo
from ezabrze.policy.cases.interfaces import ICreateCase
from ezabrze.policy.security import limits
from plone.namedfile.interfaces import INamedField
from zope.i18n import translate
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine


def field_type(field):
    """The JSON type name of an easyform field (``None`` for a field REST clients cannot fill)."""
    if INamedField.providedBy(field):
        return "file"
    if IChoice.providedBy(field):
        return "choice"
    if ICollection.providedBy(field) and IChoice.providedBy(getattr(field, "value_type", None)):
        return "multiple_choice"
    if IBool.providedBy(field):
        return "boolean"
    if IInt.providedBy(field):
        return "integer"
    if IFloat.providedBy(field):
        return "number"
    if IDate.providedBy(field):
        return "date"
    if ITextLine.providedBy(field):
        return "string"
    if IText.providedBy(field):
        return "text"
    return None


def form_fields(form):
    """(name, bound field, type) of every field a client fills, in the form's order."""
    result = []
    for name, field in getFieldsInOrder(get_schema(form)):
        kind = field_type(field)
        if kind is None or name == HONEYPOT_FIELD:
            continue
        result.append((name, field.bind(form), kind))
    return result


def _text(value, request):
    return translate(value, context=request) if value else ""


def _choices(field, form, request):
    vocabulary = field.vocabulary
    if vocabulary is None and getattr(field, "vocabularyName", None):
        vocabulary = field.bind(form).vocabulary
    if vocabulary is None:
        return []
    return [
        {"value": term.value, "title": _text(term.title, request) or str(term.value)}
        for term in vocabulary
    ]


def describe_field(name, field, kind, form, request):
    data = {
        "name": name,
        "type": kind,
        "title": _text(field.title, request),
        "description": _text(field.description, request),
        "required": bool(field.required),
    }
    if kind == "choice":
        data["choices"] = _choices(field, form, request)
    elif kind == "multiple_choice":
        data["choices"] = _choices(field.value_type, form, request)
    if kind in ("string", "text"):
        if getattr(field, "min_length", None):
            data["min_length"] = field.min_length
        data["max_length"] = limits.limit_of(field)  # the form's own limit or the site's (security.limits)
    if kind in ("integer", "number"):
        for attribute, key in (("min", "minimum"), ("max", "maximum")):
            value = getattr(field, attribute, None)
            if value is not None:
                data[key] = value
    validators = list(getattr(IFieldExtender(field, None), "validators", None) or [])
    if validators:
        data["validators"] = validators
    return data


def summary(form, action):
    return {
        "@id": form.absolute_url(),
        "id": form.getId(),
        "title": form.Title(),
        "description": form.Description(),
        "consent_required": getattr(action, "legal_basis", None) == "consent",
    }


def describe_form(form, action, request):
    """Everything a client needs to fill the form: fields, the RODO clause, consent, anti-spam."""
    purpose = getattr(action, "purpose", None) or ICreateCase["purpose"].default
    basis = getattr(action, "legal_basis", None) or "public_task"
    detail = getattr(action, "legal_basis_detail", None) or ""
    data = summary(form, action)
    data.update(
        {
            "fields": [describe_field(name, field, kind, form, request) for name, field, kind in form_fields(form)],
            "consent_field": (getattr(action, "consent_field", None) or "consent") if data["consent_required"] else None,
            "rodo": {
                "legal_basis": basis,
                "purpose": purpose,
                "clause": [
                    {"heading": _text(heading, request), "text": _text(text, request)}
                    for heading, text in rodo.clause_items(purpose, basis, detail)
                ],
            },
            "honeypot_field": HONEYPOT_FIELD,
            "attachments": "base64",
        }
    )
    return data

