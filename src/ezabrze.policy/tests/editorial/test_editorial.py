"""Editorial workflow: states, required send-back reason, four eyes, control panel, "my work"."""

from datetime import date
from ezabrze.policy.editorial import workflow as editorial
from ezabrze.policy.testing.personas import create_personas
from ezabrze.policy.testing.personas import PASSWORD
from plone import api
from plone.app.testing import logout
from plone.protect.authenticator import createToken
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.statusmessages.interfaces import IStatusMessage
from zope.component import getMultiAdapter

import pytest
import transaction


REASON_MESSAGE = "Podaj powód odesłania"


def _wf():
    return api.portal.get_tool("portal_workflow")


@pytest.mark.parametrize("type_", ["Document", "News Item", "Event", "Service", "OrganizationalUnit", "Notice"])
def test_office_types_use_the_editorial_workflow(portal, type_):
    assert _wf().getChainForPortalType(type_) == ("ezabrze_editorial_workflow",)


def test_editorial_states_and_transitions(portal):
    workflow = _wf()["ezabrze_editorial_workflow"]
    assert set(workflow.states.objectIds()) == {"private", "pending", "published", "archived"}
    assert workflow.states["private"].transitions == ("submit", "publish")
    assert set(workflow.states["pending"].transitions) == {"publish", "reject", "withdraw"}
    assert set(workflow.states["published"].transitions) == {"retract", "archive"}


def test_structure_sections_stay_published_and_intranet_private(portal):
    for id_ in ("dla-mieszkancow", "aktualnosci", "rady-dzielnic", "strategia-e-zabrze"):
        assert api.content.get_state(portal[id_]) == "published"
    assert api.content.get_state(portal["intranet"]) == "private"
    strategy = portal["strategia-e-zabrze"]["strategia-2020"]
    for page in (strategy, strategy["infrastruktura"]):
        assert _wf().getChainFor(page) == ("ezabrze_editorial_workflow",)
        assert api.content.get_state(page) == "published"


@pytest.fixture
def users(portal):
    create_personas()
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="r2@um.zabrze.pl", username="reviewer2", password=PASSWORD,
                        properties={"fullname": "Rita Recenzentka"})
        api.user.grant_roles(username="reviewer2", roles=["Reviewer"])
        # the reviewer also writes news: the four-eyes rule matters for people with both roles
        api.user.grant_roles(username="reviewer", obj=portal["aktualnosci"], roles=["Contributor", "Editor"])


def _news(portal, username, id_="wiadomosc", type_="News Item"):
    with api.env.adopt_user(username=username):
        item = api.content.create(container=portal["aktualnosci"], type=type_, id=id_, title="Nowy wniosek")
    return item


def _pending(portal, username="editor", **kw):
    item = _news(portal, username, **kw)
    with api.env.adopt_user(username=username):
        api.content.transition(item, transition="submit", comment="Proszę o publikację.")
    return item


# --------------------------------------------------------------------------- send back with a reason


def test_send_back_without_reason_is_refused_in_polish(portal, users):
    item = _pending(portal)
    with api.env.adopt_user(username="reviewer"):
        with pytest.raises(WorkflowException) as error:
            _wf().doActionFor(item, "reject")
        assert REASON_MESSAGE in str(error.value)
        with pytest.raises(WorkflowException):
            _wf().doActionFor(item, "reject", comment="   ")
    assert api.content.get_state(item) == "pending"


def test_send_back_with_reason_returns_the_item_to_its_author(portal, users):
    item = _pending(portal)
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(item, transition="reject", comment="Brakuje daty wydarzenia.")
    assert api.content.get_state(item) == "private"
    rejection = editorial.last_rejection(item)
    assert rejection["comments"] == "Brakuje daty wydarzenia." and rejection["actor"] == "reviewer"


def test_every_transition_keeps_its_comment(portal, users):
    item = _pending(portal)
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(item, transition="publish", comment="OK, publikuję.")
        api.content.transition(item, transition="archive", comment="Nieaktualne.")
    comments = [entry["comments"] for entry in editorial.review_history(item)]
    assert comments[-3:] == ["Proszę o publikację.", "OK, publikuję.", "Nieaktualne."]


def test_send_back_in_the_classic_ui_without_reason_shows_the_polish_error(portal, users, http_request):
    item = _pending(portal)
    with api.env.adopt_user(username="reviewer"):
        http_request.form["_authenticator"] = createToken()
        view = getMultiAdapter((item, http_request), name="content_status_modify")
        view(workflow_action="reject")
        messages = [m.message for m in IStatusMessage(http_request).show()]
    assert http_request.response.getHeader("location").endswith("/@@zwroc-do-poprawy")
    assert any(REASON_MESSAGE in m for m in messages)
    assert api.content.get_state(item) == "pending"
    transaction.abort()


