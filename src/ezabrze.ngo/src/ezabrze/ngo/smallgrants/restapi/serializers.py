"""JSON of small grants: the public part (the offer once published, its comments, the decision) and, for the
applicant and the staff, the submission details."""

from ezabrze.ngo import clock
from ezabrze.ngo.competitions import MANAGE_PERMISSION
from ezabrze.ngo.competitions.offers import _plain
from ezabrze.ngo.competitions.offers import acts_for
from ezabrze.ngo.smallgrants import rules
from plone import api


def _date(value):
    return clock.utc(value).isoformat() if value else None


def small_grant_json(item, userid=None):
    org = rules.organization(item)
    data = {
        "@id": item.absolute_url(),
        "id": item.getId(),
        "title": item.title,
        "state": rules.grant_state(item),
        "organization": org.title if org is not None else None,
        "requested": _plain(rules.requested(item)),
        "submitted": _date(item.submitted),
        "published": _date(item.published),
        "comments_until": _date(rules.comment_end(item)),
        "accepting_comments": rules.commenting(item),
        "comments": [{"id": c["id"], "date": _date(c["date"]), "name": c["name"], "text": c["text"]}
                     for c in rules.comments(item)],
        "decision": None,
    }
    for name in rules.FIELDS:
        data[name] = _plain(getattr(item, name, None))
    if item.decision:
        data["decision"] = {"result": item.decision["result"], "amount": _plain(item.decision["amount"]),
                            "reason": item.decision["reason"], "date": _date(item.decision["date"])}
    if (userid and acts_for(userid, item.organization_uid)) or api.user.has_permission(MANAGE_PERMISSION, obj=item):
        data["submitted_by"] = item.submitted_by
    if rules.may_moderate(item):
        data["comments"] = [{"id": c["id"], "date": _date(c["date"]), "name": c["name"], "text": c["text"],
                             "hidden": bool(c.get("hidden"))} for c in rules.comments(item, include_hidden=True)]
        data["moderation_log"] = [{"date": _date(e["date"]), "comment": e["comment"], "action": e["action"],
                                   "reason": e["reason"], "actor": e["actor"]} for e in rules.moderation_log(item)]
    return data
