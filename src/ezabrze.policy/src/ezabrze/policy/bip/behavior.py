"""BIP metadata (metryczka, art. 8 ust. 6 of the act on access to public information).

The behavior ``ezabrze.policy.bip`` adds the fields an editor fills in (who prepared the information, who is
responsible for it: a person and a unit). The rest is recorded by the system:

- created (``created()``) and entered by (the creator);
- published and published by: recorded by a subscriber at every ``publish`` transition (annotation), so the
  first publication stays verifiable even if the workflow history is changed later;
- the change register: CMFEditions versions (who, when, change note) plus the names of the fields each version
  changed, computed by comparing consecutive versions (cached in RAM per object and history length). The
  register shows no field values, so it can be public without exposing earlier drafts' content; the versions
  themselves stay behind "CMFEditions: Access previous versions".

``metadata(obj, request)`` returns the whole metryczka as JSON-ready data: the viewlet and the REST service
``@bip-metadata`` both use it.
"""

from Acquisition import aq_base
from DateTime import DateTime
from ezabrze.policy import _
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.app.vocabularies.catalog import StaticCatalogVocabulary
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.dexterity.utils import iterSchemata
from plone.memoize import ram
from plone.namedfile.interfaces import INamed
from plone.supermodel import model
from z3c.relationfield.interfaces import IRelationValue
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate
from zope.interface import provider

import logging


logger = logging.getLogger("ezabrze.policy")

ANNOTATION_KEY = "ezabrze.policy.bip"
PUBLISHING_ENTITY = "Urząd Miejski w Zabrzu"
BEHAVIOR = "ezabrze.policy.bip"
# The office's types that carry the metryczka: declared in their profiles/default/types/*.xml.
BIP_TYPES = ("Document", "News Item", "Event", "Service", "OrganizationalUnit", "Notice")

# Fields never listed in the register (technical or shown elsewhere).
IGNORED_FIELDS = {"changeNote", "id"}


def _unit_vocabulary():
    return StaticCatalogVocabulary(
        {"portal_type": ["OrganizationalUnit"], "sort_on": "sortable_title"},
        title_template="{brain.Title}",
    )


