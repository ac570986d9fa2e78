from AccessControl import getSecurityManager
from datetime import date
from ezabrze.policy.catalogue.content.unit import WEEKDAYS
from ezabrze.policy.catalogue.restapi.serializers import back_relations
from ezabrze.policy.catalogue.restapi.serializers import visible_target
from ezabrze.policy.catalogue.vocabularies import AUDIENCES
from ezabrze.policy.catalogue.vocabularies import life_event_categories_items
from ezabrze.policy.catalogue.vocabularies import SUBMISSION_CHANNELS
from ezabrze.policy.catalogue.vocabularies import UNIT_KINDS
from ezabrze.policy.utils import anonymous_fragment
from ezabrze.policy.utils import batch_start
from ezabrze.policy.utils import counted
from ezabrze.policy.utils import paginate
from plone import api
from plone.base.utils import munge_search_term
from Products.CMFCore.permissions import ModifyPortalContent
from Products.CMFCore.permissions import ReviewPortalContent
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zExceptions import Unauthorized

import Missing


PAGE_SIZE = 20

FORMATS = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.oasis.opendocument.text": "ODT",
}

POLISH_ALPHABET = "AĄBCĆDEĘFGHIJKLŁMNŃOÓPQRSŚTUVWXYZŹŻ"
OTHER_LETTER = "0–9"


def _v(brain, name):
    value = getattr(brain, name, None)
    return None if value is Missing.Value else value


def polish_date(value):
    return value.strftime("%d.%m.%Y") if value is not None else None


def polish_number(value):
    return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")


def polish_amount(amount):
    if amount is None:
        return None
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",") + " zł"


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class CatalogueMixin:
    """Shared helpers: labels of the vocabularies and visible units, looked up once per view."""

    body_template = None  # the page's content (templates/*_body.pt), outside the main template

    def body(self):
        """The page's content: the same for every anonymous visitor until something is committed, so it is
        kept for them (``anonymous_fragment``, by URL with the query string); logged-in users get it fresh."""
        return anonymous_fragment(self.request, self.context, f"catalogue-body:{self.__name__}",
                                  lambda: self.body_template())

    def audience_titles(self, values):
        titles = dict(AUDIENCES)
        return [titles[v] for v in values or () if v in titles]

    def channel_titles(self, values):
        titles = dict(SUBMISSION_CHANNELS)
        return [titles[v] for v in values or () if v in titles]

    def category_title(self, slug):
        if not hasattr(self, "_categories"):
            self._categories = dict(life_event_categories_items())
        return self._categories.get(slug, slug)

    def units_by_uid(self, uids):
        """{uid: brain} of the units among ``uids`` the current user may see (one catalog query)."""
        uids = [uid for uid in set(uids) if uid]
        if not uids:
            return {}
        return {b.UID: b for b in api.content.find(portal_type="OrganizationalUnit", UID=uids)}

    def cards(self, brains):
        """Listing cards of services from their brains and metadata only."""
        brains = list(brains)
        units = self.units_by_uid(_v(b, "catalogue_responsible_unit_uid") for b in brains)
        cards = []
        for brain in brains:
            unit = units.get(_v(brain, "catalogue_responsible_unit_uid"))
            cards.append(
                {
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "description": brain.Description,
                    "audiences": self.audience_titles(_v(brain, "catalogue_audience")),
                    "category": self.category_title(_v(brain, "catalogue_category")),
                    "online": bool(_v(brain, "catalogue_online_available")),
                    "suspended": bool(_v(brain, "catalogue_suspended")),
                    "unit": {"url": unit.getURL(), "title": unit.Title} if unit is not None else None,
                }
            )
        return cards


