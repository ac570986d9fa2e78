"""Size limits of what residents and editors send.

* Content fields (every text field of every own content type, in the schema itself, so forms and the REST API
  refuse an over-long value the same way — a form shows the Polish message at the field, REST answers 400 with
  the field's name, nothing is stored): ``TITLE_MAX`` for titles, ``DESCRIPTION_MAX`` for descriptions,
  ``FIELD_LINE_MAX`` for other one-line fields, ``URL_MAX`` for addresses, ``FIELD_TEXT_MAX`` for plain
  multi-line text, ``RICH_TEXT_MAX`` for rich text (its HTML source). Plone's behaviours used by the own types
  (title, description, rich text, subjects, event location and contact, …) get the same limits when this module
  is imported (``limit_behaviour_fields``); a test fails for any own field left without a maximum.

* Request size: waitress refuses a body over ``max-request-body-size`` of buildout.cfg (15 MB: an attachment
  may have 10 MB) with 413 before Zope reads it.
* Text fields of the citizen forms: a one-line field (name, e-mail, address, subject) takes at most
  ``LINE_MAX`` characters, a text field at most ``TEXT_MAX`` — unless the form's field sets its own smaller
  ``max_length``. Checked before a case is created; an over-long value is not echoed back into the form.
"""

from ezabrze.policy import _
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.deserializer.dxfields import RichTextFieldDeserializer as BaseRichTextFieldDeserializer
from plone.restapi.deserializer.dxfields import TextLineFieldDeserializer as BaseTextLineFieldDeserializer
from zope.interface import Invalid
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import TooLong
from zope.schema.interfaces import ValidationError


LINE_MAX = 300
TEXT_MAX = 10000

TITLE_MAX = 255
DESCRIPTION_MAX = 2000
FIELD_LINE_MAX = 500
URL_MAX = 2000
FIELD_TEXT_MAX = 20000
RICH_TEXT_MAX = 200000

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


# Plone's behaviours used by the own types: their fields are shared by every type that has the behaviour, so the
# limits hold for Plone's own types too.
BEHAVIOUR_SCHEMATA = (
    "plone.app.dexterity.behaviors.metadata.IBasic",
    "plone.app.dexterity.behaviors.metadata.ICategorization",
    "plone.app.dexterity.behaviors.metadata.IPublication",
    "plone.app.dexterity.behaviors.metadata.IOwnership",
    "plone.app.dexterity.behaviors.id.IShortName",
    "plone.app.contenttypes.behaviors.richtext.IRichTextBehavior",
    "plone.app.contenttypes.behaviors.leadimage.ILeadImageBehavior",
    "plone.app.versioningbehavior.behaviors.IVersionable",
    "plone.app.event.dx.behaviors.IEventBasic",
    "plone.app.event.dx.behaviors.IEventRecurrence",
    "plone.app.event.dx.behaviors.IEventLocation",
    "plone.app.event.dx.behaviors.IEventAttendees",
    "plone.app.event.dx.behaviors.IEventContact",
)


def limit_for(name, field):
    """The maximum length the portal gives a text field named ``name`` (None for fields that are not text)."""
    from plone.app.textfield.interfaces import IRichText
    from zope.schema.interfaces import IText
    from zope.schema.interfaces import IURI

    if IRichText.providedBy(field):
        return RICH_TEXT_MAX
    if IURI.providedBy(field) or name.endswith("_url"):
        return URL_MAX
    if ITextLine.providedBy(field):
        return TITLE_MAX if name == "title" else FIELD_LINE_MAX
    if IText.providedBy(field):
        return DESCRIPTION_MAX if name == "description" else FIELD_TEXT_MAX
    return None


def text_fields(name, field):
    """(name, field) of ``field`` and the fields inside it (the values of a list, the keys of a dict)."""
    yield name, field
    for part in ("value_type", "key_type"):
        inner = getattr(field, part, None)
        if inner is not None:
            yield from text_fields(name, inner)


def limit_behaviour_fields():
    """Give every text field of ``BEHAVIOUR_SCHEMATA`` the portal's maximum (or keep Plone's, if smaller)."""
    from zope.dottedname.resolve import resolve

    for dotted in BEHAVIOUR_SCHEMATA:
        try:
            schema = resolve(dotted)
        except ImportError:
            continue
        for name, field in getFieldsInOrder(schema):
            for inner_name, inner in text_fields(name, field):
                limit = limit_for(inner_name, inner)
                current = getattr(inner, "max_length", None)
                if limit is not None and (current is None or current > limit):
                    inner.max_length = limit


limit_behaviour_fields()


def _too_long_message(field, request):
    from zope.i18n import translate

    return translate(_(TOO_LONG, mapping={"max": field.max_length}), context=request)


class RichTextFieldDeserializer(BaseRichTextFieldDeserializer):
    """plone.restapi's rich text deserializer, answering an over-long text with 400 for the field (plone.app.textfield
    raises ``Invalid``, which plone.restapi does not expect: it would answer 500)."""

    def __call__(self, value):
        try:
            return super().__call__(value)
        except Invalid as error:
            if isinstance(error, ValidationError):
                raise
            raise ValueError(_too_long_message(self.field, self.request)) from None


class _TooLongInPolish:
    def __call__(self, value):
        try:
            return super().__call__(value)
        except TooLong:
            raise ValueError(_too_long_message(self.field, self.request)) from None


class TextFieldDeserializer(_TooLongInPolish, DefaultFieldDeserializer):
    """plone.restapi's deserializer of text fields, with a Polish message naming the maximum for an over-long value."""


class TextLineFieldDeserializer(_TooLongInPolish, BaseTextLineFieldDeserializer):
    """The same for one-line text fields."""
