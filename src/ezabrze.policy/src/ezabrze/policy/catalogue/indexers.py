"""Catalog indexers of the service catalogue (indexes and metadata in profiles/default/catalog.xml)."""

from DateTime import DateTime
from ezabrze.policy.catalogue.content.service import IService
from ezabrze.policy.catalogue.content.unit import IOrganizationalUnit
from ezabrze.policy.catalogue.vocabularies import AUDIENCES
from ezabrze.policy.catalogue.vocabularies import life_event_categories_items
from ezabrze.policy.catalogue.vocabularies import SUBMISSION_CHANNELS
from ezabrze.policy.catalogue.vocabularies import UNIT_KINDS
from plone import api
from plone.app.textfield.value import IRichTextValue
from plone.base.utils import safe_text
from plone.indexer.decorator import indexer
from Products.CMFCore.utils import getToolByName
from zope.globalrequest import getRequest
from zope.i18n import translate


def _public(obj):
    return obj is not None and api.content.get_state(obj, default=None) in ("published", None)


def _relation_target(relation):
    if relation is None or relation.isBroken():
        return None
    return relation.to_object


def _uid(relation):
    target = _relation_target(relation)
    if target is None:
        raise AttributeError("no relation")  # plone.indexer: do not index
    return target.UID()


def _labels(items, values):
    titles = dict(items)
    request = getRequest()
    return [translate(titles[v], context=request, target_language="pl") for v in values or () if v in titles]


def _plain_text(obj):
    value = getattr(obj, "text", None)
    if not IRichTextValue.providedBy(value) or not value.raw:
        return ""
    transforms = getToolByName(obj, "portal_transforms")
    data = transforms.convertTo("text/plain", safe_text(value.raw), mimetype=value.mimeType)
    return data.getData().strip() if data is not None else ""


def _join(*parts):
    return " ".join(safe_text(p) for p in parts if p)


# Service


@indexer(IService)
def audience(obj):
    return list(obj.audience or ())


@indexer(IService)
def category(obj):
    if not obj.category:
        raise AttributeError("category")
    return obj.category


@indexer(IService)
def responsible_unit_uid(obj):
    return _uid(obj.responsible_unit)


@indexer(IService)
def location_unit_uid(obj):
    return _uid(obj.location_unit)


@indexer(IService)
def responsible_unit_title(obj):
    target = _relation_target(obj.responsible_unit)
    if target is None:
        raise AttributeError("responsible_unit_title")
    return target.Title()


@indexer(IService)
def online_available(obj):
    return obj.online_available()


@indexer(IService)
def suspended(obj):
    return bool(obj.suspended)


@indexer(IService)
def last_review(obj):
    if obj.last_review is None:
        raise AttributeError("last_review")
    return DateTime(obj.last_review.isoformat())


@indexer(IService)
def service_searchable_text(obj):
    """Every text field of the card, so the catalogue's full-text search finds a service by any of them."""
    categories = dict(life_event_categories_items())
    unit = _relation_target(obj.responsible_unit)
    location = _relation_target(obj.location_unit)
    return _join(
        obj.id,
        obj.title,
        obj.description,
        " ".join(_labels(AUDIENCES, obj.audience)),
        categories.get(obj.category),
        obj.eligibility,
        obj.required_documents,
        obj.fee_payment,
        obj.handling_deadline,
        " ".join(_labels(SUBMISSION_CHANNELS, obj.submission_channels)),
        # only public units: the full text must not reveal the name of a private unit
        unit.Title() if _public(unit) else None,
        location.Title() if _public(location) else None,
        obj.legal_basis,
        obj.suspension_reason if obj.suspended else None,
        _plain_text(obj),
        " ".join(obj.Subject()),
    )


# OrganizationalUnit


@indexer(IOrganizationalUnit)
def unit_kind(obj):
    return obj.unit_kind


@indexer(IOrganizationalUnit)
def parent_unit_uid(obj):
    return _uid(obj.parent_unit)


@indexer(IOrganizationalUnit)
def unit_searchable_text(obj):
    return _join(
        obj.id,
        obj.title,
        obj.description,
        " ".join(_labels(UNIT_KINDS, [obj.unit_kind])),
        obj.head_name,
        obj.head_function,
        obj.street,
        obj.postal_code,
        obj.city,
        obj.phone,
        obj.email,
        obj.epuap_box,
        _plain_text(obj),
    )
