"""The production stack for real: two instances on one PostgreSQL, Varnish caching and purging, no leaks.

Varnish -> HAProxy -> cluster-test1 / cluster-test2 -> PostgreSQL (fixture ``stack`` in conftest.py).
"""

import datetime
import html
import pytest
import re
import requests
import time
import uuid


pytestmark = pytest.mark.cluster

AUTHENTICATOR_RE = re.compile(r'name="_authenticator"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_authenticator"')


def wait_until(check, timeout=20.0, interval=0.2, message="condition"):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"{message} not met within {timeout}s (last: {last!r})")


def _document(client, base, title, text="<p>Treść</p>", publish=True, container=""):
    page_id = f"strona-{uuid.uuid4().hex[:8]}"
    client.rest("POST", f"{base}{container}", {
        "@type": "Document", "id": page_id, "title": title,
        "text": {"data": text, "content-type": "text/html", "encoding": "utf-8"},
    })
    if publish:
        client.rest("POST", f"{base}{container}/{page_id}/@workflow/publish")
    return f"{container}/{page_id}"


def test_every_part_of_the_stack_answers(stack):
    assert requests.get(stack.url, timeout=60).status_code == 200
    assert requests.get(stack.haproxy_url, timeout=60).status_code == 200
    for part in stack.parts:
        assert requests.get(stack.instance_url(part), timeout=60).status_code == 200
    stats = requests.get(f"http://127.0.0.1:{stack.stats_port}/;csv", timeout=10)
    assert stats.status_code == 200
    rows = [line.split(",") for line in stats.text.splitlines() if line.startswith("zope,cluster-test")]
    assert sorted(row[1] for row in rows) == sorted(stack.parts)
    assert all(row[17] == "UP" for row in rows), rows  # 18th column: status


def test_loopback_only(stack):
    for port in (stack.varnish_port, stack.haproxy_port, stack.stats_port, stack.pg_port,
                 *(int(stack.instance_url(part).split(":")[2].split("/")[0]) for part in stack.parts)):
        listening = open("/proc/net/tcp").read().splitlines()[1:]
        addresses = {line.split()[1] for line in listening if line.split()[3] == "0A"}
        wanted = f":{port:04X}"
        bound = [address for address in addresses if address.endswith(wanted)]
        assert bound and all(address.startswith("0100007F") for address in bound), (port, bound)


def test_write_through_a_read_through_b(stack, client):
    a, b = (stack.instance_url(part) for part in stack.parts)
    title = f"Zapis przez A {uuid.uuid4().hex[:6]}"
    path = _document(client, a, title, publish=False)
    seen = client.rest("GET", f"{b}{path}")
    assert seen["title"] == title
    client.rest("PATCH", f"{b}{path}", {"title": title + " (poprawione w B)"})
    assert client.rest("GET", f"{a}{path}")["title"] == title + " (poprawione w B)"


def test_anonymous_page_cached_then_purged_after_edit(stack, client):
    a, b = (stack.instance_url(part) for part in stack.parts)
    path = _document(client, a, "Strona do pamięci podręcznej", text="<p>Wersja pierwsza</p>")
    url = f"{stack.url}{path}"
    first = requests.get(url, timeout=60)
    assert first.status_code == 200 and "Wersja pierwsza" in first.text
    assert "s-maxage" in first.headers["Cache-Control"]
    second = requests.get(url, timeout=60)
    assert second.headers["X-Cache"] == "HIT"
    # An editor changes it through the other instance: plone.cachepurging sends PURGE to Varnish.
    client.rest("PATCH", f"{b}{path}", {
        "text": {"data": "<p>Wersja druga</p>", "content-type": "text/html", "encoding": "utf-8"},
    })
    fresh = wait_until(lambda: (r := requests.get(url, timeout=60)) and "Wersja druga" in r.text and r,
                       message="the edited page through Varnish")
    assert "Wersja pierwsza" not in fresh.text
    # Retracted: anonymous visitors no longer get the cached copy.
    client.rest("POST", f"{a}{path}/@workflow/retract")
    wait_until(lambda: requests.get(url, timeout=60, allow_redirects=False).status_code != 200,
               message="the retracted page gone from Varnish")