class ServiceView(BrowserView, CatalogueMixin):
    """The card of a service: every field, the downloadable forms, the visible related services."""

    body_template = ViewPageTemplateFile("templates/service_body.pt")

    def unit(self, name):
        target = visible_target(getattr(self.context, name))
        if target is None:
            return None
        return {"url": target.absolute_url(), "title": target.Title(), "obj": target}

    def related(self):
        targets = (visible_target(rel) for rel in self.context.related_services or ())
        return [{"url": t.absolute_url(), "title": t.Title(), "description": t.Description()}
                for t in targets if t is not None]

    def files(self):
        brains = api.content.find(
            context=self.context, depth=1, portal_type="File", sort_on="getObjPositionInParent"
        )
        return [
            {
                "url": f"{b.getURL()}/@@download/file",
                "title": b.Title,
                "format": FORMATS.get(_v(b, "mime_type"), ""),
                "size": (_v(b, "getObjSize") or "").replace(".", ","),
            }
            for b in brains
        ]

    def fee(self):
        if self.context.fee_free:
            return None
        return polish_amount(self.context.fee_amount)

    def category(self):
        return self.category_title(self.context.category)

    def documents(self):
        return lines(self.context.required_documents)

    def legal_basis(self):
        return lines(self.context.legal_basis)

    def last_review(self):
        return polish_date(self.context.last_review)

    def online_available(self):
        return self.context.online_available()


class UnitView(BrowserView, CatalogueMixin):
    """A unit: address, opening hours, contact, ePUAP, map link, the services it handles and sub-units."""

    body_template = ViewPageTemplateFile("templates/unit_body.pt")

    def kind(self):
        return dict(UNIT_KINDS).get(self.context.unit_kind)

    def parent(self):
        target = visible_target(self.context.parent_unit)
        return {"url": target.absolute_url(), "title": target.Title()} if target is not None else None

    def hours(self):
        return [
            {"day": label, "hours": getattr(self.context, f"hours_{day}", None)}
            for day, label in WEEKDAYS
        ]

    def phone_href(self):
        phone = "".join(c for c in self.context.phone or "" if c.isdigit() or c == "+")
        return f"tel:{phone}" if phone else None

    def has_coordinates(self):
        return self.context.latitude is not None and self.context.longitude is not None

    def latitude(self):
        return polish_number(self.context.latitude)

    def longitude(self):
        return polish_number(self.context.longitude)

    def map_url(self):
        lat, lon = self.context.latitude, self.context.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"

    def relations(self):
        if not hasattr(self, "_relations"):
            self._relations = back_relations(self.context)
        return self._relations

    def services(self):
        return self.cards(self.relations()[0])

    def sub_units(self):
        return [{"url": b.getURL(), "title": b.Title, "description": b.Description} for b in self.relations()[1]]


class CatalogueListingView(BrowserView, CatalogueMixin):
    """The catalogue of e-services with filters (GET form), full-text search and 20 cards a page."""

    body_template = ViewPageTemplateFile("templates/catalogue_body.pt")

    def found_text(self, number):
        return counted(number, "${count} service found", "${count} services found", self.request)

    def filters(self):
        form = self.request.form

        def one(name):
            value = form.get(name, "")
            if isinstance(value, (list, tuple)):
                value = value[0] if value else ""
            return value.strip() if isinstance(value, str) else ""

        return {
            "SearchableText": one("SearchableText"),
            "audience": one("audience") if one("audience") in dict(AUDIENCES) else "",
            "category": one("category") if one("category") in dict(life_event_categories_items()) else "",
            "unit": one("unit"),
            "online": one("online") in ("1", "on", "true"),
        }

    def query(self):
        filters = self.filters()
        query = {"portal_type": "Service", "sort_on": "sortable_title"}
        if filters["SearchableText"]:
            term = munge_search_term(filters["SearchableText"])
            if term:
                query["SearchableText"] = term
        if filters["audience"]:
            query["catalogue_audience"] = filters["audience"]
        if filters["category"]:
            query["catalogue_category"] = filters["category"]
        if filters["unit"]:
            query["catalogue_responsible_unit_uid"] = filters["unit"]
        if filters["online"]:
            query["catalogue_online_available"] = True
        return query

    def results(self):
        """The cards up to the end of the shown page, sorted (``sort_limit``: the catalog does not sort all
        20,000 cards to show 20); ``total()`` counts every match."""
        if not hasattr(self, "_results"):
            query = self.query()
            query["sort_limit"] = batch_start(self.request) + PAGE_SIZE
            self._results = api.portal.get_tool("portal_catalog")(**query)
        return self._results

    def total(self):
        results = self.results()
        return getattr(results, "actual_result_count", len(results))

    def batch(self):
        if not hasattr(self, "_batch"):
            self._batch = paginate(self.results(), self.request, PAGE_SIZE)
        return self._batch

    def page_cards(self):
        return self.cards(self.batch())

    def is_filtered(self):
        filters = self.filters()
        return any(filters.values())

    def audience_options(self):
        return AUDIENCES

    def category_options(self):
        return life_event_categories_items()

    def unit_options(self):
        """Visible units that are responsible for at least one service."""
        catalog = api.portal.get_tool("portal_catalog")
        uids = list(catalog.uniqueValuesFor("catalogue_responsible_unit_uid"))
        if not uids:
            return []
        return [
            {"uid": b.UID, "title": b.Title}
            for b in api.content.find(portal_type="OrganizationalUnit", UID=uids, sort_on="sortable_title")
        ]

    def url_with(self, **params):
        return f"{self.context.absolute_url()}?{urlencode(params)}"


