"""Login throttling: after too many wrong passwords the right one is refused too (REST 429, form 429, HTTP
Basic auth 429), with counts every Zope process of the database sees."""

from ezabrze.policy.security import attempts
from ezabrze.policy.security import login as login_throttle
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import TEST_USER_PASSWORD
from ZODB.FileStorage import FileStorage

import pytest
import transaction
import ZODB


@pytest.fixture
def anon(functional_portal, request_factory):
    db = functional_portal._p_jar.db()
    login_throttle.reset(db)
    transaction.commit()
    yield request_factory(api=False)
    login_throttle.reset(db)


def test_rest_login_is_throttled(anon):
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN):
        response = anon.post("/@login", json={"login": TEST_USER_NAME, "password": "wrong"},
                             headers={"Accept": "application/json"})
        assert response.status_code == 401
    response = anon.post("/@login", json={"login": TEST_USER_NAME, "password": TEST_USER_PASSWORD},
                         headers={"Accept": "application/json"})
    assert response.status_code == 429
    assert "token" not in response.json()


def test_rest_login_works_below_the_limit(anon):
    anon.post("/@login", json={"login": TEST_USER_NAME, "password": "wrong"}, headers={"Accept": "application/json"})
    response = anon.post("/@login", json={"login": TEST_USER_NAME, "password": TEST_USER_PASSWORD},
                         headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.json()["token"]


def test_other_logins_are_not_affected(anon):
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN):
        anon.post("/@login", json={"login": SITE_OWNER_NAME, "password": "wrong"},
                  headers={"Accept": "application/json"})
    response = anon.post("/@login", json={"login": TEST_USER_NAME, "password": TEST_USER_PASSWORD},
                         headers={"Accept": "application/json"})
    assert response.status_code == 200


def _form_login(session, password):
    return session.post("/login", data={"__ac_name": TEST_USER_NAME, "__ac_password": password,
                                        "buttons.login": "Log in", "came_from": ""}, allow_redirects=False)


def test_login_form_is_throttled(anon):
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN):
        response = _form_login(anon, "wrong")
        assert "__ac" not in response.cookies
    response = _form_login(anon, TEST_USER_PASSWORD)
    assert response.status_code == 429
    assert "__ac" not in response.cookies


def test_login_form_works_below_the_limit(anon):
    response = _form_login(anon, TEST_USER_PASSWORD)
    assert response.status_code in (200, 302)
    assert "__ac" in response.cookies


# HTTP Basic auth: the same counts and limits as the form and REST.

def _basic(session, password, login=TEST_USER_NAME, path="/@users/" + TEST_USER_ID):
    return session.get(path, auth=(login, password), headers={"Accept": "application/json"})


def test_basic_auth_is_throttled(anon):
    assert _basic(anon, TEST_USER_PASSWORD).status_code == 200
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN):
        assert _basic(anon, "wrong").status_code == 401
    response = _basic(anon, TEST_USER_PASSWORD)
    assert response.status_code == 429, response.text
    assert "Zbyt wiele" in response.json()["message"]
    assert _basic(anon, TEST_USER_PASSWORD, path="/").status_code == 429  # public pages too: no user


def test_basic_auth_failures_count_for_the_form_and_rest(anon):
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN):
        _basic(anon, "wrong", path="/")  # a public page: answered as anonymous, still a failed password
    response = anon.post("/@login", json={"login": TEST_USER_NAME, "password": TEST_USER_PASSWORD},
                         headers={"Accept": "application/json"})
    assert response.status_code == 429
    assert _form_login(anon, TEST_USER_PASSWORD).status_code == 429


def test_form_failures_count_for_basic_auth(anon):
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN):
        _form_login(anon, "wrong")
    assert _basic(anon, TEST_USER_PASSWORD).status_code == 429


