"""Size limits of what residents send.

* Request size: waitress refuses a body over ``max-request-body-size`` of buildout.cfg (15 MB: an attachment
  may have 10 MB) with 413 before Zope reads it.
* Text fields of the citizen forms: a one-line field (name, e-mail, address, subject) takes at most
  ``LINE_MAX`` characters, a text field at most ``TEXT_MAX`` — unless the form's field sets its own smaller
  ``max_length``. Checked before a case is created; an over-long value is not echoed back into the form.
"""

from ezabrze.policy import _
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine


LINE_MAX = 300
TEXT_MAX = 10000

TOO_LONG = _("text_too_long", default="This text is too long: at most ${max} characters.")


def limit_of(field):
    """The maximum length for a form field's text, or None for fields that are not text."""
    if ITextLine.providedBy(field):
        default = LINE_MAX
    elif IText.providedBy(field):
        default = TEXT_MAX
    else:
        return None
    own = getattr(field, "max_length", None)
    return min(own, default) if own else default


def too_long(form, fields, request=None):
    """{field name: message} for the values longer than their limit (the value is dropped from the request)."""
    from collective.easyform.api import get_schema

    errors = {}
    try:
        schema_fields = dict(getFieldsInOrder(get_schema(form)))
    except Exception:
        schema_fields = {}
    for name, value in fields.items():
        if not isinstance(value, str):
            continue
        limit = limit_of(schema_fields[name]) if name in schema_fields else LINE_MAX
        if limit is not None and len(value) > limit:
            errors[name] = _(TOO_LONG, mapping={"max": limit})
            if request is not None:
                for key in (name, f"form.widgets.{name}"):
                    if key in request.form:
                        request.form[key] = value[:limit]
    return errors
