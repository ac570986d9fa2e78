"""Eight patches of other packages, each small, idempotent and tested (tests/site/test_patches.py).

1. Work-around for a CPython 3.11 bug (gh-106905): compiling Python ASTs in several threads at once can fail
with "SystemError: AST constructor recursion depth mismatch". Chameleon builds and compiles an AST the first
time each page template is used, so right after a (re)start, concurrent requests could answer 500 for a
template that was never broken. Cooking templates one at a time removes the race; it costs nothing once
templates are compiled (cooking happens once per template and process).
Upstream: https://github.com/python/cpython/issues/106905 (fix: python/cpython#106906, merged November 2023).
Remove when the portal runs on a Python release with that fix and the load check (tests/load) passes without
the patch right after a restart.

2. collective.easyform 5.0: ``EasyFormForm.schema`` is a property that parses the form's XML model anew on
every access, and one submission reads it more than ten times (``updateServerSideData`` alone reads it once
per field), which made parsing a third of the CPU time of a submission. The parsed schema is now kept on
the form view (one view per request, so nothing is shared between requests or threads) as long as the
model text is the same.
Upstream: not reported yet — to be filed at https://github.com/collective/collective.easyform/issues (ask for
the parsed schema to be cached per request, as plone.supermodel models usually are). Remove when an easyform
release caches it; tests/test_patches.py shows whether the property still parses on every access.

3. zope.i18n: of several catalogues of one domain and language, the first registered answers, and
plone.app.locales registers long before this package. Our locales (pl/LC_MESSAGES/plone.po) could add
messages that Plone's Polish catalogue lacks but not correct the ones it has wrong (the search page's
"${number} element(ów) pasuje do podanych kryteriów."). Catalogues from this package's locales folder are
put first, so they win for the messages they hold and every other message comes from Plone's as before.
Upstream: by design (zope.i18n has no priority between catalogues; Plone sites use the same trick through
z3c.jbot-like add-ons); remove when the corrected messages are in a plone.app.locales release.

4. Products.CMFPlone 6.2 icon resolver (``@@iconresolver``): ``tag(name, tag_alt=...)`` writes ``tag_alt`` as the
SVG's <title> untranslated. The status messages pass an i18n message (``statusmessage_mtype_info``) and the form
error box the English "Error", so every Polish status message carried a raw msgid or "Error" as the icon's
accessible name (what a screen reader says). The alternative text is now translated for the request (an i18n
message in its domain, a plain string in the plone domain; text without an entry stays as it is).
Upstream: not reported yet -- to be filed at https://github.com/plone/Products.CMFPlone/issues (icons.py should
translate tag_alt). Remove when a Products.CMFPlone release translates it: test_icon_titles_are_translated in
tests/site/test_patches.py checks the behaviour, not the patch.

5. plone.base 4.0 (``IImagingSchema.highpixeldensity_scales``, Site Setup > Image handling): the vocabulary of
high pixel density modes has plain-string term titles ("Disabled", "Enabled (2x)", "Enabled (2x, 3x)"), which
z3c.form's select widget cannot translate (a plain string has no domain), so the Polish panel showed them in
English. Their titles become messages of the plone domain (Polish in pl/LC_MESSAGES/plone.po); the terms'
values and tokens stay as they are, so the stored setting does not change.
Upstream: not reported yet -- to be filed at https://github.com/plone/plone.base/issues (the titles should be
``_("Enabled (2x)")``). Remove when a plone.base release makes them messages:
test_image_handling_modes_are_translated in tests/site/test_patches.py checks the behaviour, not the patch.

6. plone.app.dexterity 5.0 (browser/fields.py, Site Setup > Content types > a type's Fields tab): the button
"Edit XML Field Model" is made with a plain-string title, which z3c.form cannot translate, so the Polish tab
showed it in English. The button's title becomes a message of the plone domain (Polish in plone.po).
Upstream: not reported yet -- to be filed at https://github.com/plone/plone.app.dexterity/issues (the title
should be ``_("Edit XML Field Model")``). Remove when a plone.app.dexterity release makes it a message:
test_edit_xml_field_model_button_is_translated in tests/site/test_patches.py checks the behaviour.

7. plone.app.portlets 7.0 (portlets/actions.py): the actions portlet's title on the "manage portlets" pages is
``_("Actions portlet") + ' "%s"' % ...``: a message joined to a str is a plain str, so it was never translated
('Actions portlet "site_actions"' on the Polish footer portlets page). The title is now one message with the
portlet's title or category as a mapping (Polish in plone.po).
Upstream: not reported yet -- to be filed at https://github.com/plone/plone.app.portlets/issues. Remove when a
plone.app.portlets release translates the title: test_actions_portlet_title_is_translated in
tests/site/test_patches.py checks the behaviour.

8. plone.app.contentrules 6.0 (actions/notify.py): the Notify action's "Message type" is a Choice made from
``values=("info", "warning", "error")``, so its terms have no title and the Polish form offered the raw values.
The field gets a vocabulary of the same values and tokens with plone-domain titles ("Information", "Warning",
"Error"; Polish in plone.po): stored actions do not change.
Upstream: not reported yet -- to be filed at https://github.com/plone/plone.app.contentrules/issues (the field
should have titled terms). Remove when a plone.app.contentrules release titles them:
test_notify_message_types_are_translated in tests/site/test_patches.py checks the behaviour.
"""

