"""Small grants (art. 19a) with a frozen clock: the limits (10,000 zł, 90 days, 20,000 zł per organisation per
year), privacy of drafts, the 7-day comment period to the second, the decision after it, refusals stored
nowhere; the permission matrix (anonymous, representatives of NGO A and B, editor, site administrator) × state;
the demo offer in its comment period."""

from datetime import date
from datetime import timedelta
from decimal import Decimal
from ezabrze.ngo.smallgrants import rules
from ezabrze.ngo.smallgrants.setup import folder
from ezabrze.ngo.testing import NOW
from plone import api
from zope.i18n import translate

import pytest


# NOW is Friday 1 October 2027: published within 7 working days (by 12 October), 7 days of comments (to 19
# October), decided the day after: the task may start on 20 October 2027 at the earliest.
START = date(2027, 12, 1)


def pl(message):
    if isinstance(message, list):
        return " | ".join(translate(m, target_language="pl") for m in message)
    return translate(message, target_language="pl")


def fields(grant="5000", other="500", days=30, **extra):
    values = {
        "contact_person": "Jan Kowalski",
        "task_start": START,
        "task_end": START + timedelta(days=days - 1),
        "task_description": "Festyn sąsiedzki.",
        "task_place": "Zabrze, park",
        "expected_results": "200 uczestników.",
        "costs": [{"cost_type": "Nagłośnienie", "unit": "usługa", "unit_cost": str(Decimal(grant) + Decimal(other)),
                   "units": "1", "from_grant": grant, "other": other}],
        "statements": ["non_profit", "no_arrears", "data_true", "personal_data"],
    }
    values.update(extra)
    return values


def refused(status, call_, *args, **kwargs):
    with pytest.raises(rules.SmallGrantError) as info:
        call_(*args, **kwargs)
    assert info.value.status == status
    return pl(info.value.message)


