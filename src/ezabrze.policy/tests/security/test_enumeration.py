"""Case addresses give anonymous visitors the same answer whether the case exists or not."""

from collective.easyform.api import get_actions
from collective.honeypot.config import HONEYPOT_FIELD
from ezabrze.policy.cases import ratelimit
from plone import api

import pytest
import transaction


@pytest.fixture
def sign(functional_portal):
    ratelimit.submissions.reset()
    request = functional_portal.REQUEST
    request["REMOTE_ADDR"] = "192.0.2.10"
    request.form[HONEYPOT_FIELD] = ""
    easyform = functional_portal.unrestrictedTraverse("dla-mieszkancow/formularze/zglos-problem")
    with api.env.adopt_roles(["Manager"]):
        get_actions(easyform)["utworz_sprawe"].onSuccess(
            {"category": "inne", "description": "Dziura", "address": "ul. Wolności 1", "email": "a@example.com"},
            request,
        )
    transaction.commit()
    return request.get("ezabrze.cases.created")["sign"]


def _paths(sign):
    year, number = sign.split("/")[1:]
    missing = f"{int(number) + 500:06d}"
    return (
        [f"/sprawy/{year}/{number}", f"/sprawy/{year}/{number}/getId", f"/sprawy/{year}/{number}/view"],
        [f"/sprawy/{year}/{missing}", f"/sprawy/{year}/{missing}/getId", f"/sprawy/{year}/{missing}/view"],
    )


def test_existing_and_missing_cases_answer_alike(sign, request_factory):
    anon = request_factory(api=False)
    existing, missing = _paths(sign)
    for real, fake in zip(existing, missing, strict=True):
        one = anon.get(real, allow_redirects=False)
        two = anon.get(fake, allow_redirects=False)
        assert one.status_code == two.status_code == 404, (real, one.status_code, two.status_code)
        assert one.text == two.text
        assert "Location" not in one.headers


def test_existing_and_missing_cases_answer_alike_over_rest(sign, request_factory):
    anon = request_factory()
    existing, missing = _paths(sign)
    one = anon.get(existing[0])
    two = anon.get(missing[0])
    assert one.status_code == two.status_code == 404
    assert one.json() == two.json()


def test_staff_still_open_their_case(sign, request_factory):
    manager = request_factory(role="Manager", api=False)
    existing, _missing = _paths(sign)
    assert manager.get(existing[0]).status_code == 200
