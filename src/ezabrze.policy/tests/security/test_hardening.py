"""Hardening: no product versions in headers, browser protections, resolveuid without leaks, no silent
@workflow no-ops, "my work" on 29 February."""

from datetime import date
from ezabrze.policy.editorial.browser import views as editorial_views
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import transaction


@pytest.fixture
def anon(functional_portal, request_factory):
    transaction.commit()
    return request_factory(api=False)


@pytest.mark.parametrize("path", ["/", "/@@status-sprawy", "/no-such-page", "/++api++/"])
def test_security_headers(anon, path):
    response = anon.get(path)
    assert "X-Powered-By" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    csp = response.headers["Content-Security-Policy"]
    assert "object-src 'none'" in csp and "frame-ancestors 'self'" in csp


def _intranet_item(portal):
    with api.env.adopt_roles(["Manager"]):
        item = api.content.create(container=portal["intranet"], type="Document", id="tajne", title="Tajne plany")
    transaction.commit()
    return item


def test_resolveuid_does_not_reveal_private_items(functional_portal, request_factory):
    item = _intranet_item(functional_portal)
    response = request_factory(api=False).get(f"/resolveuid/{item.UID()}", allow_redirects=False)
    assert response.status_code == 404
    assert "tajne" not in response.text and "intranet" not in response.headers.get("Location", "")


def test_resolveuid_still_works_for_those_who_may_see(functional_portal, request_factory):
    item = _intranet_item(functional_portal)
    response = request_factory(role="Manager", api=False).get(f"/resolveuid/{item.UID()}", allow_redirects=False)
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/intranet/tajne")


def test_workflow_transition_that_does_nothing_is_400(functional_portal, manager_request):
    with api.env.adopt_roles(["Manager"]):
        page = api.content.create(container=functional_portal["aktualnosci"], type="News Item", id="n", title="N")
        api.content.transition(page, transition="publish")
    transaction.commit()
    response = manager_request.post("/aktualnosci/n/@workflow/publish", json={})
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "WorkflowException"


def test_my_work_on_29_february(portal, http_request, monkeypatch):
    class LeapDay(date):
        @classmethod
        def today(cls):
            return cls(2028, 2, 29)

    monkeypatch.setattr(editorial_views, "date", LeapDay)
    setRoles(portal, TEST_USER_ID, ["Editor"])
    view = editorial_views.MyWork(portal, http_request)
    assert isinstance(view.stale_services(), list)
