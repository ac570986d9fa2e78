"""GET /@citizen-forms and GET /@citizen-forms/<form id>."""

from ezabrze.policy import _
from ezabrze.policy.cases.browser.views import case_action
from ezabrze.policy.cases.restapi import serializers
from plone import api
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


def citizen_forms():
    """(form, its "Utwórz sprawę" action) of every form the current user may view, by title."""
    catalog = api.portal.get_tool("portal_catalog")
    found = []
    for brain in catalog.searchResults(portal_type="EasyForm", sort_on="sortable_title"):
        form = brain.getObject()
        action = case_action(form)
        if action is not None:
            found.append((form, action))
    return found


def find_form(form_id):
    """(form, action) of the citizen form with this id that the current user may view, or (None, None)."""
    if not isinstance(form_id, str) or not form_id or len(form_id) > 200:
        return None, None
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.searchResults(portal_type="EasyForm", id=form_id):
        form = brain.getObject()
        action = case_action(form)
        if action is not None:
            return form, action
    return None, None


def error(request, status, type_, message, **extra):
    request.response.setStatus(status)
    body = {"type": type_, "message": translate(message, context=request)}
    body.update(extra)
    return {"error": body}


def not_found(request):
    return error(request, 404, "NotFound", _("citizen_form_not_found", default="There is no such form."))


@implementer(IPublishTraverse)
class FormService(Service):
    """A service with one optional path parameter: the form id."""

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self


class CitizenFormsGet(FormService):
    def reply(self):
        if not self.params:
            items = [serializers.summary(form, action) for form, action in citizen_forms()]
            return {"@id": f"{self.context.absolute_url()}/@citizen-forms", "items": items, "items_total": len(items)}
        if len(self.params) > 1:
            return not_found(self.request)
        form, action = find_form(self.params[0])
        if form is None:
            return not_found(self.request)
        return serializers.describe_form(form, action, self.request)
