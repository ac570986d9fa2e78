"""Helpers shared by the demo content modules (units, services)."""

from plone import api
from plone.app.relationfield.event import update_behavior_relations
from plone.app.textfield.value import RichTextValue
from z3c.relationfield import RelationValue
from z3c.relationfield.event import updateRelations
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import logging


logger = logging.getLogger("ezabrze.policy")


def rich(html):
    return RichTextValue(html.strip(), "text/html", "text/x-html-safe")


def publish(obj):
    """Publish unless already published or the type has no workflow."""
    if api.content.get_state(obj, default=None) not in ("published", None):
        api.content.transition(obj, to_state="published")


def ensure_folder(portal, section_id, folder_id, title, description):
    """The catalogue folder inside a top-level section (created and published when missing)."""
    section = portal[section_id]
    folder = section.get(folder_id)
    if folder is None:
        folder = api.content.create(
            container=section,
            type="Folder",
            id=folder_id,
            title=title,
            description=description,
        )
    publish(folder)
    return folder


def field_values(values):
    """The contract fields as keyword arguments of api.content.create.

    Dexterity's constructor stores every keyword as a plain attribute, so a field the type does not declare
    (yet) is still stored under its contract name instead of being dropped, and the initial CMFEditions
    version already holds the content. `text` becomes a RichTextValue.
    """
    values = dict(values)
    text = values.get("text")
    if isinstance(text, str):
        values["text"] = rich(text) if text.strip() else None
    return values


def _relation(target):
    return RelationValue(getUtility(IIntIds).getId(target))


def set_relation(obj, name, target):
    if target is None:
        logger.warning("%s: target of %s is missing", "/".join(obj.getPhysicalPath()), name)
        return
    setattr(obj, name, _relation(target))


def set_relation_list(obj, name, targets):
    setattr(obj, name, [_relation(target) for target in targets if target is not None])


def finish(obj):
    """Register the relations in the relation catalog, reindex, publish.

    These are the relation handlers an IObjectModifiedEvent would run (z3c.relationfield for schema fields,
    plone.app.relationfield for behavior fields). The event itself is not sent: for a versioned type it would
    store a second CMFEditions version of every freshly created item, which doubles the time the demo profile
    takes, and nothing else listens for the modification of brand-new content.
    """
    updateRelations(obj, None)
    update_behavior_relations(obj, None)
    obj.reindexObject()
    publish(obj)
