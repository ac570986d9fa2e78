from datetime import datetime
from datetime import UTC
from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import ezabrze.ngo


class Layer(PloneSandboxLayer):
    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import plone.restapi

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=ezabrze.ngo)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "ezabrze.ngo:default")


FIXTURE = Layer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,),
    name="ezabrze.ngo:Integration",
)

FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="ezabrze.ngo:Functional",
)


# ------------------------------------------------------------------ personas and a consultation for the tests

# The frozen "now" of the date tests: 2027-10-01 12:00:00 UTC.
NOW = datetime(2027, 10, 1, 12, 0, 0, tzinfo=UTC)
PASSWORD = "Test-haslo-2027!"  # test users only; never a site default
UNIT_ID = "wydzial-polityki-spolecznej"
PERSONAS = ("anonymous", "resident", "rep_a", "rep_b", "unverified", "moderator", "staff", "editor", "site_admin")


def make_organization(container, id_, title, **fields):
    from plone import api

    values = {
        "legal_form": "association",
        "krs": "0000123456",
        "street": "ul. Wolności 1",
        "postal_code": "41-800",
        "city": "Zabrze",
        "areas": ["ngo_support"],
    }
    values.update(fields)
    org = api.content.create(container=container, type="Organization", id=id_, title=title, **values)
    api.content.transition(org, transition="verify")
    return org


def make_personas(portal):
    """Users of the permission matrix; returns {"org_a", "org_b"}. Run as a Manager."""
    from ezabrze.ngo.consultations import MODERATORS_GROUP
    from ezabrze.ngo.organizations import representatives as reps
    from ezabrze.ngo.organizations.setup import directory
    from plone import api

    def user(name, roles=("Member",)):
        api.user.create(
            email=f"{name}@example.org", username=name, password=PASSWORD, roles=list(roles),
            properties={"fullname": name.title()},
        )

    for name in ("resident", "rep_a", "rep_b", "unverified", "moderator", "staff"):
        user(name)
    user("editor", ("Member", "Editor"))
    user("site_admin", ("Member", "Site Administrator"))
    api.group.add_user(groupname=MODERATORS_GROUP, username="moderator")
    if UNIT_ID not in portal:
        from plone.dexterity.utils import createContentInContainer

        createContentInContainer(portal, "OrganizationalUnit", id=UNIT_ID, title="Wydział Polityki Społecznej",
                                 checkConstraints=False)
    if api.group.get(groupname=f"unit-{UNIT_ID}") is None:
        api.group.create(groupname=f"unit-{UNIT_ID}", title="Wydział Polityki Społecznej")
    api.group.add_user(groupname=f"unit-{UNIT_ID}", username="staff")
    folder = directory()
    org_a = make_organization(folder, "org-a", "Stowarzyszenie A", krs="0000000001")
    org_b = make_organization(folder, "org-b", "Fundacja B", krs="0000000002")
    for userid, org in (("rep_a", org_a), ("rep_b", org_b), ("unverified", org_a)):
        token = reps.request(org, userid, userid.title(), "prezes", True)
        reps.confirm(org, token)
        if userid != "unverified":
            reps.set_state(org, userid, reps.VERIFIED)
    return {"org_a": org_a, "org_b": org_b}


DRAFT = (
    "<p>§ 1. Program określa cele współpracy.</p><p>§ 2.</p><p>1. Cel główny.</p><p>2. Cele szczegółowe:</p>"
    "<p>1) wzmocnienie organizacji;</p><p>2) udział mieszkańców.</p><p>§ 3. Na program przeznacza się 100 zł.</p>"
)


def make_consultation(container, start, end, id_="konsultacja", participation="ngo", state="scheduled", **fields):
    """A consultation (dates are aware datetimes) moved to `state` (draft or scheduled)."""
    from ezabrze.ngo import clock
    from ezabrze.policy.utils import rich_text
    from plone import api

    values = {
        "draft": rich_text(DRAFT),
        "participation": participation,
        "start": start.astimezone(clock.LOCAL).replace(tzinfo=None),
        "end": end.astimezone(clock.LOCAL).replace(tzinfo=None),
        "consultation_forms": ["online"],
        "contact_person": "Anna Nowak",
        "contact_email": "ngo@um.zabrze.pl",
        "responsible_unit": UNIT_ID,
    }
    values.update(fields)
    consultation = api.content.create(container=container, type="Consultation", id=id_, title="Program 2027",
                                      **values)
    if state == "scheduled":
        api.content.transition(consultation, transition="schedule")
    return consultation


# ------------------------------------------------------------------ grant competitions

CRITERIA = [{"title": "Jakość merytoryczna", "max": 10}, {"title": "Kalkulacja kosztów", "max": 5}]


def make_call(container, deadline, id_="konkurs", state="announced", **fields):
    """A grant call (deadline: an aware datetime) announced at the (frozen) clock's now."""
    from datetime import date
    from decimal import Decimal
    from ezabrze.ngo import clock
    from plone import api

    values = {
        "task_type": "Wspieranie rozwoju sportu",
        "area": "ngo_support",
        "funds": Decimal("10000.00"),
        "max_grant": Decimal("6000.00"),
        "own_contribution_percent": Decimal("10"),
        "rules": "Dotacje do 6000 zł.",
        "delivery_terms": "Od 1 marca do 30 listopada.",
        "deadline": deadline.astimezone(clock.LOCAL).replace(tzinfo=None),
        "procedure": "Ocena formalna i merytoryczna przez komisję.",
        "criteria": CRITERIA,
        "decision_date": date(2027, 12, 1),
        "responsible_unit": UNIT_ID,
    }
    values.update(fields)
    call = api.content.create(container=container, type="GrantCall", id=id_, title="Sport 2028", **values)
    if state == "announced":
        api.content.transition(call, transition="announce")
    return call


def offer_fields(grant="5000", other="1000", **extra):
    from datetime import date

    values = {
        "contact_person": "Jan Kowalski, 600 100 200",
        "task_start": date(2028, 3, 1),
        "task_end": date(2028, 11, 30),
        "task_description": "Zajęcia sportowe dla dzieci.",
        "task_place": "Zabrze, hala MOSiR",
        "schedule": "Marzec-listopad: zajęcia 2 razy w tygodniu.",
        "expected_results": "60 dzieci, 70 zajęć.",
        "resources": "Trenerzy, sprzęt.",
        "experience": "10 lat prowadzenia zajęć.",
        "costs": [
            {"cost_type": "Wynagrodzenie trenera", "unit": "godzina", "unit_cost": "120.00", "units": "50",
             "from_grant": grant, "other": other},
        ],
        "statements": ["non_profit", "no_arrears", "data_true", "personal_data"],
    }
    values.update(extra)
    return values
