"""The OpenAPI document of the portal's own endpoints: served by /@openapi and @@api, complete, and true —
real responses (functional, real HTTP) are validated against its schemas."""

from collective.honeypot.config import HONEYPOT_FIELD
from ezabrze.policy.cases import ratelimit
from ezabrze.policy.testing import catalogue as ct
from ezabrze.policy.testing import openapi
from ezabrze.policy.testing.personas import create_personas
from ezabrze.policy.testing.personas import PASSWORD
from jsonschema import Draft202012Validator
from pathlib import Path
from plone import api

import ezabrze.policy
import pytest
import re
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
PACKAGE = Path(ezabrze.policy.__file__).parent


@pytest.fixture(scope="module")
def doc():
    return openapi.load()


@pytest.fixture
def portal(functional_portal):
    ratelimit.submissions.reset()
    ratelimit.status_failures.reset()
    return functional_portal


@pytest.fixture
def anon(anon_request):
    anon_request.headers.update(JSON)
    return anon_request


def check(doc, session, method, path, **kwargs):
    response = getattr(session, method)(path, **kwargs)
    return openapi.assert_matches(doc, path.split("?")[0], method, response)


def test_document_is_openapi_3_1_with_valid_schemas(doc):
    assert doc["openapi"] == "3.1.0"
    for schema in doc["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    for path, method, operation, _shared in openapi.openapi.operations(doc):
        assert operation.get("summary"), (method, path)
        assert operation.get("operationId"), (method, path)
        for status, response in operation["responses"].items():
            assert re.fullmatch(r"[1-5]\d\d", status), (method, path, status)
            assert openapi.openapi.resolve(doc, response).get("description"), (method, path, status)


def test_every_own_rest_service_is_documented(doc):
    """Every plone:service the policy registers appears in the document (a new one must be added there)."""
    names = set()
    for zcml in PACKAGE.rglob("*.zcml"):
        names |= set(re.findall(r'name="(@[\w-]+)"', zcml.read_text(encoding="utf-8")))
    assert names >= {"@citizen-forms", "@case-status", "@bip-metadata", "@workflow", "@openapi"}
    documented = {segment for path in doc["paths"] for segment in path.split("/") if segment.startswith("@")}
    assert sorted(names - documented) == []
    search = doc["paths"]["/@search"]["get"]
    indexes = {p["name"] for p in search["parameters"] if p["name"].startswith("catalogue_")}
    catalog_xml = (PACKAGE / "profiles" / "default" / "catalog.xml").read_text(encoding="utf-8")
    own_indexes = set(re.findall(r'<index meta_type="\w+" name="(catalogue_\w+)"', catalog_xml))
    assert sorted(own_indexes - indexes - {"catalogue_last_review"}) == []


def test_openapi_endpoint_serves_the_document_with_this_site(portal, anon, doc):
    response = check(doc, anon, "get", "/@openapi")
    data = response.json()
    assert data["servers"][0]["url"] == portal.absolute_url()
    assert data["paths"] == doc["paths"]


def test_api_page_for_people(portal, anon_request, doc):
    response = anon_request.get("/@@api", headers={"Accept": "text/html"})
    assert response.status_code == 200
    html = response.text
    assert '<h1 class="documentFirstHeading">API portalu</h1>' in html
    for path, method, _operation, _shared in openapi.openapi.operations(doc):
        assert f"{method.upper()} {path}" in html
    assert "zasada czterech oczu".lower() in html.lower()
    assert '<th scope="col">Parametry</th>' not in html  # captions, not header cells
    assert "<caption>Parametry</caption>" in html and "<caption>Odpowiedzi</caption>" in html
    assert f'href="{portal.absolute_url()}/@openapi"' in html


def _problem(**extra):
    data = {"category": "zielen", "description": "Złamane drzewo.", "address": "ul. Wolności 1", HONEYPOT_FIELD: ""}
    data.update(extra)
    return data


def test_citizen_forms_answers_match_the_document(portal, anon, doc):
    check(doc, anon, "get", "/@citizen-forms")
    for form_id in ("zglos-problem", "kontakt-z-urzedem", "wniosek-o-informacje-publiczna"):
        check(doc, anon, "get", f"/@citizen-forms/{form_id}")
    assert check(doc, anon, "get", "/@citizen-forms/nie-ma").status_code == 404
    created = check(doc, anon, "post", "/@citizen-forms/zglos-problem", json=_problem()).json()
    assert check(doc, anon, "post", "/@citizen-forms/zglos-problem", json=_problem(category=3)).status_code == 400
    assert check(doc, anon, "post", "/@citizen-forms/zglos-problem", json={}).status_code == 403
    status = check(doc, anon, "post", "/@case-status", json={"sign": created["sign"], "code": created["tracking_code"]})
    assert status.json()["state"] == "registered"
    assert check(doc, anon, "post", "/@case-status", json={"sign": created["sign"], "code": "zly"}).status_code == 404
    assert check(doc, anon, "post", "/@case-status", json={"sign": 1}).status_code == 400
    api.portal.set_registry_record("ezabrze.policy.cases.submissions_per_window", 1)
    transaction.commit()
    assert check(doc, anon, "post", "/@citizen-forms/zglos-problem", json=_problem()).status_code == 429


def test_search_bip_and_workflow_answers_match_the_document(portal, anon, request_factory, doc):
    office = ct.make_unit(portal, "wydzial-organizacyjny-test", "Wydział Organizacyjny")
    ct.make_service(portal, "karta", "Zameldowanie", office, audience=["residents"], category="meldunek")
    secret = ct.make_unit(portal, "tajna", "Tajna jednostka", publish=False)
    ct.make_service(portal, "karta-tajnej", "Usługa tajnej jednostki", secret, audience=["residents"])
    create_personas(("editor", "reviewer"))
    with api.env.adopt_roles(["Manager"]):
        # the reviewer also writes news: the four-eyes rule stops them publishing their own
        api.user.grant_roles(username="reviewer", obj=portal["aktualnosci"], roles=["Contributor", "Editor"])
        with api.env.adopt_user(username="reviewer"):
            news = api.content.create(container=portal["aktualnosci"], type="News Item", id="wiadomosc",
                                      title="Wiadomość")
            api.content.transition(news, transition="submit")
    transaction.commit()
    results = check(doc, anon, "get", "/@search?portal_type=Service&catalogue_audience=residents").json()
    titles = {item["title"]: item for item in results["items"]}
    assert "Zameldowanie" in titles
    assert titles["Usługa tajnej jednostki"]["responsible_unit"] is None  # the private unit stays hidden
    check(doc, anon, "get", "/@search?portal_type=OrganizationalUnit&catalogue_unit_kind=department")
    check(doc, anon, "get", "/@search?SearchableText=zameldowanie&catalogue_online_available=false")
    check(doc, anon, "get", "/dla-mieszkancow/uslugi/karta/@bip-metadata")
    assert check(doc, anon, "get", "/aktualnosci/wiadomosc/@bip-metadata").status_code == 401
    reviewer = request_factory(basic_auth=("reviewer", PASSWORD))
    reviewer.headers.update(JSON)
    refused = check(doc, reviewer, "post", "/aktualnosci/wiadomosc/@workflow/publish", json={})
    assert refused.status_code == 400 and refused.json()["error"]["reason"] == "four-eyes"
    check(doc, reviewer, "post", "/aktualnosci/wiadomosc/@workflow/retract", json={})
    assert check(doc, anon, "post", "/@login", json={"login": "reviewer", "password": PASSWORD}).json()["token"]
    assert check(doc, anon, "post", "/@login", json={"login": "reviewer", "password": "zle"}).status_code == 401
    assert check(doc, anon, "post", "/@login", json={"login": "reviewer"}).status_code == 400


# --------------------------------------------------------------------------- found by schemathesis


def test_search_with_an_empty_full_text_is_an_empty_result_object(portal, anon, doc):
    for text in ("", "*"):
        data = check(doc, anon, "get", f"/@search?portal_type=Service&SearchableText={text}").json()
        assert data["items"] == [] and data["items_total"] == 0


def test_search_with_a_value_the_index_cannot_take_is_400(portal, anon, doc):
    response = check(doc, anon, "get", "/@search?catalogue_online_available=6.5e%2B307")
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("Nie można odczytać zapytania wyszukiwania")


@pytest.mark.parametrize("path", ["/@citizen-forms", "/@case-status", "/aktualnosci/@bip-metadata", "/"])
def test_unknown_http_method_is_405_not_500(portal, anon, path):
    # 405, or 404 where nothing answers GET at that address either — never a 5xx
    for method in ("QUERY", "BREW"):
        assert anon.request(method, path).status_code in (404, 405)
    if path in ("/@citizen-forms", "/"):
        assert anon.request("QUERY", path).status_code == 405


@pytest.mark.parametrize("path", ["/@citizen-forms/zglos-problem", "/@case-status", "/@login"])
def test_multipart_body_without_boundary_is_400_not_5xx(portal, anon_request, path):
    response = anon_request.post(path, data=b'{"sign": ""}', headers={"Content-Type": "multipart/form-data",
                                                                      "Accept": "application/json"})
    assert response.status_code == 400


def test_sorted_search_counts_every_result_and_pages_through_them(portal, anon, doc):
    """A sorted @search asks the catalog for the requested batch only (sort_limit), yet items_total counts all
    results and every page holds the right items, in order."""
    office = ct.make_unit(portal, "wydzial-sortowania", "Wydział Sortowania")
    titles = [f"Usługa {letter}" for letter in "ABCDEFG"]
    for number, title in enumerate(reversed(titles)):
        ct.make_service(portal, f"usluga-{number}", title, office, audience=["businesses"])
    transaction.commit()
    seen = []
    for start in (0, 3, 6):
        data = check(doc, anon, "get", "/@search?portal_type=Service&catalogue_audience=businesses"
                     f"&sort_on=sortable_title&b_size=3&b_start={start}").json()
        assert data["items_total"] == 7
        seen += [item["title"] for item in data["items"]]
    assert seen == titles


@pytest.mark.parametrize(
    "form, limit",
    [
        ({"sort_on": "sortable_title"}, 25),
        ({"sort_on": "sortable_title", "b_size": "10", "b_start": "20"}, 30),
        ({"sort_on": "sortable_title", "sort_limit": "5"}, "5"),  # the client's own limit stays
        ({"sort_on": "sortable_title", "b_size": "abc"}, None),  # plone.restapi answers for that
        ({"portal_type": "Service"}, None),  # unsorted: nothing to limit
    ],
)
def test_sorted_search_is_limited_to_the_requested_batch(form, limit):
    from ezabrze.policy.headless.restapi.services.search.get import limit_sorting

    limit_sorting(form)
    assert form.get("sort_limit") == limit
