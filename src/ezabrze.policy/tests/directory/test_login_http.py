"""Directory users over HTTP (the functional server, real slapd): the real login form and REST @login, the
permission matrix of a directory user (own unit's cases, other units' cases, intranet, council areas), a person
moved in the directory, and the outage (slapd stopped: Polish message, local accounts work, no 5xx, the directory
is not asked on every request)."""

from ezabrze.policy.cases import ratelimit
from ezabrze.policy.directory.breaker import BREAKER
from ezabrze.policy.security import attempts
from ezabrze.policy.security import login as login_throttle
from ezabrze.policy.testing.councils import create_notice
from ezabrze.policy.testing.directory import CACHE_SECONDS
from ezabrze.policy.testing.directory import directory_server
from ezabrze.policy.testing.directory import IWONA
from ezabrze.policy.testing.directory import JAKUB
from ezabrze.policy.testing.directory import ldap_modify
from ezabrze.policy.testing.directory import make_units
from ezabrze.policy.testing.directory import submit_case
from ezabrze.policy.testing.directory import SUFFIX
from ezabrze.policy.testing.directory import TOMASZ
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD

import pytest
import time
import transaction


OUTAGE = "nie odpowiada"  # in the Polish outage message


@pytest.fixture
def site(functional_portal, directory):
    portal = functional_portal
    request = portal.REQUEST
    request["REMOTE_ADDR"] = "192.0.2.10"
    ratelimit.submissions.reset()
    login_throttle.reset(portal._p_jar.db())
    with api.env.adopt_roles(["Manager"]):
        make_units(portal)
        cases = {unit: submit_case(portal, request, unit) for unit in ("mops", "biuro-obslugi-mieszkancow")}
        api.content.create(container=portal["intranet"], type="Document", id="regulamin-pracy",
                           title="Regulamin pracy urzędu")
        council = portal["rady-dzielnic"]["biskupice"]
        draft = create_notice(council, "szkic-rady", "Szkic ogłoszenia rady", state="private")
    transaction.commit()
    yield {"portal": portal, "cases": cases, "draft": draft}


def form_login(session, login, password):
    return session.post(
        "/login",
        data={"__ac_name": login, "__ac_password": password, "buttons.login": "Zaloguj", "came_from": ""},
        allow_redirects=False,
    )


def rest_login(session, login, password):
    return session.post("/@login", json={"login": login, "password": password},
                        headers={"Accept": "application/json"})


def token_session(request_factory, login, password):
    anon = request_factory(role="Anonymous")
    response = rest_login(anon, login, password)
    assert response.status_code == 200, response.text
    session = request_factory(role="Anonymous")
    session.headers["Authorization"] = f"Bearer {response.json()['token']}"
    return session


def path(obj):
    return "/" + "/".join(obj.getPhysicalPath()[2:])