def test_send_back_form(portal, users, http_request):
    item = _pending(portal)
    with api.env.adopt_user(username="reviewer"):
        http_request.method = "POST"
        http_request.form.update({"_authenticator": createToken(), "form.buttons.send_back": "1", "reason": ""})
        form = getMultiAdapter((item, http_request), name="send-back")
        html = form()
        assert REASON_MESSAGE in html and 'aria-invalid="true"' in html
        assert api.content.get_state(item) == "pending"
        http_request.form["reason"] = "Dodaj zdjęcie."
        getMultiAdapter((item, http_request), name="send-back")()
    assert api.content.get_state(item) == "private"
    assert editorial.last_rejection(item)["comments"] == "Dodaj zdjęcie."


def test_send_back_menu_entry_opens_the_reason_form(portal, users):
    item = _pending(portal)
    with api.env.adopt_user(username="reviewer"):
        actions = {a["id"]: a["url"] for a in _wf().listActionInfos(object=item)}
    assert actions["reject"].endswith("/@@zwroc-do-poprawy")


# --------------------------------------------------------------------------- four eyes


def test_author_cannot_publish_own_news_item(portal, users):
    item = _pending(portal, username="reviewer")
    with api.env.adopt_user(username="reviewer"):
        assert "publish" not in {t["id"] for t in _wf().getTransitionsFor(item)}
        with pytest.raises(api.exc.InvalidParameterError):
            api.content.transition(item, transition="publish")
    with api.env.adopt_user(username="reviewer2"):
        api.content.transition(item, transition="publish", comment="Sprawdzone.")
    assert api.content.get_state(item) == "published"


def test_four_eyes_off_in_the_registry_lets_the_author_publish(portal, users):
    api.portal.set_registry_record("ezabrze.policy.editorial.four_eyes_enabled", False)
    item = _pending(portal, username="reviewer")
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(item, transition="publish")
    assert api.content.get_state(item) == "published"


def test_four_eyes_applies_only_to_the_listed_types(portal, users):
    assert api.portal.get_registry_record("ezabrze.policy.editorial.four_eyes_types") == ["Service", "News Item"]
    page = _pending(portal, username="reviewer", id_="strona", type_="Document")
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(page, transition="publish")
    assert api.content.get_state(page) == "published"
    api.portal.set_registry_record("ezabrze.policy.editorial.four_eyes_types", ["Document"])
    page2 = _pending(portal, username="reviewer", id_="strona2", type_="Document")
    with api.env.adopt_user(username="reviewer"):
        assert "publish" not in {t["id"] for t in _wf().getTransitionsFor(page2)}


def test_four_eyes_on_service_cards(portal, users):
    folder = portal["dla-mieszkancow"]["uslugi"]
    api.user.grant_roles(username="reviewer", obj=folder, roles=["Contributor"])
    with api.env.adopt_user(username="reviewer"):
        service = api.content.create(container=folder, type="Service", id="karta", title="Karta usługi")
        api.content.transition(service, transition="submit")
        assert "publish" not in {t["id"] for t in _wf().getTransitionsFor(service)}
    with api.env.adopt_user(username="reviewer2"):
        assert "publish" in {t["id"] for t in _wf().getTransitionsFor(service)}


def test_administrators_are_exempt(portal, users):
    with api.env.adopt_roles(["Manager"]):
        item = api.content.create(container=portal["aktualnosci"], type="News Item", id="admin", title="A")
        api.content.transition(item, transition="publish")
    assert api.content.get_state(item) == "published"


# --------------------------------------------------------------------------- REST


@pytest.fixture
def rest_users(functional_portal):
    create_personas()
    with api.env.adopt_roles(["Manager"]):
        api.user.create(email="r2@um.zabrze.pl", username="reviewer2", password=PASSWORD)
        api.user.grant_roles(username="reviewer2", roles=["Reviewer"])
        api.user.grant_roles(username="reviewer", obj=functional_portal["aktualnosci"],
                             roles=["Contributor", "Editor"])
        with api.env.adopt_user(username="reviewer"):
            item = api.content.create(container=functional_portal["aktualnosci"], type="News Item", id="rest",
                                      title="Przez REST")
            api.content.transition(item, transition="submit")
    transaction.commit()
    return item


def _session(request_factory, username):
    return request_factory(basic_auth=(username, PASSWORD))