@pytest.fixture
def section(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        return folder()


def published(section, world, login_as, title="Festyn", grant="5000", org="org_a", rep="rep_a"):
    item = rules.create(section, rep, world[org], title, **fields(grant=grant))
    rules.submit(item, rep)
    login_as("editor")
    rules.publish(item)
    return item


def test_limits_of_amount_and_duration(section, world):
    item = rules.create(section, "rep_a", world["org_a"], "Za duży", **fields(grant="10000.01", other="0"))
    message = refused(400, rules.submit, item, "rep_a")
    assert "10000.00 zł" in message or "10\u00a0000" in message or "10000" in message
    rules.update(item, "rep_a", {"costs": fields(grant="10000", other="0")["costs"], "task_end": START + timedelta(days=90)})
    assert (item.task_end - item.task_start).days + 1 == 91
    assert "najwyżej 90 dni (to zadanie: 91)" in refused(400, rules.submit, item, "rep_a")
    assert api.content.get_state(item) == "draft" and item.submitted is None
    rules.update(item, "rep_a", {"task_end": START + timedelta(days=89)})
    rules.submit(item, "rep_a")
    assert api.content.get_state(item) == "submitted" and rules.requested(item) == Decimal("10000.00")


def test_only_a_verified_representative_creates_and_changes(section, world):
    assert refused(403, rules.create, section, "rep_b", world["org_a"], "Cudza", **fields())
    assert refused(403, rules.create, section, "unverified", world["org_a"], "Niezweryfikowany", **fields())
    item = rules.create(section, "rep_a", world["org_a"], "Festyn", **fields())
    assert refused(403, rules.update, item, "rep_b", {"task_place": "x"})
    assert refused(403, rules.submit, item, "rep_b")
    assert refused(400, rules.update, item, "rep_a", {"surprise": 1})


def test_yearly_limit_per_organisation(section, world, login_as):
    first = rules.create(section, "rep_a", world["org_a"], "Pierwszy", **fields(grant="10000", other="0"))
    rules.submit(first, "rep_a")
    second = rules.create(section, "rep_a", world["org_a"], "Drugi", **fields(grant="9000", other="0"))
    rules.submit(second, "rep_a")  # 19,000 pending
    third = rules.create(section, "rep_a", world["org_a"], "Trzeci", **fields(grant="1000.01", other="0"))
    message = refused(409, rules.submit, third, "rep_a")
    assert "najwyżej 20000.00 zł" in message and "19000.00 zł" in message
    # another organisation is not affected
    other = rules.create(section, "rep_b", world["org_b"], "Inny", **fields(grant="10000", other="0"))
    rules.submit(other, "rep_b")
    rules.update(third, "rep_a", {"costs": fields(grant="1000", other="0")["costs"]})
    rules.submit(third, "rep_a")
    assert api.content.get_state(third) == "submitted"


def test_comment_period_to_the_second_and_decision(section, world, login_as, frozen):
    item = published(section, world, login_as)
    assert item.published == NOW and rules.comment_end(item) == NOW + timedelta(days=7)
    login_as("anonymous")
    assert refused(400, rules.comment, item, "", "Treść") == "Podaj swoje imię i nazwisko lub nazwę organizacji."
    assert refused(400, rules.comment, item, "Jan", "  ") == "Wpisz treść uwagi."
    assert refused(400, rules.comment, item, "Jan", "x" * 5001).startswith("Uwaga może mieć najwyżej")
    frozen.set(NOW + timedelta(days=7) - timedelta(seconds=1))
    rules.comment(item, "Jan Nowak", "Dobry pomysł.")
    assert [c["name"] for c in rules.comments(item)] == ["Jan Nowak"]
    login_as("editor")
    assert "po upływie 7 dni" in refused(409, rules.decide, item, "granted", "5000")
    frozen.set(NOW + timedelta(days=7))
    login_as("anonymous")
    assert "tylko w ciągu 7 dni" in refused(409, rules.comment, item, "Jan", "Za późno.")
    login_as("editor")
    assert refused(400, rules.decide, item, "refused", reason=" ") == "Podaj przyczynę odmowy."
    assert "nie większa niż wnioskowane 5000.00 zł" in refused(400, rules.decide, item, "granted", "5000.01")
    assert refused(400, rules.decide, item, "granted", "abc") == "Kwota nie jest liczbą."
    assert refused(400, rules.decide, item, "maybe") == "Decyzja to przyznanie albo odmowa."
    assert item.decision is None and api.content.get_state(item) == "published"
    rules.decide(item, "granted", "4500,50", actor="editor")
    assert api.content.get_state(item) == "granted" and rules.granted(item) == Decimal("4500.50")
    assert refused(409, rules.decide, item, "refused", reason="x")


def test_staff_only_publish_and_decide(section, world, login_as, frozen):
    item = rules.create(section, "rep_a", world["org_a"], "Festyn", **fields())
    rules.submit(item, "rep_a")
    for who in ("rep_a", "rep_b", "resident"):
        login_as(who)
        assert refused(403, rules.publish, item) == "Oferty małych grantów publikują i rozpatrują tylko pracownicy urzędu."
    login_as("editor")
    rules.publish(item)
    frozen.set(NOW + timedelta(days=8))
    login_as("rep_a")
    assert refused(403, rules.decide, item, "granted", "100")


def test_granted_amounts_count_in_the_year_of_the_decision(section, world, login_as, frozen):
    first = published(section, world, login_as, "Pierwszy", grant="10000")
    second = published(section, world, login_as, "Drugi", grant="9000")
    frozen.set(NOW + timedelta(days=8))
    rules.decide(first, "granted", "10000")
    assert rules.used_in_year(world["org_a"].UID(), NOW.year, pending=False) == Decimal("10000.00")
    rules.decide(second, "granted", "9000")
    third = published(section, world, login_as, "Trzeci", grant="1000")
    frozen.set(NOW + timedelta(days=16))
    rules.decide(third, "granted", "1000")
    assert rules.used_in_year(world["org_a"].UID(), NOW.year, pending=False) == Decimal("20000.00")
    fourth = rules.create(section, "rep_a", world["org_a"], "Czwarty", **fields(grant="100", other="10"))
    assert "20000.00 zł" in refused(409, rules.submit, fourth, "rep_a")


MATRIX_USERS = ("anonymous", "rep_a", "rep_b", "resident", "editor", "site_admin")
VIEW = {
    "draft": {"rep_a"},
    "submitted": {"rep_a", "editor", "site_admin"},
    "published": set(MATRIX_USERS),
    "granted": set(MATRIX_USERS),
}


def test_permission_matrix(section, world, login_as, frozen, portal):
    item = rules.create(section, "rep_a", world["org_a"], "Festyn", **fields())
    states = {}

    def snapshot(name):
        states[name] = {}
        for who in MATRIX_USERS:
            login_as(who)
            from zope.annotation.interfaces import IAnnotations

            annotations = IAnnotations(portal.REQUEST)
            for key in [key for key in annotations if "borg.localrole" in str(key)]:
                del annotations[key]
            states[name][who] = (
                api.user.has_permission("View", obj=item),
                api.user.has_permission("Modify portal content", obj=item),
                bool(api.content.find(UID=item.UID())),
            )
        login_as("test-user")

    snapshot("draft")
    rules.submit(item, "rep_a")
    snapshot("submitted")
    login_as("editor")
    rules.publish(item)
    snapshot("published")
    frozen.set(NOW + timedelta(days=7))
    login_as("editor")
    rules.decide(item, "granted", "5000")
    snapshot("granted")
    for state_name, expected in VIEW.items():
        for who in MATRIX_USERS:
            view, modify, found = states[state_name][who]
            assert view is (who in expected), (state_name, who)
            assert found is (who in expected), (state_name, who)  # listings and search follow View
            assert modify is (state_name == "draft" and who == "rep_a"), (state_name, who)


def test_demo_small_grant_in_its_comment_period(portal):
    from plone.app.testing import applyProfile

    with api.env.adopt_roles(["Manager"]):
        applyProfile(portal, "ezabrze.ngo:demo")
        applyProfile(portal, "ezabrze.ngo:demo")
    section = portal["organizacje-pozarzadowe"]["male-granty"]
    items = [obj for obj in section.objectValues() if obj.portal_type == "SmallGrant"]
    assert len(items) == 1
    item = items[0]
    assert api.content.get_state(item) == "published" and rules.commenting(item)
    assert rules.requested(item) == Decimal("6600.00") and rules.problems(item) == []
    assert len(rules.comments(item)) == 1


def test_task_start_after_publication_and_comment_period(section, world):
    from ezabrze.ngo import clock

    assert clock.add_working_days(date(2027, 10, 29), 1) == date(2027, 11, 2)  # 1 November is a holiday
    assert rules.earliest_start(NOW) == date(2027, 10, 20)
    item = rules.create(section, "rep_a", world["org_a"], "Za wcześnie", **fields())
    rules.update(item, "rep_a", {"task_start": date(2027, 10, 19), "task_end": date(2027, 10, 30)})
    message = refused(400, rules.submit, item, "rep_a")
    assert "najwcześniej 20.10.2027" in message
    assert api.content.get_state(item) == "draft" and item.submitted is None
    rules.update(item, "rep_a", {"task_start": date(2027, 10, 20)})
    rules.submit(item, "rep_a")
    assert api.content.get_state(item) == "submitted"


def test_moderation_of_comments_by_persona(section, world, login_as, frozen):
    """Only the city staff hide and restore a comment, with a reason; hidden comments leave the public list and
    the public JSON, every change is logged; refusals change nothing."""
    from ezabrze.ngo.smallgrants.restapi.serializers import small_grant_json

    item = published(section, world, login_as)
    login_as("anonymous")
    first = rules.comment(item, "Jan Nowak", "Pan X to złodziej, tel. 600 100 200.")
    rules.comment(item, "Anna", "Popieram.")
    for who in ("anonymous", "resident", "rep_a", "rep_b"):
        login_as(who)
        assert refused(403, rules.moderate, item, first["id"], "hide", "Dane osobowe") \
            == "Oferty małych grantów publikują i rozpatrują tylko pracownicy urzędu."
        assert rules.may_moderate(item) is False
    for who in ("editor", "site_admin"):
        login_as(who)
        assert rules.may_moderate(item) is True
    login_as("editor")
    assert refused(400, rules.moderate, item, first["id"], "hide", "  ") == "Podaj powód decyzji moderatora."
    assert refused(400, rules.moderate, item, first["id"], "delete", "x").startswith("Moderacja polega")
    assert refused(404, rules.moderate, item, "nope", "hide", "x") == "Nie ma takiej uwagi."
    assert refused(409, rules.moderate, item, first["id"], "restore", "x") == "Uwaga nie jest ukryta."
    assert rules.moderation_log(item) == [] and len(rules.comments(item)) == 2
    rules.moderate(item, first["id"], "hide", "Dane osobowe i zniesławienie", "editor")
    assert refused(409, rules.moderate, item, first["id"], "hide", "x") == "Uwaga jest już ukryta."
    assert [c["name"] for c in rules.comments(item)] == ["Anna"]
    assert [c["name"] for c in rules.comments(item, include_hidden=True)] == ["Jan Nowak", "Anna"]
    staff_json = small_grant_json(item, "editor")
    assert [c["hidden"] for c in staff_json["comments"]] == [True, False]
    assert staff_json["moderation_log"][0]["reason"] == "Dane osobowe i zniesławienie"
    login_as("anonymous")
    public = small_grant_json(item)
    assert [c["name"] for c in public["comments"]] == ["Anna"] and "moderation_log" not in public
    assert "600 100 200" not in str(public)
    login_as("site_admin")
    rules.moderate(item, first["id"], "restore", "Autor usunął dane", "site_admin")
    assert [c["name"] for c in rules.comments(item)] == ["Jan Nowak", "Anna"]
    assert [(e["action"], e["actor"]) for e in rules.moderation_log(item)] == [("hide", "editor"),
                                                                              ("restore", "site_admin")]


def test_text_fields_have_maximum_lengths(section, world):
    from ezabrze.policy.security.limits import FIELD_LINE_MAX
    from ezabrze.policy.security.limits import FIELD_TEXT_MAX

    too_long = fields(contact_person="x" * (FIELD_LINE_MAX + 1))
    assert "najwyżej" in refused(400, rules.create, section, "rep_a", world["org_a"], "Długi", **too_long)
    assert not [obj for obj in section.objectValues() if obj.title == "Długi"]  # nothing stored
    item = rules.create(section, "rep_a", world["org_a"], "Krótki", **fields())
    message = refused(400, rules.update, item, "rep_a", {"task_place": "x" * (FIELD_TEXT_MAX + 1),
                                                         "task_description": "Zmienione"})
    assert f"najwyżej {FIELD_TEXT_MAX} znaków" in message
    assert item.task_description == "Festyn sąsiedzki." and item.task_place == "Zabrze, park"