def test_new_notice_appears_on_its_board_and_the_city_board(stack, client):
    a = stack.instance_url(stack.parts[0])
    council = "/rady-dzielnic/biskupice"
    boards = [f"{stack.url}{council}", f"{stack.url}/rady-dzielnic"]
    for board in boards:
        requests.get(board, timeout=60)
        assert requests.get(board, timeout=60).headers["X-Cache"] == "HIT"
    title = f"Zebranie mieszkańców {uuid.uuid4().hex[:6]}"
    notice_id = f"ogloszenie-{uuid.uuid4().hex[:6]}"
    client.rest("POST", f"{a}{council}", {
        "@type": "Notice", "id": notice_id, "title": title, "notice_category": "announcement",
        "valid_from": datetime.date.today().isoformat(), "text": {"data": "<p>Zapraszamy.</p>", "content-type": "text/html"},
    })
    for board in boards:
        assert title not in requests.get(board, timeout=60).text  # private: not on the boards
    client.rest("POST", f"{a}{council}/{notice_id}/@workflow/publish")
    for board in boards:
        wait_until(lambda board=board: html.escape(title) in requests.get(board, timeout=60).text,
                   message=f"the new notice on {board}")
    # Deleted: gone from the boards again.
    client.rest("DELETE", f"{a}{council}/{notice_id}")
    for board in boards:
        wait_until(lambda board=board: html.escape(title) not in requests.get(board, timeout=60).text,
                   message=f"the deleted notice gone from {board}")


def test_a_logged_in_page_is_never_served_to_anonymous(stack, client):
    editor, password = client.add_user("redaktor-cache", roles=["Editor"])
    session = client.login(stack.url, editor, password)
    for path in ("", "/rady-dzielnic", "/dla-mieszkancow"):
        personal = session.get(f"{stack.url}{path}", timeout=60)
        assert personal.status_code == 200 and personal.headers["X-Cache"] == "MISS"
        assert "Redaktor Cache" in personal.text  # the editor's own name in the personal bar
        assert "private" in personal.headers["Cache-Control"] or "s-maxage" not in personal.headers["Cache-Control"]
        for _ in range(2):
            anonymous = requests.get(f"{stack.url}{path}", timeout=60)
            assert "Redaktor Cache" not in anonymous.text
            assert "Wyloguj" not in anonymous.text


@pytest.mark.parametrize("path", ["private", "/intranet", "/intranet/pracownicy", "/@@sprawy-jednostki", "case"])
def test_private_intranet_and_cases_are_never_stored(stack, client, path):
    a = stack.instance_url(stack.parts[0])
    if path == "private":
        path = _document(client, a, "Szkic prywatny", text="<p>Tajny szkic</p>", publish=False)
    elif path == "case":
        found = client.rest("GET", f"{a}/@search?portal_type=Case&b_size=1")
        if not found["items"]:
            client.submit_case(stack.url)
            found = client.rest("GET", f"{a}/@search?portal_type=Case&b_size=1")
        path = found["items"][0]["@id"].split("/zabrze", 1)[1]
    staff, password = client.add_user(f"pracownik-{uuid.uuid4().hex[:6]}", roles=["Manager"])
    session = client.login(stack.url, staff, password)
    for _ in range(3):
        seen = session.get(f"{stack.url}{path}", timeout=60)
        assert seen.status_code == 200, (path, seen.status_code)
        assert seen.headers["X-Cache"] == "MISS"
        assert "s-maxage" not in seen.headers.get("Cache-Control", "")
    for _ in range(2):
        anonymous = requests.get(f"{stack.url}{path}", timeout=60, allow_redirects=False)
        assert anonymous.status_code in (302, 401, 403, 404), (path, anonymous.status_code)
        assert anonymous.headers["X-Cache"] == "MISS"
    # Even with Basic auth (the REST way in) nothing is kept.
    for _ in range(2):
        api = requests.get(f"{stack.url}{path}", headers=client.admin_headers(), timeout=60)
        assert api.status_code == 200 and api.headers["X-Cache"] == "MISS"


