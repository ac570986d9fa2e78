"""Who really wrote an item: from the records the system keeps, never from the editable ``creators`` field.

* the creator: the actor of the workflow history's first entry (written by the workflow tool when the item
  was added), else the item's owner;
* the editors: the principals of the item's CMFEditions versions (every saved edit of a versioned type).

The four-eyes rule (ezabrze.policy.editorial) and the BIP metadata (entered by) use these; a ``PATCH`` of
``creators`` changes neither.
"""

from Acquisition import aq_base
from plone import api


def creator(obj):
    """User id of the person who added ``obj`` (workflow history, else the owner), or None."""
    history = getattr(aq_base(obj), "workflow_history", None) or {}
    first = None
    for entries in history.values():
        for entry in entries[:1]:
            if entry.get("actor") and (first is None or entry.get("time") < first.get("time")):
                first = entry
    if first is not None:
        return first["actor"]
    owner = obj.getOwnerTuple() if hasattr(obj, "getOwnerTuple") else None
    return owner[1] if owner else None


def editors(obj):
    """User ids of everybody who saved a version of ``obj`` (empty for types without versioning)."""
    repository = api.portal.get_tool("portal_repository")
    if not repository.isVersionable(obj):
        return set()
    try:
        history = api.portal.get_tool("portal_archivist").getHistoryMetadata(obj)
    except Exception:  # no history yet
        return set()
    if not history:
        return set()
    result = set()
    for index in range(history.getLength(countPurged=False)):
        meta = history.retrieve(index, countPurged=False)["metadata"]["sys_metadata"]
        if meta.get("principal"):
            result.add(meta["principal"])
    return result


def authors(obj):
    """Everybody who created or edited ``obj``."""
    result = editors(obj)
    first = creator(obj)
    if first:
        result.add(first)
    return result


STAFF_LABEL = "Pracownik Urzędu Miejskiego w Zabrzu"


def without_login_ids(data, obj):
    """The BIP metadata of ``obj`` as visitors may see it: people by name, never by login id.

    Those who may edit the item keep the ids (the editorial tools use them)."""
    if api.user.has_permission("Modify portal content", obj=obj):
        return data

    def person(value):
        if not isinstance(value, dict) or "id" not in value:
            return value
        fullname = value.get("fullname")
        return {"fullname": STAFF_LABEL if not fullname or fullname == value["id"] else fullname}

    result = {key: person(value) for key, value in data.items()}
    entered = data.get("entered_by") or {}
    if entered.get("id") and data.get("prepared_by") == entered["id"]:  # no full name: the login id
        result["prepared_by"] = STAFF_LABEL
    result["change_register"] = [
        {key: person(value) for key, value in entry.items()} for entry in data.get("change_register") or ()
    ]
    return result
