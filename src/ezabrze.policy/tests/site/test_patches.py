"""The template-cooking lock that works around CPython gh-106905 under concurrent first renders."""

from chameleon.zpt.template import PageTemplate
from ezabrze.policy import patches

import lxml.etree
import threading


def test_cooking_is_serialized():
    from chameleon.template import BaseTemplate

    assert getattr(BaseTemplate._cook, "_ezabrze_serialized", False)
    patches.apply()  # idempotent: not wrapped twice
    assert not getattr(BaseTemplate._cook.__wrapped__, "_ezabrze_serialized", False)


def test_many_threads_render_fresh_templates():
    errors = []

    def render(i):
        try:
            body = "".join(f"<div tal:define='x{j} python: {j} + {i}'>${{x{j}}}</div>" for j in range(40))
            assert str(2 * i) in PageTemplate(body)()
        except Exception as exc:  # noqa: BLE001 -- collected and reported below
            errors.append(repr(exc))

    threads = [threading.Thread(target=render, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_easyform_schema_is_parsed_once_per_view(portal, http_request, monkeypatch):
    from collective.easyform import api as easyform_api
    from collective.easyform.browser.view import EasyFormForm

    easyform = portal.unrestrictedTraverse("dla-mieszkancow/formularze/zglos-problem")
    calls = []
    original = easyform_api.get_schema

    def counting(context):
        calls.append(context)
        return original(context)

    monkeypatch.setattr(easyform_api, "get_schema", counting)
    view = EasyFormForm(easyform, http_request)
    schema = view.schema
    assert "description" in schema
    for _name in schema:
        assert view.schema is schema  # what updateServerSideData does once per field
    assert len(calls) == 1
    # Another request (another view) parses for itself: nothing is shared between requests.
    assert EasyFormForm(easyform, http_request).schema is not schema
    assert len(calls) == 2
    # A changed model is parsed again.
    easyform.fields_model = easyform.fields_model.replace(
        "</schema>",
        "<field name='extra' type='zope.schema.TextLine'><title>Extra</title><required>False</required></field></schema>",
    )
    assert "extra" in view.schema
    assert len(calls) == 3
    patches.apply()  # idempotent: the property is not wrapped twice
    assert EasyFormForm.schema.fget.__name__ == "_schema_parsed_once_per_view"


def test_our_polish_catalogue_of_plone_messages_comes_first(portal):
    from ezabrze.policy import patches
    from zope.component import getUtility
    from zope.i18n import translate
    from zope.i18n.interfaces import ITranslationDomain

    domain = getUtility(ITranslationDomain, "plone")
    assert domain._catalogs["pl"][0].startswith(patches.LOCALES)
    assert len(domain._catalogs["pl"]) > 1  # Plone's own catalogue is still there, behind ours
    # a message Plone's catalogue translates clumsily: ours wins
    text = translate(
        "batch_x_items_matching_your_criteria", domain="plone", mapping={"number": 3}, target_language="pl"
    )
    assert text == "Liczba wyników pasujących do kryteriów: 3"
    # a message only Plone's catalogue has still comes from it
    assert translate("label_search", domain="plone", target_language="pl") == "Szukaj"


def test_icon_titles_are_translated(portal):
    """The status messages' icons carry their type as the SVG title: in Polish, not as a msgid or in English."""
    from ezabrze.policy import patches
    from Products.CMFPlone.browser.icons import IconsView
    from zope.i18nmessageid import MessageFactory
    from zope.publisher.browser import TestRequest

    request = TestRequest(environ={"HTTP_ACCEPT_LANGUAGE": "pl"})
    view = IconsView(portal, request)

    def title(name, alt):
        return lxml.etree.fromstring(view.tag(name, tag_alt=alt)).findtext("{http://www.w3.org/2000/svg}title")

    info = MessageFactory("plone")("statusmessage_mtype_info", default="Info:")
    assert title("plone-statusmessage-info", info) == "Informacja:"
    assert title("plone-statusmessage-error", "Error") == "Błąd"
    assert title("plone-statusmessage-info", "Strona o odpadach") == "Strona o odpadach"
    patches.apply()  # idempotent: not wrapped twice
    assert not getattr(IconsView.tag.__wrapped__, "_ezabrze_patched", False)


def test_image_handling_modes_are_translated(portal):
    """Site Setup > Image handling: the high pixel density modes are Polish; values and tokens stay."""
    from ezabrze.policy import patches
    from plone.base.interfaces.controlpanel import IImagingSchema
    from zope.i18n import translate
    from zope.publisher.browser import TestRequest

    request = TestRequest(environ={"HTTP_ACCEPT_LANGUAGE": "pl"})
    vocabulary = IImagingSchema["highpixeldensity_scales"].vocabulary
    patches.apply()  # idempotent: a message stays the same message
    # what z3c.form's select widget does with a term's title
    titles = {term.token: translate(term.title, context=request, default=term.title) for term in vocabulary}
    assert titles == {"disabled": "Wyłączone", "2x": "Włączone (2x)", "3x": "Włączone (2x, 3x)"}
    assert [term.value for term in vocabulary] == ["disabled", "2x", "3x"]
    assert {term.title.domain for term in vocabulary} == {"plone"}


def test_edit_xml_field_model_button_is_translated():
    """A type's Fields tab: the button to the XML model editor is Polish (z3c.form translates a message)."""
    from ezabrze.policy import patches
    from plone.app.dexterity.browser.fields import EnhancedSchemaListing
    from zope.i18n import translate
    from zope.publisher.browser import TestRequest

    patches.apply()  # idempotent
    title = EnhancedSchemaListing.buttons["modeleditor"].title
    request = TestRequest(environ={"HTTP_ACCEPT_LANGUAGE": "pl"})
    assert translate(title, context=request) == "Edytuj model pól w XML"


def test_actions_portlet_title_is_translated():
    """The "manage portlets" pages: the actions portlet's title is Polish, with its title or category."""
    from ezabrze.policy import patches
    from plone.app.portlets.portlets.actions import Assignment
    from zope.i18n import translate
    from zope.publisher.browser import TestRequest

    patches.apply()  # idempotent: not wrapped twice
    request = TestRequest(environ={"HTTP_ACCEPT_LANGUAGE": "pl"})
    assert translate(Assignment(category="site_actions").title, context=request) == "Portlet akcji „site_actions”"
    assert translate(Assignment(ptitle="Stopka", category="x").title, context=request) == "Portlet akcji „Stopka”"
    assert translate(Assignment(category="site_actions").title) == 'Actions portlet "site_actions"'


def test_notify_message_types_are_translated():
    """Content rules, the Notify action's form: the message types are offered in Polish; values stay."""
    from ezabrze.policy import patches
    from plone.app.contentrules.actions.notify import INotifyAction
    from zope.i18n import translate
    from zope.publisher.browser import TestRequest

    patches.apply()  # idempotent
    vocabulary = INotifyAction["message_type"].vocabulary
    request = TestRequest(environ={"HTTP_ACCEPT_LANGUAGE": "pl"})
    titles = {term.token: translate(term.title, context=request) for term in vocabulary}
    assert titles == {"info": "Informacja", "warning": "Ostrzeżenie", "error": "Błąd"}
    assert [term.value for term in vocabulary] == ["info", "warning", "error"]
    assert INotifyAction["message_type"].default in vocabulary