class AZIndexView(BrowserView, CatalogueMixin):
    """All services grouped by the first letter of their name (Polish alphabet)."""

    @staticmethod
    def letter_of(title):
        first = (title or " ").strip()[:1].upper()
        return first if first in POLISH_ALPHABET else OTHER_LETTER

    def groups(self):
        brains = api.portal.get_tool("portal_catalog")(portal_type="Service", sort_on="sortable_title")
        groups = {}
        for brain in brains:
            groups.setdefault(self.letter_of(brain.Title), []).append(brain)
        order = {letter: i for i, letter in enumerate(POLISH_ALPHABET)}
        letters = sorted(groups, key=lambda letter: order.get(letter, len(order)))
        return [
            {"letter": letter, "anchor": f"litera-{order.get(letter, len(order))}", "cards": self.cards(groups[letter])}
            for letter in letters
        ]

    def letters(self):
        present = {g["letter"]: g["anchor"] for g in self.groups_cached()}
        return [{"letter": letter, "anchor": present.get(letter)} for letter in POLISH_ALPHABET] + (
            [{"letter": OTHER_LETTER, "anchor": present[OTHER_LETTER]}] if OTHER_LETTER in present else []
        )

    def groups_cached(self):
        if not hasattr(self, "_groups"):
            self._groups = self.groups()
        return self._groups


def one_year_before(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


class StaleCardsView(BrowserView, CatalogueMixin):
    """For editors: service cards not reviewed for more than 12 months (or never), oldest first."""

    def __call__(self):
        sm = getSecurityManager()
        if not (sm.checkPermission(ReviewPortalContent, self.context)
                or sm.checkPermission(ModifyPortalContent, self.context)):
            raise Unauthorized("Only editors and reviewers may see the stale cards.")
        return self.index()

    def cutoff(self):
        return one_year_before(date.today())

    def stale(self):
        from DateTime import DateTime

        cutoff = DateTime(self.cutoff().isoformat())
        catalog = api.portal.get_tool("portal_catalog")
        never = [b for b in catalog(portal_type="Service", sort_on="sortable_title") if _v(b, "catalogue_last_review") is None]
        old = catalog(
            portal_type="Service",
            catalogue_last_review={"query": cutoff, "range": "max"},
            sort_on="catalogue_last_review",
            sort_order="ascending",
        )
        old = [b for b in old if _v(b, "catalogue_last_review") is not None and _v(b, "catalogue_last_review") < cutoff]
        units = self.units_by_uid(_v(b, "catalogue_responsible_unit_uid") for b in never + old)
        rows = []
        for brain in never + old:
            unit = units.get(_v(brain, "catalogue_responsible_unit_uid"))
            review = _v(brain, "catalogue_last_review")
            rows.append(
                {
                    "url": brain.getURL(),
                    "edit_url": f"{brain.getURL()}/edit",
                    "title": brain.Title,
                    "last_review": review.strftime("%d.%m.%Y") if review is not None else None,
                    "iso": review.strftime("%Y-%m-%d") if review is not None else "",
                    "unit": unit.Title if unit is not None else None,
                    "state": brain.review_state,
                }
            )
        return rows
