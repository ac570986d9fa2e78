"""Verified representatives edit the public fields of their own organization; the register data stay with staff.

Matrix: who may modify which organization (rep of A on A yes, on B no; unverified, suspended, anonymous and
resident no; editor and site administrator yes), which fields each may change in the edit form (over real HTTP,
also a forged POST) and through REST PATCH (403 with a Polish message naming the fields, nothing stored)."""

from ezabrze.ngo.organizations import editing
from ezabrze.ngo.organizations import representatives as reps
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import PASSWORD
from ezabrze.ngo.testing import PERSONAS
from plone import api
from plone.restapi.testing import RelativeSession

import pytest
import re
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}
MANAGERS = {"editor", "site_admin"}
STAFF_ONLY = ("title", "legal_form", "krs", "register_name", "register_number", "nip", "regon", "id",
              "exclude_from_nav")


def forget_cached_roles():
    """borg.localrole caches computed roles on the request: a new state is seen by the next request only."""
    from zope.annotation.interfaces import IAnnotations

    annotations = IAnnotations(api.portal.get().REQUEST)
    for key in [k for k in annotations if str(k).startswith("borg.localrole")]:
        del annotations[key]


def who(login_as, check):
    forget_cached_roles()
    allowed = set()
    for persona in PERSONAS:
        login_as(persona)
        if check():
            allowed.add(persona)
    return allowed


def can_modify(org):
    return lambda: bool(api.user.has_permission("Modify portal content", obj=org))


def test_modify_matrix(world, login_as):
    assert who(login_as, can_modify(world["org_a"])) == {"rep_a"} | MANAGERS
    assert who(login_as, can_modify(world["org_b"])) == {"rep_b"} | MANAGERS


def test_staff_fields_matrix(world, login_as):
    org = world["org_a"]
    assert who(login_as, lambda: editing.is_staff(org)) == MANAGERS
    login_as("rep_a")
    assert set(editing.REPRESENTATIVE_FIELDS) & set(STAFF_ONLY) == set()
    fields = editing.schema_fields(org)
    assert {"krs", "nip", "regon", "title", "legal_form", "email", "areas", "description"} <= set(fields)


def test_suspended_representative_or_organization_loses_the_right(world, login_as):
    org = world["org_a"]
    with api.env.adopt_roles(["Manager"]):
        reps.set_state(org, "rep_a", reps.SUSPENDED, "Nie jest już członkiem zarządu")
    assert who(login_as, can_modify(org)) == MANAGERS
    with api.env.adopt_roles(["Manager"]):
        reps.set_state(org, "rep_a", reps.VERIFIED)
        api.content.transition(org, transition="suspend", comment="Wykreślona z KRS")
    assert who(login_as, can_modify(org)) == MANAGERS
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(org, transition="verify")
    assert who(login_as, can_modify(org)) == {"rep_a"} | MANAGERS


def test_refused_changes(world, login_as):
    org = world["org_a"]
    login_as("rep_a")
    assert editing.refused_changes(org, {"email": "biuro@a.pl", "areas": ["culture"], "description": "Nowy"}) == []
    assert editing.refused_changes(org, {"krs": "0000000001", "title": "Stowarzyszenie A", "id": "org-a"}) == []
    refused = editing.refused_changes(org, {"krs": "0000000099", "nip": "5260250274", "title": "Inna nazwa",
                                            "id": "inna", "layout": "folder_listing"})
    assert len(refused) == 5
    login_as("editor")
    assert editing.refused_changes(org, {"krs": "0000000099", "title": "Inna nazwa"}) == []


# ------------------------------------------------------------------ over real HTTP


@pytest.fixture
def orgs(functional_portal):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    login(functional_portal, TEST_USER_NAME)
    world = make_personas(functional_portal)
    transaction.commit()
    return world


def path(org):
    return "/" + "/".join(org.getPhysicalPath()[2:])


def fresh(org):
    transaction.begin()
    return org