def test_rest_send_back_needs_a_reason(request_factory, rest_users):
    session = _session(request_factory, "reviewer2")
    response = session.post("/aktualnosci/rest/@workflow/reject", json={})
    assert response.status_code == 400
    assert REASON_MESSAGE in response.json()["error"]["message"]
    response = session.post("/aktualnosci/rest/@workflow/reject", json={"comment": "Za krótki tekst."})
    assert response.status_code == 200
    assert response.json()["review_state"] == "private"
    assert response.json()["comments"] == "Za krótki tekst."


def test_rest_four_eyes(request_factory, rest_users):
    response = _session(request_factory, "reviewer").post("/aktualnosci/rest/@workflow/publish", json={})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "WorkflowException" and error["reason"] == "four-eyes"
    assert error["message"] == (
        "Zasada czterech oczu: nie możesz opublikować treści, której jesteś autorem. "
        "Opublikować ją musi inny recenzent."
    )
    # Other refusals keep plone.restapi's answer: an editor (not the author) may not publish at all.
    response = _session(request_factory, "editor").post("/aktualnosci/rest/@workflow/publish", json={})
    assert response.status_code in (400, 401, 403)
    assert "Zasada czterech oczu" not in response.text
    response = _session(request_factory, "reviewer2").post("/aktualnosci/rest/@workflow/publish",
                                                           json={"comment": "Zatwierdzam."})
    assert response.status_code == 200 and response.json()["review_state"] == "published"


def test_rest_control_panel(request_factory, manager_request, rest_users):
    response = manager_request.get("/@controlpanels/ezabrze-editorial")
    assert response.status_code == 200
    assert response.json()["data"]["four_eyes_enabled"] is True
    response = manager_request.patch("/@controlpanels/ezabrze-editorial", json={"four_eyes_enabled": False})
    assert response.status_code == 204
    transaction.begin()
    assert api.portal.get_registry_record("ezabrze.policy.editorial.four_eyes_enabled") is False


# --------------------------------------------------------------------------- control panel and "my work"


def test_control_panel_form(portal, http_request):
    assert "ezabrze-editorial" in [a.id for a in api.portal.get_tool("portal_controlpanel").listActions()]
    html = getMultiAdapter((portal, http_request), name="ezabrze-editorial-settings")()
    assert "four_eyes_enabled" in html and "four_eyes_types" in html


def _my_work(portal, http_request, username):
    with api.env.adopt_user(username=username):
        view = getMultiAdapter((portal, http_request), name="my-work")
        view.userid = username
        return view


def test_my_work_dashboard(portal, users, http_request):
    draft = _news(portal, "editor", id_="szkic")
    sent_back = _pending(portal, "editor", id_="odeslany")
    with api.env.adopt_user(username="reviewer"):
        api.content.transition(sent_back, transition="reject", comment="Zmień tytuł na krótszy.")
    waiting = _pending(portal, "editor", id_="czeka")
    own = _pending(portal, "reviewer", id_="wlasny")

    view = _my_work(portal, http_request, "editor")
    with api.env.adopt_user(username="editor"):
        assert [r["url"] for r in view.drafts()] == [draft.absolute_url()]
        rows = view.sent_back()
        html = view()
    assert [(r["url"], r["reason"], r["by"]) for r in rows] == [
        (sent_back.absolute_url(), "Zmień tytuł na krótszy.", "Jan Recenzent")
    ]
    assert "Zmień tytuł na krótszy." in html

    view = _my_work(portal, http_request, "reviewer")
    with api.env.adopt_user(username="reviewer"):
        urls = [r["url"] for r in view.to_review()]
    assert waiting.absolute_url() in urls
    assert own.absolute_url() not in urls  # four eyes: not my own news


def test_my_work_lists_stale_service_cards(portal, users, http_request):
    folder = portal["dla-mieszkancow"]["uslugi"]
    with api.env.adopt_roles(["Manager"]):
        old = api.content.create(container=folder, type="Service", id="stara", title="Stara karta",
                                 last_review=date(date.today().year - 2, 1, 15))
        fresh = api.content.create(container=folder, type="Service", id="nowa", title="Nowa karta",
                                   last_review=date.today())
        old.reindexObject()
        fresh.reindexObject()
    view = _my_work(portal, http_request, "editor")
    with api.env.adopt_user(username="editor"):
        urls = [r["url"] for r in view.stale_services()]
    assert old.absolute_url() in urls and fresh.absolute_url() not in urls


def test_my_work_needs_login(portal, http_request):
    from zExceptions import Unauthorized

    logout()
    with pytest.raises(Unauthorized):
        getMultiAdapter((portal, http_request), name="my-work")()


def test_my_work_is_in_the_user_menu(portal):
    action = api.portal.get_tool("portal_actions")["user"]["ezabrze-my-work"]
    assert action.url_expr.endswith("/@@moja-praca") and action.visible