@provider(IFormFieldProvider)
class IBIPMetadata(model.Schema):
    """Metryczka BIP."""

    model.fieldset(
        "bip",
        label=_("BIP metadata"),
        fields=["bip_prepared_by", "bip_prepared_date", "bip_responsible_person", "bip_responsible_unit"],
    )
    bip_prepared_by = schema.TextLine(
        title=_("Information prepared by"),
        description=_("The person or unit that produced the information. Empty: the author of the page."),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    bip_prepared_date = schema.Date(
        title=_("Information prepared on"),
        description=_("Empty: the day the page was created."),
        required=False,
    )
    bip_responsible_person = schema.TextLine(
        title=_("Person responsible for the information"),
        description=_("Name and function, e.g. Anna Kowalska, Naczelnik Wydziału Organizacyjnego."),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    bip_responsible_unit = RelationChoice(
        title=_("Unit responsible for the information"),
        vocabulary=_unit_vocabulary(),
        required=False,
    )
    directives.widget(
        "bip_responsible_unit",
        ContentBrowserFieldWidget,
        pattern_options={"selectableTypes": ["OrganizationalUnit"], "recentlyUsed": True},
    )


# --- publication record ---------------------------------------------------------------------------------------


def _record(obj, create=False):
    annotations = IAnnotations(obj)
    record = annotations.get(ANNOTATION_KEY)
    if record is None and create:
        record = annotations[ANNOTATION_KEY] = PersistentMapping()
    return record


def record_publication(obj, event):
    """IAfterTransitionEvent: who published the item and when (the first and the latest publication)."""
    if event.transition is None or event.new_state.getId() != "published":
        return
    record = _record(obj, create=True)
    actor = api.user.get_current().getId()
    now = DateTime()
    if "first_published" not in record:
        record["first_published"] = now
        record["first_published_by"] = actor
    record["last_published"] = now
    record["last_published_by"] = actor
    if obj.effective_date is None:
        obj.effective_date = now
        obj.reindexObject(idxs=["effective", "EffectiveDate"])


# --- the metryczka ------------------------------------------------------------------------------------------------


def _person(userid):
    if not userid:
        return None
    user = api.user.get(userid=userid)
    fullname = (user.getProperty("fullname") if user is not None else "") or userid
    return {"id": userid, "fullname": fullname}


def _iso(value):
    if value is None:
        return None
    if isinstance(value, DateTime):
        return value.ISO8601()
    return value.isoformat()


def _comparable(value):
    value = aq_base(value) if hasattr(value, "aq_base") else value
    if isinstance(value, RichTextValue):
        return value.raw
    if INamed.providedBy(value):
        return (value.filename, value.getSize())
    if IRelationValue.providedBy(value):
        return value.to_id
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_comparable(v) for v in value]
    return value


def _fields(obj):
    fields = {}
    for iface in iterSchemata(obj):
        for name, field in schema.getFieldsInOrder(iface):
            if name not in IGNORED_FIELDS:
                fields[name] = field
    return fields


def _values(obj, fields):
    values = {}
    adapters = {}
    for name, field in fields.items():
        iface = field.interface
        if iface not in adapters:
            try:
                adapters[iface] = iface(obj, None)
            except Exception:
                adapters[iface] = None
        adapted = adapters[iface]
        try:
            value = field.get(adapted) if adapted is not None else getattr(aq_base(obj), name, None)
            if callable(value):  # a method of the object (e.g. effective), not a stored value
                value = value()
            values[name] = _comparable(value)
        except Exception:  # a field that cannot be read in an old version counts as unchanged
            values[name] = None
    return values


def _changes_key(func, obj):
    history = api.portal.get_tool("portal_archivist").getHistoryMetadata(obj)
    length = history.getLength(countPurged=False) if history else 0
    return (obj.UID(), length, obj.modified().micros())


@ram.cache(_changes_key)
def _changed_field_names(obj):
    """{version_id: [field names changed since the previous version]} (unrestricted: metadata only)."""
    repository = api.portal.get_tool("portal_repository")
    archivist = api.portal.get_tool("portal_archivist")
    history = archivist.getHistoryMetadata(obj)
    if not history:
        return {}
    fields = _fields(obj)
    changes = {}
    previous = None
    for index in range(history.getLength(countPurged=False)):
        version_id = history.getVersionId(index, countPurged=False)
        try:
            version = repository._retrieve(obj, selector=version_id, preserve=(), countPurged=False).object
        except Exception:
            logger.warning("Cannot retrieve version %s of %s", version_id, obj.absolute_url_path())
            previous = None
            changes[version_id] = None
            continue
        values = _values(version, fields)
        if previous is not None:
            changes[version_id] = [name for name in fields if values[name] != previous[name]]
        else:
            changes[version_id] = []
        previous = values
    return changes


def change_register(obj, request):
    """The change register, newest first: version, date, who, change note, titles of the changed fields."""
    archivist = api.portal.get_tool("portal_archivist")
    repository = api.portal.get_tool("portal_repository")
    if not repository.isVersionable(obj):
        return []
    try:
        history = archivist.getHistoryMetadata(obj)
    except Exception:
        return []
    if not history:
        return []
    fields = _fields(obj)
    try:
        changes = _changed_field_names(obj)
    except Exception:
        logger.exception("Cannot compute the changes of %s", obj.absolute_url_path())
        changes = {}
    entries = []
    for index in range(history.getLength(countPurged=False)):
        version_id = history.getVersionId(index, countPurged=False)
        meta = history.retrieve(index, countPurged=False)["metadata"]["sys_metadata"]
        names = changes.get(version_id)
        entries.append(
            {
                "version": version_id,
                "date": DateTime(meta["timestamp"]).ISO8601(),
                "actor": _person(meta.get("principal")),
                "comment": meta.get("comment") or "",
                "changed_fields": None
                if names is None
                else [translate(fields[n].title, context=request) for n in names if n in fields],
            }
        )
    entries.reverse()
    return entries


def metadata(obj, request):
    """The metryczka of ``obj`` as JSON-ready data."""
    behavior = IBIPMetadata(obj, None)
    record = _record(obj) or {}
    from ezabrze.policy.security.authorship import creator

    author = _person(creator(obj))  # from the history, not the editable ``creators``
    unit = None
    relation = getattr(behavior, "bip_responsible_unit", None) if behavior is not None else None
    if relation is None:
        relation = getattr(aq_base(obj), "responsible_unit", None)  # a service card's responsible unit
    target = getattr(relation, "to_object", None) if relation is not None else None
    if target is not None and api.user.has_permission("View", obj=target):
        unit = {"title": target.Title(), "url": target.absolute_url()}
    prepared_date = getattr(behavior, "bip_prepared_date", None) if behavior is not None else None
    state = api.content.get_state(obj, default=None)
    published = record.get("first_published")
    published_by = record.get("first_published_by")
    if published is None:  # published before the record existed: the workflow history tells
        from ezabrze.policy.editorial.workflow import review_history

        for entry in review_history(obj):
            if entry.get("review_state") == "published" and entry.get("action"):
                published, published_by = entry.get("time"), entry.get("actor")
                break
    data = {
        "publishing_entity": PUBLISHING_ENTITY,
        "prepared_by": (getattr(behavior, "bip_prepared_by", None) or (author or {}).get("fullname")),
        "prepared_date": _iso(prepared_date) if prepared_date else _iso(obj.created()),
        "responsible_person": getattr(behavior, "bip_responsible_person", None) if behavior is not None else None,
        "responsible_unit": unit,
        "entered_by": author,
        "created": _iso(obj.created()),
        "published": _iso(published),
        "published_by": _person(published_by),
        "last_published": _iso(record.get("last_published")),
        "last_published_by": _person(record.get("last_published_by")),
        "modified": _iso(obj.modified()),
        "review_state": state,
        "change_register": change_register(obj, request),
    }
    from ezabrze.policy.security.authorship import without_login_ids

    return without_login_ids(data, obj)  # login ids only for those who may edit the item
