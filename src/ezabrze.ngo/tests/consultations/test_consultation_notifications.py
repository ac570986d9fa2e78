"""Notifications to organizations following areas (at once or daily digest), to authors when answered, and the
unsubscribe links that work without login. Messages are caught where they are handed to the after-commit
sender (the real SMTP delivery of that sender is tested in ezabrze.policy)."""

from datetime import timedelta
from ezabrze.ngo.consultations import notifications
from ezabrze.ngo.consultations import remarks as remarks_api
from ezabrze.ngo.consultations import state
from ezabrze.ngo.consultations.setup import folder
from ezabrze.ngo.testing import make_consultation
from ezabrze.ngo.testing import NOW
from plone import api
from plone.protect.authenticator import createToken

import pytest
import re


@pytest.fixture
def outbox(monkeypatch):
    sent = []
    monkeypatch.setattr("ezabrze.ngo.mail.after_commit", lambda *messages: sent.extend(m for m in messages if m))
    return sent


@pytest.fixture
def consultation(portal, world, frozen):
    with api.env.adopt_roles(["Manager"]):
        world["org_a"].email = "a@example.org"
        world["org_b"].email = "b@example.org"
        return make_consultation(folder(), NOW + timedelta(hours=1), NOW + timedelta(days=8),
                                 areas=["sport", "culture"])


def test_immediate_and_digest(consultation, world, frozen, outbox):
    sub_a = notifications.subscribe(world["org_a"], ["sport"], notifications.IMMEDIATE)
    notifications.subscribe(world["org_b"], ["culture"], notifications.DIGEST)
    notifications.subscribe(api.content.get(path="/organizacje-pozarzadowe/organizacje/org-a"), ["sport"],
                            notifications.IMMEDIATE)  # the same organization: changed, not doubled
    assert len(notifications.subscriptions()) == 2
    frozen.set(NOW + timedelta(hours=2))  # 16:00 in Warsaw
    state.sync()
    # opened: A at once, B queued and sent in the digest of the same tick (after 7:00, none sent today)
    assert [m["To"] for m in outbox] == ["a@example.org", "b@example.org"]
    assert "rozpoczęły się" in outbox[0].get_content() and "Program 2027" in outbox[0].get_content()
    assert f"@@wypisz-powiadomienia?token={sub_a.token}" in outbox[0].get_content()
    assert outbox[1]["Subject"] == "Konsultacje: dzienne podsumowanie"
    outbox.clear()
    frozen.set(NOW + timedelta(days=5, hours=1))  # 3 days before the end
    state.sync()
    state.sync()
    assert [m["To"] for m in outbox] == ["a@example.org", "b@example.org"]  # once each
    assert "za 3 dni" in outbox[0].get_content()
    outbox.clear()
    frozen.set(NOW + timedelta(days=5, hours=2))
    state.sync()
    assert outbox == []  # B's digest: one a day


def test_areas_not_followed_get_nothing(consultation, world, frozen, outbox):
    notifications.subscribe(world["org_a"], ["health"], notifications.IMMEDIATE)
    frozen.set(NOW + timedelta(hours=2))
    state.sync()
    assert outbox == []


def test_unsubscribe_without_login(consultation, world, portal, frozen, outbox, login_as):
    sub = notifications.subscribe(world["org_a"], ["sport"], notifications.IMMEDIATE)
    login_as("anonymous")
    request = portal.REQUEST
    request.form.update({"token": sub.token})
    assert "Wypisz" in portal.restrictedTraverse("@@wypisz-powiadomienia")()
    request.method = "POST"
    request.form["_authenticator"] = createToken()
    html = portal.restrictedTraverse("@@wypisz-powiadomienia")()
    assert "nie będziesz" in html.lower() or "Nie będziesz" in html
    assert notifications.subscriptions() == {} or len(notifications.subscriptions()) == 0
    frozen.set(NOW + timedelta(hours=2))
    state.sync()
    assert outbox == []


def test_author_answer_mail_and_opt_out(consultation, world, portal, frozen, outbox, login_as):
    from ezabrze.ngo.consultations.mail import answer_published

    frozen.set(NOW + timedelta(hours=2))
    login_as("rep_a")
    remark = remarks_api.add(consultation, {"unit_id": "par-1", "justification": "Uwaga."})
    login_as("staff")
    remarks_api.prepare_answer(consultation, remark.id, "rejected", "Nie.")
    message = answer_published(consultation, remark)
    link = re.search(r"(@@wypisz-powiadomienia\?u=rep_a&sig=\w+)", message.get_content()).group(1)
    sig = link.rsplit("=", 1)[1]
    assert not notifications.opt_out_author("rep_a", "zly")
    assert notifications.opt_out_author("rep_a", sig)
    assert answer_published(consultation, remark) is None


def test_follow_page_for_representatives_only(consultation, world, portal, login_as):
    from zExceptions import Unauthorized

    org = world["org_a"]
    for persona in ("anonymous", "rep_b", "unverified", "resident"):
        login_as(persona)
        with pytest.raises(Unauthorized):
            org.restrictedTraverse("@@obserwuj")()
    login_as("rep_a")
    request = portal.REQUEST
    request.method = "POST"
    request.form.update({"areas": ["sport", "zle"], "mode": "digest", "_authenticator": createToken()})
    org.restrictedTraverse("@@obserwuj")()
    sub = notifications.subscription_of(org)
    assert sub.areas == ("sport",) and sub.mode == "digest"
