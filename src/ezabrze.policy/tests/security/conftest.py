"""Fixtures of the security tests: units with their staff, and cases submitted through the real form action."""

from collective.easyform.api import get_actions
from collective.honeypot.config import HONEYPOT_FIELD
from ezabrze.policy.cases import api as cases_api
from ezabrze.policy.cases import ratelimit
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


UNITS = (
    ("biuro-obslugi-mieszkancow", "Biuro Obsługi Mieszkańców"),
    ("wydzial-organizacyjny", "Wydział Organizacyjny"),
)
PERSONAS = (
    ("staff-a", ["Member"], "biuro-obslugi-mieszkancow"),
    ("staff-b", ["Member"], "wydzial-organizacyjny"),
    ("resident", ["Member"], None),
    ("editor", ["Member", "Editor"], None),
    ("reviewer", ["Member", "Reviewer"], None),
    ("siteadmin", ["Member", "Site Administrator"], None),
    ("manager", ["Member", "Manager"], None),
)
PASSWORD = "Secret-123456"


@pytest.fixture
def cases_site(portal, http_request):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    ratelimit.submissions.reset()
    ratelimit.status_failures.reset()
    http_request["REMOTE_ADDR"] = "192.0.2.10"
    http_request.form[HONEYPOT_FIELD] = ""
    units = portal["dla-mieszkancow"]["jednostki"]
    for unit_id, title in UNITS:
        if unit_id not in units:
            api.content.create(container=units, type="OrganizationalUnit", id=unit_id, title=title)
    for login, roles, unit in PERSONAS:
        if api.user.get(username=login) is None:
            api.user.create(email=f"{login}@example.com", username=login, password=PASSWORD, roles=roles)
        if unit:
            api.group.add_user(groupname=cases_api.ensure_unit_group(unit), username=login)
    setRoles(portal, TEST_USER_ID, ["Member"])
    return portal


@pytest.fixture
def make_case(cases_site, http_request):
    def make(**extra):
        easyform = cases_site.unrestrictedTraverse("dla-mieszkancow/formularze/zglos-problem")
        fields = {"category": "inne", "description": "Dziura w jezdni", "address": "ul. Wolności 286",
                  "email": "jan@example.com"}
        fields.update(extra)
        get_actions(easyform)["utworz_sprawe"].onSuccess(fields, http_request)
        return cases_api.find_case(http_request.get("ezabrze.cases.created")["sign"])

    return make