@pytest.mark.parametrize(
    "user,org_name,status",
    [(None, "org_a", 401), ("resident", "org_a", 401), ("unverified", "org_a", 401), ("rep_b", "org_a", 401),
     ("rep_a", "org_a", 204), ("rep_b", "org_b", 204), ("editor", "org_a", 204), ("site_admin", "org_b", 204)],
)
def test_patch_public_fields_by_persona(orgs, session, user, org_name, status):
    org = orgs[org_name]
    response = session(user).patch(path(org), json={"email": "nowy@example.org", "website": "https://nowa.example.org"})
    assert response.status_code == status, response.text
    org = fresh(org)
    if status == 204:
        assert org.email == "nowy@example.org" and org.website == "https://nowa.example.org"
    else:
        assert org.email != "nowy@example.org"
        assert response.json().get("type", response.json().get("error", {}).get("type")) == "Unauthorized"


def test_representative_patch_of_register_data_refused_whole(orgs, session):
    org = orgs["org_a"]
    rep = session("rep_a")
    response = rep.patch(path(org), json={"krs": "0000000099", "nip": "5260250274", "email": "x@example.org"})
    assert response.status_code == 403
    message = response.json()["error"]["message"]
    assert "nie może zmienić" in message and "KRS" in message and "NIP" in message
    org = fresh(org)
    assert org.krs == "0000000001" and org.nip is None and org.email != "x@example.org"  # nothing stored
    for body in ({"title": "Przejęta nazwa"}, {"id": "przejeta"}, {"legal_form": "foundation"},
                 {"layout": "folder_listing"}, {"exclude_from_nav": True}):
        response = rep.patch(path(org), json=body)
        assert response.status_code == 403, (body, response.text)
    org = fresh(org)
    assert org.title == "Stowarzyszenie A" and org.getId() == "org-a" and org.legal_form == "association"


def test_representative_sends_back_what_get_returned(orgs, session):
    org = orgs["org_a"]
    rep = session("rep_a")
    data = rep.get(path(org)).json()
    body = {key: data[key] for key in ("title", "krs", "legal_form", "street", "postal_code", "city", "areas", "id")}
    body["description"] = "Pomagamy seniorom z Zabrza."
    response = rep.patch(path(org), json=body)
    assert response.status_code == 204, response.text
    assert fresh(org).description == "Pomagamy seniorom z Zabrza."


def test_representative_patch_is_validated_in_polish(orgs, session):
    org = orgs["org_a"]
    response = session("rep_a").patch(path(org), json={"postal_code": "41800"})
    assert response.status_code == 400
    assert fresh(org).postal_code == "41-800"


def test_editor_changes_register_data(orgs, session):
    org = orgs["org_a"]
    response = session("editor").patch(path(org), json={"krs": "0000000099", "title": "Stowarzyszenie A-bis"})
    assert response.status_code == 204, response.text
    org = fresh(org)
    assert org.krs == "0000000099" and org.title == "Stowarzyszenie A-bis"


