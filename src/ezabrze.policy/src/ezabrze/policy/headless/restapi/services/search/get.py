"""GET @search: plone.restapi's search, with two answers fixed so that clients always get what the contract says.

* An empty full-text query (``SearchableText=`` or ``*``) made plone.restapi 10 answer a bare list ``[]``
  instead of a result object; now it is an empty result object (``items``, ``items_total``).
* A value an index cannot take (``catalogue_online_available=abc``) raised QueryParsingError — a 500; now 400
  with the reason.
"""

from ezabrze.policy import _
from plone.restapi.exceptions import QueryParsingError
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.services.search.get import SearchGet as BaseSearchGet
from zope.component import getMultiAdapter
from zope.i18n import translate
from ZTUtils.Lazy import LazyCat


BAD_QUERY = _("search_bad_query", default="The search query cannot be read: ${reason}")


class SearchGet(BaseSearchGet):
    def reply(self):
        try:
            result = super().reply()
        except QueryParsingError as exc:
            self.request.response.setStatus(400)
            message = translate(BAD_QUERY, context=self.request, mapping={"reason": str(exc)})
            return {"error": {"type": "BadRequest", "message": message}}
        if isinstance(result, list) and not result:
            return getMultiAdapter((LazyCat([]), self.request), ISerializeToJson)(fullobjects=False)
        return result