def test_a_response_that_sets_a_cookie_is_never_cached(stack):
    url = f"{stack.url}?set_language=en"  # the language selector's link
    for _ in range(3):
        response = requests.get(url, timeout=60, allow_redirects=False)
        assert "I18N_LANGUAGE" in response.headers.get("Set-Cookie", ""), response.headers
        assert response.headers["X-Cache"] == "MISS"


def test_language_choice_is_part_of_the_cache_key(stack):
    for _ in range(2):  # the second round comes from the cache: each language its own copy
        polish = requests.get(stack.url, timeout=60)
        english = requests.get(stack.url, cookies={"I18N_LANGUAGE": "en", "_ga": "GA1.1.1"}, timeout=60)
        assert 'lang="pl"' in polish.text
        assert 'lang="en"' in english.text
    assert english.headers["X-Cache"] == "HIT"  # the tracking cookie did not bypass the cache


def test_login_form_and_csrf_tokens_are_not_shared(stack, client):
    for _ in range(3):
        form = requests.get(f"{stack.url}/login", timeout=60)
        assert form.headers["X-Cache"] == "MISS"
        assert "s-maxage" not in form.headers.get("Cache-Control", "")
    tokens = {}
    for name in ("redaktor-a", "redaktor-b"):
        user, password = client.add_user(f"{name}-{uuid.uuid4().hex[:4]}", roles=["Editor"])
        session = client.login(stack.url, user, password)
        tokens[name] = set()
        for _ in range(2):
            page = session.get(f"{stack.url}/dla-mieszkancow/formularze/zglos-problem", timeout=60)
            assert page.headers["X-Cache"] == "MISS"
            tokens[name] |= {html.unescape(m.group(1) or m.group(2)) for m in AUTHENTICATOR_RE.finditer(page.text)}
    assert tokens["redaktor-a"] and tokens["redaktor-b"]
    assert not tokens["redaktor-a"] & tokens["redaktor-b"]


def test_purge_and_ban_only_from_loopback_and_only_by_method(stack):
    # From loopback PURGE works (that is how the instances purge); the ACL holds 127.0.0.1 and ::1 only.
    response = requests.request("PURGE", f"{stack.url}/", timeout=10)
    assert response.status_code == 200
    vcl = (stack.var / "varnish.vcl").read_text()
    acl = vcl.split("acl purge {", 1)[1].split("}", 1)[0]
    assert [line.strip() for line in acl.strip().splitlines()] == ['"127.0.0.1";', '"::1";']
    bad = requests.request("BAN", f"{stack.url}/", timeout=10)
    assert bad.status_code == 400  # no X-Ban-Url


def test_change_history_works_on_the_history_free_storage(stack, client):
    """BIP change history (CMFEditions versions) lives in ordinary objects: works on history-free RelStorage."""
    a, b = (stack.instance_url(part) for part in stack.parts)
    path = _document(client, a, "Zarządzenie w sprawie", text="<p>Pierwsza treść</p>", publish=False)
    client.rest("PATCH", f"{a}{path}", {"title": "Zarządzenie w sprawie (zmiana 1)", "changeNote": "poprawka 1"})
    client.rest("PATCH", f"{b}{path}", {"title": "Zarządzenie w sprawie (zmiana 2)", "changeNote": "poprawka 2"})
    history = client.rest("GET", f"{a}{path}/@history")
    versions = [entry for entry in history if entry.get("type") == "versioning"]
    assert len(versions) >= 3, history
    assert {"poprawka 1", "poprawka 2"} <= {entry.get("comments") for entry in versions}
    first = client.rest("GET", f"{b}{path}/@history/0")
    assert first["title"] == "Zarządzenie w sprawie"