from chameleon.template import BaseTemplate

import functools
import os
import threading


LOCALES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locales") + os.sep


COOK_LOCK = threading.RLock()  # re-entrant: cooking a template may load (and cook) another one


def _serialized(cook):
    @functools.wraps(cook)
    def cook_one_at_a_time(self, *args, **kwargs):
        with COOK_LOCK:
            return cook(self, *args, **kwargs)

    cook_one_at_a_time._ezabrze_serialized = True
    return cook_one_at_a_time


_SCHEMA_KEY = "_ezabrze_parsed_schema"


def _schema_parsed_once_per_view(self):
    from collective.easyform.api import get_schema

    model = getattr(self.context, "fields_model", None)
    cached = self.__dict__.get(_SCHEMA_KEY)
    if cached is not None and cached[0] == model:
        return cached[1]
    schema = get_schema(self.context)
    self.__dict__[_SCHEMA_KEY] = (model, schema)
    return schema


_schema_parsed_once_per_view._ezabrze_patched = True


def _ours_first(register):
    @functools.wraps(register)
    def register_ours_first(self, language, catalog_name):
        register(self, language, catalog_name)
        if str(catalog_name).startswith(LOCALES):
            key = language.split("@")[0]
            names = self._catalogs[key]
            names.remove(catalog_name)
            names.insert(0, catalog_name)

    register_ours_first._ezabrze_patched = True
    return register_ours_first


def _alt_translated(tag):
    @functools.wraps(tag)
    def tag_with_translated_alt(self, name, tag_class="", tag_alt=""):
        if tag_alt:
            from zope.i18n import translate

            tag_alt = translate(tag_alt, domain="plone", context=self.request)
        return tag(self, name, tag_class=tag_class, tag_alt=tag_alt)

    tag_with_translated_alt._ezabrze_patched = True
    return tag_with_translated_alt


def _titles_as_plone_messages(vocabulary):
    """The plain-string term titles of `vocabulary` made messages of the plone domain (idempotent)."""
    from plone.base import PloneMessageFactory
    from zope.i18nmessageid import Message

    for term in vocabulary:
        if isinstance(term.title, str) and not isinstance(term.title, Message):
            term.title = PloneMessageFactory(term.title)


def _button_titled_as_plone_message(buttons, name):
    """The plain-string title of button `name` of `buttons` made a message of the plone domain (idempotent)."""
    from plone.base import PloneMessageFactory
    from zope.i18nmessageid import Message

    button = buttons.get(name)
    if button is not None and not isinstance(button.title, Message):
        button.title = PloneMessageFactory(button.title)


def _actions_portlet_title(self):
    """The actions portlet's title on the "manage portlets" pages, one message (translatable)."""
    from plone.base import PloneMessageFactory

    return PloneMessageFactory(
        'Actions portlet "${title}"', mapping={"title": self.ptitle or self.category}
    )


_actions_portlet_title._ezabrze_patched = True


NOTIFY_MESSAGE_TYPES = {"info": "Information", "warning": "Warning", "error": "Error"}


def _notify_message_types_titled(field):
    """The Notify action's message types with plone-domain titles, same values and tokens (idempotent)."""
    from plone.base import PloneMessageFactory
    from zope.schema.vocabulary import SimpleTerm
    from zope.schema.vocabulary import SimpleVocabulary

    terms = list(field.vocabulary)
    if all(term.title is None and term.value in NOTIFY_MESSAGE_TYPES for term in terms):
        field.vocabulary = SimpleVocabulary(
            [SimpleTerm(term.value, term.token, PloneMessageFactory(NOTIFY_MESSAGE_TYPES[term.value])) for term in terms]
        )


def apply():
    from plone.base.interfaces.controlpanel import IImagingSchema
    from Products.CMFPlone.browser.icons import IconsView
    from zope.i18n.translationdomain import TranslationDomain

    _titles_as_plone_messages(IImagingSchema["highpixeldensity_scales"].vocabulary)
    from plone.app.dexterity.browser.fields import EnhancedSchemaListing

    _button_titled_as_plone_message(EnhancedSchemaListing.buttons, "modeleditor")
    from plone.app.contentrules.actions.notify import INotifyAction

    _notify_message_types_titled(INotifyAction["message_type"])
    from plone.app.portlets.portlets.actions import Assignment as ActionsPortletAssignment

    current = ActionsPortletAssignment.__dict__.get("title")
    if not getattr(getattr(current, "fget", None), "_ezabrze_patched", False):
        ActionsPortletAssignment.title = property(_actions_portlet_title)
    if not getattr(IconsView.tag, "_ezabrze_patched", False):
        IconsView.tag = _alt_translated(IconsView.tag)

    if not getattr(TranslationDomain._registerMessageCatalog, "_ezabrze_patched", False):
        TranslationDomain._registerMessageCatalog = _ours_first(TranslationDomain._registerMessageCatalog)
    if not getattr(BaseTemplate._cook, "_ezabrze_serialized", False):
        BaseTemplate._cook = _serialized(BaseTemplate._cook)
    from collective.easyform.browser.view import EasyFormForm

    current = EasyFormForm.__dict__.get("schema")
    if not getattr(getattr(current, "fget", None), "_ezabrze_patched", False):
        EasyFormForm.schema = property(_schema_parsed_once_per_view)


apply()
