"""Done-when flow over real HTTP: an editor creates and schedules a consultation (REST), the clock opens it, two
NGOs comment through the pages (forms with the authenticator) and a resident through REST, a moderator hides a
remark, staff answer and publish, the clock closes it, the editor enters the adopted text on its page and
publishes the report, which anonymous visitors read (page, XLSX, REST)."""

from datetime import timedelta
from ezabrze.ngo.consultations import state
from ezabrze.ngo.testing import make_personas
from ezabrze.ngo.testing import NOW
from ezabrze.ngo.testing import PASSWORD
from ezabrze.ngo.testing import UNIT_ID
from plone import api

import html
import io
import openpyxl
import re
import requests
import transaction


AUTH_RE = re.compile(r'name="_authenticator" value="([^"]+)"')


def sync():
    transaction.begin()  # see what the HTTP requests committed
    with api.env.adopt_roles(["Manager"]):
        state.sync()
    transaction.commit()


def browser(user=None):
    session = requests.Session()
    if user:
        session.auth = (user, PASSWORD)
    return session


def token(session, url):
    page = session.get(url)
    assert page.status_code == 200, (url, page.status_code)
    return html.unescape(AUTH_RE.search(page.text).group(1))


def test_consultation_end_to_end(functional_portal, frozen):
    from plone.app.testing import login
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import TEST_USER_NAME

    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    login(functional_portal, TEST_USER_NAME)
    make_personas(functional_portal)
    transaction.commit()
    portal_url = functional_portal.absolute_url()
    folder_url = f"{portal_url}/organizacje-pozarzadowe/konsultacje"
    rest = {"Accept": "application/json", "Content-Type": "application/json"}

    editor = browser("editor")
    start = (NOW + timedelta(hours=1)).isoformat()
    end = (NOW + timedelta(days=10)).isoformat()
    response = editor.post(folder_url, headers=rest, json={
        "@type": "Consultation", "id": "e2e", "title": "Program współpracy 2028",
        "draft": {"data": "<p>§ 1. Cel.</p><p>§ 2. Kwota 100 zł.</p>", "content-type": "text/html"},
        "participation": "ngo_residents", "start": start, "end": end, "consultation_forms": ["online"],
        "contact_person": "Anna Nowak", "contact_email": "ngo@um.zabrze.pl", "responsible_unit": UNIT_ID,
    })
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    assert editor.post(f"{url}/@workflow/schedule", headers=rest, json={}).status_code == 200
    rep_a = browser("rep_a")
    assert rep_a.get(f"{url}/@@zglos-uwage?unit=par-2").status_code == 200  # scheduled: form page says so
    frozen.set(NOW + timedelta(hours=2))
    sync()
    assert api.content.get_state(functional_portal.unrestrictedTraverse(url.replace(portal_url + "/", ""))) == "open"

    # two NGOs through the page form, a resident through REST
    for user, text in (("rep_a", "Kwota za mała."), ("rep_b", "Popieramy zwiększenie.")):
        session = browser(user)
        form_url = f"{url}/@@zglos-uwage?unit=par-2"
        response = session.post(f"{url}/@@zglos-uwage", data={
            "_authenticator": token(session, form_url), "protected_1": "", "unit_id": "par-2",
            "current_wording": "Kwota 100 zł.", "proposed_wording": "Kwota 300 zł.", "justification": text,
        })
        assert response.status_code == 200 and text in response.text, response.text[-500:]
        assert "<del>100</del>" in response.text and "<ins>300</ins>" in response.text
    resident = browser("resident")
    response = resident.post(f"{url}/@remarks", headers=rest, json={"unit_id": "", "justification": "Spam spam"})
    assert response.status_code == 201 and response.json()["author"] == "mieszkaniec/mieszkanka"
    spam_id = response.json()["id"]

    # moderation through the page
    moderator = browser("moderator")
    response = moderator.post(f"{url}/@@moderuj", data={
        "_authenticator": token(moderator, f"{url}/@@uwagi"), "remark_id": spam_id, "action": "hide",
        "reason": "Reklama"})
    assert response.status_code == 200
    assert "Spam spam" not in requests.get(f"{url}/@@uwagi").text

    # answers through the page, published together
    staff = browser("staff")
    remarks = requests.get(f"{url}/@remarks", headers=rest).json()["items"]
    for item, verdict in zip(remarks, ("partly", "accepted"), strict=True):
        response = staff.post(f"{url}/@@odpowiedz", data={
            "_authenticator": token(staff, f"{url}/@@uwagi"), "remark_id": item["id"], "verdict": verdict,
            "reasoning": "Kwota 200 zł."})
        assert response.status_code == 200
    assert "Kwota 200 zł." not in requests.get(f"{url}/@@uwagi").text  # prepared only
    staff.post(f"{url}/@@opublikuj-odpowiedzi", data={"_authenticator": token(staff, f"{url}/@@uwagi")})
    assert "Kwota 200 zł." in requests.get(f"{url}/@@uwagi").text

    # the clock closes it; the editor enters the adopted text and publishes the report
    frozen.set(NOW + timedelta(days=10))
    sync()
    response = editor.post(f"{url}/@@tekst-przyjety", data={
        "_authenticator": token(editor, f"{url}/@@tekst-przyjety"), "unit-par-1": "Cel.",
        "unit-par-2": "Kwota 200 zł."})
    assert response.status_code == 200
    assert editor.post(f"{url}/@workflow/publish_report", headers=rest, json={}).status_code == 200
    page = requests.get(f"{url}/@@raport")
    assert page.status_code == 200 and "<del>100</del>" in page.text and "<ins>200</ins>" in page.text
    assert "Stowarzyszenie A" in page.text and "Fundacja B" in page.text and "Spam spam" not in page.text
    book = openpyxl.load_workbook(io.BytesIO(requests.get(f"{url}/@@raport.xlsx").content))
    assert book["Podsumowanie"]["B2"].value == 1  # accepted
    report = requests.get(f"{url}/@consultation-report", headers=rest).json()
    assert report["total"] == 2 and report["consultation"]["state"] == "report_published"