def test_patch_without_csrf_token_from_a_cookie_session_refused(orgs, functional_portal):
    """A browser form cannot send JSON cross-site; a non-JSON PATCH body is not applied."""
    org = orgs["org_a"]
    s = RelativeSession(functional_portal.absolute_url(), test=None)
    s.auth = ("rep_a", PASSWORD)
    response = s.patch(path(org), data="email=evil@example.org",
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
    assert response.status_code >= 400
    assert fresh(org).email != "evil@example.org"
    s.close()


class Page:
    """A logged-in browser over real HTTP (requests, Basic auth): HTML forms are posted as a browser would."""

    def __init__(self, portal, user):
        self.session = RelativeSession(portal.absolute_url(), test=None)
        self.session.auth = (user, PASSWORD)
        self.contents = ""
        self.status = None

    def open(self, url, allow_redirects=True):
        response = self.session.get(url, allow_redirects=allow_redirects)
        self.status, self.contents = response.status_code, response.text
        self.location = response.headers.get("Location", "")
        return self

    def controls(self):
        return set(re.findall(r'<(?:input|select|textarea)[^>]*name="([^"]+)"', self.contents))

    def token(self):
        tag = re.search(r'<input[^>]*name="_authenticator"[^>]*>', self.contents).group(0)
        return re.search(r'value="([^"]+)"', tag).group(1)

    def close(self):
        self.session.close()


@pytest.fixture
def page(functional_portal):
    pages = []

    def make(user):
        pages.append(Page(functional_portal, user))
        return pages[-1]

    yield make
    for p in pages:
        p.close()


def submit(page, org, **fields):
    """POST the edit form as a browser with JavaScript would (the areas widget's list is filled by a script)."""
    page.open(org.absolute_url() + "/edit")
    values = {
        "form.widgets.street": org.street,
        "form.widgets.postal_code": org.postal_code,
        "form.widgets.city": org.city,
        "form.widgets.areas:list": list(org.areas),
        "form.widgets.areas-empty-marker": "1",
        "form.buttons.save": "Zapisz",
        "_authenticator": page.token(),
    }
    values.update(fields)
    response = page.session.post(org.absolute_url() + "/@@edit", data=values, allow_redirects=False)
    assert response.status_code == 302, response.text[:2000]


def test_edit_form_for_a_representative(orgs, page):
    org = orgs["org_a"]
    browser = page("rep_a").open(org.absolute_url() + "/edit")
    assert "zmienia Urząd Miejski" in browser.contents  # the note on what stays with the City Hall
    controls = browser.controls()
    for name in ("krs", "nip", "regon", "legal_form", "register_name", "IBasic.title", "IShortName.id",
                 "IExcludeFromNavigation.exclude_from_nav"):
        assert not [c for c in controls if c.startswith(f"form.widgets.{name}")], name
    assert "0000000001" in browser.contents  # shown, read-only
    assert "form.widgets.email" in controls and "form.widgets.IBasic.description" in controls
    submit(browser, org, **{"form.widgets.email": "zarzad@example.org",
                            "form.widgets.IBasic.description": "Opis od przedstawiciela",
                            "form.widgets.areas:list": ["ngo_support", "culture"]})
    org = fresh(org)
    assert org.email == "zarzad@example.org" and org.description == "Opis od przedstawiciela"
    assert set(org.areas) == {"ngo_support", "culture"}
    assert org.krs == "0000000001" and org.title == "Stowarzyszenie A"


def test_forged_edit_form_post_does_not_change_register_data(orgs, page):
    org = orgs["org_a"]
    submit(page("rep_a"), org, **{
        "form.widgets.email": "forged@example.org",
        "form.widgets.krs": "0000000099",
        "form.widgets.nip": "5260250274",
        "form.widgets.IBasic.title": "Przejęta",
        "form.widgets.IShortName.id": "przejeta",
        "form.widgets.legal_form:list": "foundation",
    })
    org = fresh(org)
    assert org.email == "forged@example.org"  # the form was saved ...
    assert org.krs == "0000000001" and org.nip is None and org.title == "Stowarzyszenie A"  # ... without these
    assert org.legal_form == "association" and org.getId() == "org-a"


def test_edit_form_of_another_organization_refused(orgs, page):
    for user in ("rep_a", "resident", "unverified"):
        refused = page(user).open(orgs["org_b"].absolute_url() + "/edit", allow_redirects=False)
        assert refused.status in (401, 403) or "require_login" in refused.location, (user, refused.status)
        assert "form.widgets.email" not in refused.controls()


def test_edit_form_for_an_editor_has_every_field(orgs, page):
    org = orgs["org_a"]
    submit(page("editor"), org, **{"form.widgets.krs": "0000000042", "form.widgets.IBasic.title": "Stowarzyszenie A-bis",
                            "form.widgets.legal_form:list": "association"})
    org = fresh(org)
    assert org.krs == "0000000042" and org.title == "Stowarzyszenie A-bis"