def test_basic_auth_right_passwords_are_not_counted(anon):
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN + 2):
        assert _basic(anon, TEST_USER_PASSWORD).status_code == 200
        # the Zope root user is checked by the root's user folder after Plone's: not a failure either
        assert _basic(anon, SITE_OWNER_PASSWORD, login=SITE_OWNER_NAME, path="/@users").status_code == 200


def test_basic_auth_throttling_answers_html_too(anon):
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN):
        anon.get("/", auth=(TEST_USER_NAME, "wrong"))
    response = anon.get("/", auth=(TEST_USER_NAME, TEST_USER_PASSWORD))
    assert response.status_code == 429
    assert "Traceback" not in response.text


# The shared store: what one connection (one Zope process) counts, another sees at once.

@pytest.fixture
def file_db(tmp_path):
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    yield db
    db.close()


def test_count_made_in_one_connection_is_seen_by_another(file_db):
    reader = transaction.TransactionManager()
    other = file_db.open(transaction_manager=reader)  # opened before the count: it must not keep an old view
    reader.begin()
    other.root()
    assert attempts.count(file_db, "login:jan", 60) == 0
    attempts.record(file_db, ["login:jan", "addr:192.0.2.1"], 60)
    attempts.record(file_db, ["login:jan"], 60)
    reader.begin()
    assert len(other.root()[attempts.ROOT_KEY]["login:jan"].recent(0)) == 2
    other.close()
    assert attempts.count(file_db, "login:jan", 60) == 2
    assert attempts.count(file_db, "addr:192.0.2.1", 60) == 1
    assert attempts.count(file_db, "login:jan", 60, now=10**11) == 0  # outside the window


def test_concurrent_counts_of_one_login_are_both_kept(file_db):
    attempts.record(file_db, ["login:jan"], 600)
    managers = [transaction.TransactionManager() for _index in range(2)]
    connections = [file_db.open(transaction_manager=manager) for manager in managers]
    for number, (manager, connection) in enumerate(zip(managers, connections, strict=True)):
        manager.begin()
        log = connection.root()[attempts.ROOT_KEY]["login:jan"]
        log.times = log.times + (1000.0 + number,)
    for manager in managers:  # the second commit conflicts with the first and is resolved, not refused
        manager.commit()
    for connection in connections:
        connection.close()
    assert attempts.count(file_db, "login:jan", 10**12, now=10**11) == 3


def test_concurrent_new_logins_do_not_fail(file_db):
    attempts.record(file_db, ["login:first"], 600)
    managers = [transaction.TransactionManager() for _index in range(2)]
    connections = [file_db.open(transaction_manager=manager) for manager in managers]
    for number, (manager, connection) in enumerate(zip(managers, connections, strict=True)):
        manager.begin()
        log = attempts.FailureLog()
        log.times = (1000.0,)
        connection.root()[attempts.ROOT_KEY][f"login:new-{number}"] = log
    for manager in managers:
        manager.commit()
    for connection in connections:
        connection.close()
    assert attempts.count(file_db, "login:new-0", 10**12, now=10**11) == 1
    assert attempts.count(file_db, "login:new-1", 10**12, now=10**11) == 1


def test_old_failures_are_pruned(file_db, monkeypatch):
    attempts.record(file_db, ["login:old"], 60, now=1000.0)
    monkeypatch.setattr(attempts, "PRUNE_CHANCE", 1.0)
    attempts.record(file_db, ["login:new"], 60, now=5000.0)
    connection = file_db.open()
    assert list(connection.root()[attempts.ROOT_KEY].keys()) == ["login:new"]
    connection.close()


def test_basic_auth_against_the_database_of_another_process(functional_portal, anon):
    """A count written straight into the database (as another instance would) throttles this one."""
    db = functional_portal._p_jar.db()
    keys = [f"login:{TEST_USER_NAME}"]
    for _attempt in range(login_throttle.FAILURES_PER_LOGIN):
        attempts.record(db, keys, login_throttle.WINDOW_SECONDS)
    assert _basic(anon, TEST_USER_PASSWORD).status_code == 429