def test_login_form_with_a_directory_account(site, request_factory):
    browser = request_factory(api=False)
    response = form_login(browser, *IWONA[:2])
    assert response.status_code in (200, 302)
    assert "__ac" in response.cookies
    page = browser.get("/intranet", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "Iwona Stępień" in page.text


def test_login_form_refuses_a_wrong_password(site, request_factory):
    browser = request_factory(api=False)
    response = form_login(browser, IWONA[0], "wrong")
    assert "__ac" not in response.cookies
    assert OUTAGE not in response.text


def test_rest_login_with_a_directory_account(site, request_factory):
    session = token_session(request_factory, *IWONA[:2])
    me = session.get(f"/@users/{IWONA[0]}")
    assert me.status_code == 200
    assert me.json()["fullname"] == "Iwona Stępień"
    assert rest_login(request_factory(), IWONA[0], "wrong").status_code == 401


def test_permission_matrix_of_a_directory_user(site, request_factory):
    session = token_session(request_factory, *IWONA[:2])  # MOPS
    own, other = site["cases"]["mops"], site["cases"]["biuro-obslugi-mieszkancow"]
    assert session.get(path(own)).status_code == 200
    assert session.get(path(other)).status_code in (401, 403, 404)
    search = session.get("/@search", params={"portal_type": "Case"}).json()
    found = {item["@id"].rsplit("/", 1)[-1] for item in search["items"]}
    assert own.getId() in found and other.getId() not in found
    assert session.get("/intranet/regulamin-pracy").status_code == 200
    assert session.get(path(site["draft"])).status_code in (401, 403, 404)
    # no editing rights in a council's area
    response = session.post(path(site["draft"].__parent__), json={"@type": "Notice", "title": "Nie"})
    assert response.status_code in (401, 403)
    # the editors' group of the directory gives the portal's Editors group
    manager = request_factory(role="Manager")
    token_session(request_factory, *JAKUB[:2])
    answer = manager.get(f"/@users/{JAKUB[0]}")
    assert answer.status_code == 200, answer.text
    assert "Editor" in answer.json()["roles"]
    assert "Editor" not in manager.get(f"/@users/{IWONA[0]}").json()["roles"]


def test_anonymous_sees_no_case(site, request_factory):
    anon = request_factory(role="Anonymous")
    assert anon.get(path(site["cases"]["mops"])).status_code in (401, 403, 404)


def test_moved_person_loses_the_old_units_cases(site, request_factory, fresh_tree):
    session = token_session(request_factory, *TOMASZ[:2])  # Biuro Obsługi Mieszkańców
    old, new = site["cases"]["biuro-obslugi-mieszkancow"], site["cases"]["mops"]
    assert session.get(path(old)).status_code == 200
    assert session.get(path(new)).status_code in (401, 403, 404)
    dn = f"uid=tomasz.mazur,ou=biuro-obslugi-mieszkancow,ou=urzad-miejski,ou=struktura,{SUFFIX}"
    ldap_modify(
        f"dn: cn=jednostka-biuro-obslugi-mieszkancow,ou=grupy,{SUFFIX}\nchangetype: modify\ndelete: member\n"
        f"member: {dn}\n\n"
        f"dn: cn=jednostka-mops,ou=grupy,{SUFFIX}\nchangetype: modify\nadd: member\nmember: {dn}\n"
    )
    time.sleep(CACHE_SECONDS + 0.2)
    # the next request after the cache time: nobody touched the portal
    assert session.get(path(old)).status_code in (401, 403, 404)
    assert session.get(path(new)).status_code == 200


def test_outage(site, request_factory):
    staff = token_session(request_factory, *IWONA[:2])
    directory_server("stop")
    attempts = BREAKER.attempts
    # directory staff: a clear Polish message, on the form and in REST; never 5xx
    browser = request_factory(api=False)
    response = form_login(browser, *IWONA[:2])
    assert response.status_code < 500
    assert "__ac" not in response.cookies
    assert OUTAGE in response.text
    response = rest_login(request_factory(), *IWONA[:2])
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "DirectoryUnavailable"
    assert OUTAGE in response.json()["error"]["message"]
    # a directory user's open session: anonymous now, pages answer
    for _request in range(5):
        assert staff.get(path(site["cases"]["mops"])).status_code in (401, 403, 404)
        assert staff.get("/").status_code < 500
    # local accounts keep working
    for login, password in ((SITE_OWNER_NAME, SITE_OWNER_PASSWORD), (TEST_USER_NAME, TEST_USER_PASSWORD)):
        assert rest_login(request_factory(), login, password).status_code == 200
    assert "__ac" in form_login(request_factory(api=False), TEST_USER_NAME, TEST_USER_PASSWORD).cookies
    # the directory was asked once (found down), not on each of the ~20 requests above
    assert BREAKER.attempts - attempts == 1
    # the outage does not count as wrong passwords (no lock-out when the directory is back)
    directory_server("start")
    BREAKER.reset()
    assert rest_login(request_factory(), *IWONA[:2]).status_code == 200


def failures(site, login):
    return attempts.count(site["portal"]._p_jar.db(), f"login:{login}", login_throttle.WINDOW_SECONDS)


def basic_get(request_factory, login, password, path="/intranet"):
    session = request_factory(role="Anonymous")
    session.auth = (login, password)
    return session.get(path, allow_redirects=False)


def test_basic_auth_during_an_outage_is_no_failed_login(site, request_factory):
    """HTTP Basic auth while the directory does not answer: the staff member is anonymous (no 5xx), but that is not
    a wrong password — after more tries than the throttle allows, the login still works once the directory is back.
    A local account's wrong password counts as before (no unthrottled guessing during an outage)."""
    assert basic_get(request_factory, *IWONA[:2]).status_code == 200
    directory_server("stop")
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN + 2):
        response = basic_get(request_factory, *IWONA[:2])
        assert response.status_code in (401, 403), response.status_code
    assert failures(site, IWONA[0]) == 0
    response = basic_get(request_factory, TEST_USER_NAME, "wrong")
    assert response.status_code in (401, 403)
    assert failures(site, TEST_USER_NAME) == 1
    # the Zope root's administrator is a local account too
    assert basic_get(request_factory, SITE_OWNER_NAME, "wrong").status_code in (401, 403)
    assert failures(site, SITE_OWNER_NAME) == 1
    assert basic_get(request_factory, TEST_USER_NAME, TEST_USER_PASSWORD, "/@@personal-information").status_code == 200
    directory_server("start")
    BREAKER.reset()
    response = basic_get(request_factory, *IWONA[:2])
    assert response.status_code == 200
    assert failures(site, IWONA[0]) == 0


def test_wrong_password_of_a_local_account_counts_during_an_outage(site, request_factory):
    directory_server("stop")
    response = rest_login(request_factory(), TEST_USER_NAME, "wrong")
    assert response.status_code == 401
    assert response.json()["error"]["type"] != "DirectoryUnavailable"
    form_login(request_factory(api=False), TEST_USER_NAME, "wrong")
    assert failures(site, TEST_USER_NAME) == 2
    # a directory account: the outage message, nothing counted
    assert rest_login(request_factory(), *IWONA[:2]).json()["error"]["type"] == "DirectoryUnavailable"
    form_login(request_factory(api=False), *IWONA[:2])
    assert failures(site, IWONA[0]) == 0
