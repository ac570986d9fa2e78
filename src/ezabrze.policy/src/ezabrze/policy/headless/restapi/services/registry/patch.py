"""PATCH @registry: plone.restapi's registry update, with bad input answered 400 instead of 500.

plone.restapi 10 let every error of the registry escape: a value below a field's minimum (TooSmall), of the
wrong type, not among a choice's values, an unknown record name (NotImplementedError) or a body that is not a
JSON object — all 500. Here every record is converted and validated first, the errors come back per record in
Polish (400), and only a request without errors changes the registry — nothing is stored half-way.
"""

from ezabrze.policy import _
from ezabrze.policy.cases.restapi.services.forms.post import schema_message
from plone.registry.interfaces import IRegistry
from plone.restapi.services import Service
from zope.component import getUtility
from zope.i18n import translate
from zope.interface import alsoProvides
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IFrozenSet
from zope.schema.interfaces import IInt
from zope.schema.interfaces import ISet
from zope.schema.interfaces import ITuple
from zope.schema.interfaces import RequiredMissing
from zope.schema.interfaces import ValidationError
from zope.schema.interfaces import WrongContainedType
from zope.schema.interfaces import WrongType

import json
import plone.protect.interfaces


NOT_AN_OBJECT = _(
    "registry_body_not_an_object",
    default='Send the records to change as a JSON object {"record name": value}.',
)
NOT_SAVED = _("registry_not_saved", default="The settings were not saved: correct the records listed in errors.")
UNKNOWN_RECORD = _("registry_unknown_record", default="There is no such record in the registry.")
WRONG_TYPE = _("registry_wrong_type", default="This record takes a value of another type (${type}).")
WRONG_ITEM = _("registry_wrong_item", default="An item of this list is not valid for this record.")
REQUIRED = _("field_required", default="Fill in this field.")

# JSON has no tuples, sets or a separate float: what a JSON value becomes for such a field
_SEQUENCES = ((ITuple, tuple), (IFrozenSet, frozenset), (ISet, set))


def _convert(field, value):
    for interface, kind in _SEQUENCES:
        if interface.providedBy(field) and isinstance(value, list):
            return kind(value)
    if IFloat.providedBy(field) and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _type_name(field):
    kind = getattr(field, "_type", None)
    if isinstance(kind, tuple):
        kind = kind[0] if kind else None
    return {
        str: "text", bytes: "text", int: "integer", float: "number", bool: "true/false",
        tuple: "list", list: "list", set: "list", frozenset: "list", dict: "object",
    }.get(kind, getattr(kind, "__name__", "?"))


def _message(exc, field):
    if isinstance(exc, WrongType):
        return _("registry_wrong_type", default=WRONG_TYPE.default, mapping={"type": _type_name(field)})
    if isinstance(exc, WrongContainedType):
        return WRONG_ITEM
    if isinstance(exc, RequiredMissing):
        return REQUIRED
    return schema_message(exc, field)


def validate(registry, records):
    """({name: value}, {name: message}): the values converted for their fields and the errors."""
    values, errors = {}, {}
    for name, value in records.items():
        record = registry.records.get(name) if isinstance(name, str) else None
        if record is None:
            errors[name] = UNKNOWN_RECORD
            continue
        field = record.field.bind(record)
        value = _convert(field, value)
        if value != field.missing_value:
            # JSON true/false for a number and 0/1 for a yes/no: Python would take both (bool is an int)
            if IBool.providedBy(field) != isinstance(value, bool) and (IBool.providedBy(field) or IInt.providedBy(field)):
                errors[name] = _message(WrongType(value, field._type, name), field)
                continue
            try:
                field.validate(value)
            except ValidationError as exc:
                errors[name] = _message(exc, field)
                continue
        values[name] = value
    return values, errors


class RegistryUpdate(Service):
    def _error(self, message, errors=None):
        self.request.response.setStatus(400)
        body = {"type": "BadRequest", "message": translate(message, context=self.request)}
        if errors:
            body["errors"] = [
                {"field": name, "message": translate(text, context=self.request)} for name, text in errors.items()
            ]
        return {"error": body}

    def reply(self):
        try:
            records = json.loads(self.request.get("BODY") or "{}")
        except ValueError:
            records = None
        if not isinstance(records, dict):
            return self._error(NOT_AN_OBJECT)
        registry = getUtility(IRegistry)
        values, errors = validate(registry, records)
        if errors:
            return self._error(NOT_SAVED, errors)
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        for name, value in values.items():
            registry[name] = value
        return self.reply_no_content()
