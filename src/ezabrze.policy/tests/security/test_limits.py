"""Size limits: over-long text in a citizen form is refused (nothing stored), the request body is capped."""

from collective.easyform.api import get_actions
from ezabrze.policy.security.limits import LINE_MAX
from ezabrze.policy.security.limits import TEXT_MAX
from pathlib import Path
from plone import api


ROOT = Path(__file__).resolve().parents[4]


def _submit(portal, request, **extra):
    easyform = portal.unrestrictedTraverse("dla-mieszkancow/formularze/zglos-problem")
    fields = {"category": "inne", "description": "Dziura w jezdni", "address": "ul. Wolności 286",
              "email": "jan@example.com"}
    fields.update(extra)
    return get_actions(easyform)["utworz_sprawe"].onSuccess(fields, request)


def _count():
    return len(api.portal.get_tool("portal_catalog").unrestrictedSearchResults(portal_type="Case"))


def test_megabyte_name_and_address_are_refused(cases_site, http_request):
    http_request.form["form.widgets.name"] = "x" * 1_000_000
    errors = _submit(cases_site, http_request, name="x" * 1_000_000, address="y" * 1_000_000)
    assert set(errors) == {"name", "address"}
    assert str(LINE_MAX) in errors["name"] and "za długi" in errors["name"]
    assert len(http_request.form["form.widgets.name"]) == LINE_MAX  # not echoed whole
    assert _count() == 0


def test_long_description_is_refused(cases_site, http_request):
    errors = _submit(cases_site, http_request, description="z" * (TEXT_MAX + 1))
    assert set(errors) == {"description"}
    assert _count() == 0


def test_normal_submission_still_passes(cases_site, http_request):
    assert _submit(cases_site, http_request, name="Jan Kowalski") is None
    assert _count() == 1


def test_request_body_limit_is_configured():
    assert "max-request-body-size = 15728640" in (ROOT / "buildout.cfg").read_text()
