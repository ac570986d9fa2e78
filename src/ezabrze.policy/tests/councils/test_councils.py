"""District councils: folders, groups, the Notice type, expiry, boards, archive, RSS and iCalendar."""

from DateTime import DateTime
from datetime import timedelta
from ezabrze.policy import structure
from ezabrze.policy.councils import setup as districts
from ezabrze.policy.testing.councils import create_notice
from ezabrze.policy.testing.councils import meeting_at
from ezabrze.policy.testing.councils import today
from ezabrze.policy.testing.personas import create_personas
from plone import api
from plone.app.testing import logout
from zope.interface import Invalid

import feedparser
import icalendar
import pytest


REQUIRED = ("biskupice", "helenka", "konczyce", "makoszowy", "mikulczyce", "pawlow", "rokitnica", "zaborze")


@pytest.fixture
def section(portal):
    return portal[districts.SECTION_ID]


# --------------------------------------------------------------------------- structure


def test_at_least_eight_real_councils(section):
    ids = section.objectIds()
    for id_ in REQUIRED:
        assert id_ in ids, id_
    assert len([i for i in ids if section[i].portal_type == "DistrictCouncil"]) >= 8
    assert section["konczyce"].title == "Rada Dzielnicy Kończyce"
    assert section["pawlow"].district == "Pawłów"


@pytest.mark.parametrize("id_", REQUIRED)
def test_council_is_public_and_has_its_editors_group(section, id_):
    council = section[id_]
    assert api.content.get_state(council) == "published"
    group = api.group.get(groupname=districts.group_id(id_))
    assert group is not None
    assert group.getProperty("title") == f"Redaktorzy Rady Dzielnicy {council.district}"
    assert districts.COUNCIL_EDITOR_ROLE in council.get_local_roles_for_userid(districts.group_id(id_))


def test_council_editors_role_only_on_their_own_council(section):
    gid = districts.group_id("biskupice")
    for id_ in section.objectIds():
        roles = section[id_].get_local_roles_for_userid(gid)
        assert (districts.COUNCIL_EDITOR_ROLE in roles) == (id_ == "biskupice"), id_
    assert section.get_local_roles_for_userid(gid) == ()


def test_councils_are_created_idempotently(portal, section):
    before = list(section.objectIds())
    groups = len(api.group.get_groups())
    structure.create_structure(portal)
    districts.create_councils(portal)
    assert list(section.objectIds()) == before
    assert len(api.group.get_groups()) == groups


def test_councils_restored_when_deleted(portal, section):
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(section["helenka"])
    districts.create_councils(portal)
    assert section["helenka"].portal_type == "DistrictCouncil"


def test_section_shows_the_city_wide_board(section):
    assert districts.ICouncilsSection.providedBy(section)
    assert section.getLayout() == "tablica-ogloszen"
    assert api.content.get_state(section) == "published"


# --------------------------------------------------------------------------- the type


def test_notice_is_addable_only_in_councils(portal, section):
    types = api.portal.get_tool("portal_types")
    assert not types["Notice"].global_allow
    assert types["DistrictCouncil"].allowed_content_types == ("Notice",)
    with api.env.adopt_roles(["Manager"]):
        for container in (portal, section, portal["aktualnosci"], portal["intranet"]):
            with pytest.raises((ValueError, api.exc.InvalidParameterError)):
                api.content.create(container=container, type="Notice", id="zle", title="Źle")
        notice = api.content.create(container=section["zaborze"], type="Notice", id="ok", title="Dobrze")
    assert notice.portal_type == "Notice"


def test_notice_holds_attachments(section):
    notice = create_notice(section["zaborze"], "z-zalacznikiem")
    types = api.portal.get_tool("portal_types")
    assert set(types["Notice"].allowed_content_types) == {"File", "Image"}
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=notice, type="File", id="protokol.pdf", title="Protokół")
    assert "protokol.pdf" in notice.objectIds()


def test_validity_is_the_effective_range(section):
    start, end = today(), today() + timedelta(days=10)
    notice = create_notice(section["zaborze"], "zakres", valid_from=start, valid_until=end)
    assert notice.valid_from == start and notice.valid_until == end
    effective = notice.effective().asdatetime()
    expires = notice.expires().asdatetime()
    assert (effective.hour, effective.minute) == (0, 0)
    assert (expires.hour, expires.minute) == (23, 59)
    notice.valid_until = None
    assert notice.valid_until is None and notice.expiration_date is None


def _invariant_errors(data):
    from ezabrze.policy.councils.content import INotice

    try:
        INotice.validateInvariants(data)
    except Invalid as error:
        return [str(e) for e in error.args[0]] if error.args and isinstance(error.args[0], list) else [str(error)]
    return []


class _Data:
    def __init__(self, **kw):
        self.notice_category = "announcement"
        self.valid_from = today()
        self.valid_until = None
        self.meeting_start = None
        self.meeting_end = None
        self.meeting_place = None
        self.__dict__.update(kw)


def test_until_must_not_be_before_from():
    assert _invariant_errors(_Data(valid_until=today() - timedelta(days=1)))
    assert not _invariant_errors(_Data(valid_until=today()))


def test_meeting_needs_date_and_place():
    assert _invariant_errors(_Data(notice_category="meeting"))
    assert _invariant_errors(_Data(notice_category="meeting", meeting_start=meeting_at(3)))
    assert _invariant_errors(_Data(notice_category="meeting", meeting_place="SP 5"))
    assert not _invariant_errors(_Data(notice_category="meeting", meeting_start=meeting_at(3), meeting_place="SP 5"))
    assert not _invariant_errors(_Data(notice_category="event"))


def test_category_vocabulary_has_polish_labels(portal, http_request):
    from zope.component import getUtility
    from zope.i18n import translate
    from zope.schema.interfaces import IVocabularyFactory

    vocabulary = getUtility(IVocabularyFactory, "ezabrze.policy.NoticeCategories")(portal)
    assert [t.value for t in vocabulary] == ["meeting", "announcement", "resolution", "event"]
    labels = [translate(t.title, target_language="pl") for t in vocabulary]
    assert labels == ["Posiedzenie rady", "Ogłoszenie", "Uchwała", "Wydarzenie"]


# --------------------------------------------------------------------------- expiry and boards


def _board(context, name="notice-board", **form):
    request = context.REQUEST
    request.form.clear()
    request.form.update(form)
    view = api.content.get_view(name, context, request)
    return view


def _titles(view):
    return [item["title"] for item in view.items()]


@pytest.fixture
def notices(section):
    yesterday, long_ago = today() - timedelta(days=1), today() - timedelta(days=60)
    made = {
        "current": create_notice(section["biskupice"], "biezace", "Zebranie mieszkańców Biskupic",
                                 valid_from=yesterday, state="published"),
        "meeting": create_notice(section["zaborze"], "sesja", "Posiedzenie Rady Dzielnicy Zaborze",
                                 category="meeting", valid_from=yesterday, valid_until=today() + timedelta(days=7),
                                 meeting_start=meeting_at(5), meeting_place="SP 17, ul. Kalinowa 5",
                                 state="published"),
        "expired": create_notice(section["biskupice"], "stare", "Stare ogłoszenie",
                                 valid_from=long_ago, valid_until=long_ago + timedelta(days=10), state="published"),
        "future": create_notice(section["biskupice"], "przyszle", "Przyszłe ogłoszenie",
                                valid_from=today() + timedelta(days=3), state="published"),
        "draft": create_notice(section["biskupice"], "szkic", "Szkic ogłoszenia", state="private"),
        "archived": create_notice(section["zaborze"], "zarchiwizowane", "Uchwała archiwalna",
                                  category="resolution", state="archived"),
    }
    return made


def test_city_wide_board_lists_current_notices_newest_first(section, notices):
    logout()
    titles = _titles(_board(section))
    assert set(titles) == {"Zebranie mieszkańców Biskupic", "Posiedzenie Rady Dzielnicy Zaborze"}


def test_board_filters_by_district_and_category(section, notices):
    logout()
    assert _titles(_board(section, council="zaborze")) == ["Posiedzenie Rady Dzielnicy Zaborze"]
    assert _titles(_board(section, category="meeting")) == ["Posiedzenie Rady Dzielnicy Zaborze"]
    assert _titles(_board(section, council="biskupice", category="meeting")) == []
    assert len(_titles(_board(section, council="nie-ma-takiej"))) == 2  # unknown filter is ignored


def test_council_board_shows_only_its_notices(section, notices):
    logout()
    assert _titles(_board(section["biskupice"])) == ["Zebranie mieszkańców Biskupic"]


def test_newest_first_and_batching(section):
    council = section["rokitnica"]
    for n in range(23):
        create_notice(council, f"n{n:02d}", f"Ogłoszenie {n:02d}", valid_from=today() - timedelta(days=n + 1),
                      state="published")
    logout()
    first = _board(council)
    assert first.total() == 23 and first.pages() == 3
    assert _titles(first)[:3] == ["Ogłoszenie 00", "Ogłoszenie 01", "Ogłoszenie 02"]
    assert first.next_url().endswith("page=2") and first.previous_url() is None
    third = _board(council, page="3")
    assert _titles(third) == ["Ogłoszenie 20", "Ogłoszenie 21", "Ogłoszenie 22"]
    assert third.next_url() is None and third.previous_url().endswith("page=2")


def test_expired_notice_leaves_the_board_without_anybody_touching_it(section):
    council = section["mikulczyce"]
    notice = create_notice(council, "do-dzis", "Ważne do dziś", valid_from=today() - timedelta(days=2),
                           valid_until=today(), state="published")
    logout()
    assert _titles(_board(council)) == ["Ważne do dziś"]
    catalog = api.portal.get_tool("portal_catalog")
    # The same catalog query a moment after midnight: the notice is gone, the object was not modified.
    modified = notice.modified()
    after_midnight = notice.expires() + 1.0 / 86400 * 2
    query = {"portal_type": "Notice", "path": "/".join(council.getPhysicalPath()), "review_state": "published",
             "show_inactive": True}  # else Plone replaces effectiveRange by "now" for anonymous
    assert len(catalog(effectiveRange=DateTime(), **query)) == 1
    assert len(catalog(effectiveRange=after_midnight, **query)) == 0
    assert notice.modified() == modified


def test_expired_notice_is_in_the_archive_and_still_reachable(portal, section, notices):
    logout()
    archive = _board(section["biskupice"], "notice-archive")
    assert _titles(archive) == ["Stare ogłoszenie"]
    assert set(_titles(_board(section, "notice-archive"))) == {"Stare ogłoszenie", "Uchwała archiwalna"}
    assert api.user.has_permission("View", obj=notices["expired"])
    html = api.content.get_view("view", notices["expired"], portal.REQUEST)()
    assert "archiwum" in html


def test_board_hides_drafts_and_future_notices_even_from_editors(section, notices):
    titles = _titles(_board(section))  # logged in as the test user (Manager in setup)
    assert "Szkic ogłoszenia" not in titles and "Przyszłe ogłoszenie" not in titles


def test_board_renders_accessible_polish_markup(portal, section, notices):
    logout()
    html = _board(section)()
    assert '<label class="form-label" for="ezabrze-filter-council">Rada dzielnicy</label>' in html
    assert 'id="ezabrze-filter-category"' in html and "Wszystkie kategorie" in html
    assert "Posiedzenie rady" in html  # category label
    assert 'role="status"' in html
    assert "ogloszenia.rss" in html and "posiedzenia.ics" in html


def test_notice_view_shows_meeting_and_attachments(portal, section, notices):
    meeting = notices["meeting"]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(container=meeting, type="File", id="porzadek.pdf", title="Porządek obrad")
    logout()
    html = api.content.get_view("view", meeting, portal.REQUEST)()
    assert "SP 17, ul. Kalinowa 5" in html and "Porządek obrad" in html and "godz. 17:00" in html


# --------------------------------------------------------------------------- feeds


def test_rss_is_valid_rss2_of_current_notices(portal, section, notices):
    logout()
    body = _board(section, "notices.rss")()
    assert portal.REQUEST.response.getHeader("Content-Type").startswith("application/rss+xml")
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    titles = [entry.title for entry in feed.entries]
    assert set(titles) == {"Zebranie mieszkańców Biskupic", "Posiedzenie Rady Dzielnicy Zaborze"}
    assert all(entry.link.startswith("http") and entry.published_parsed for entry in feed.entries)
    council_feed = feedparser.parse(_board(section["zaborze"], "notices.rss")())
    assert [e.title for e in council_feed.entries] == ["Posiedzenie Rady Dzielnicy Zaborze"]
    assert council_feed.entries[0].tags[0].term == "Posiedzenie rady"


def test_ical_lists_meetings_city_wide_and_per_council(portal, section, notices):
    create_notice(section["helenka"], "sesja-helenka", "Sesja Rady Dzielnicy Helenka", category="meeting",
                  meeting_start=meeting_at(10, 18), meeting_place="Dom Kultury Helenka", state="published")
    create_notice(section["helenka"], "szkic-sesji", "Szkic sesji", category="meeting",
                  meeting_start=meeting_at(12), meeting_place="Nigdzie", state="private")
    logout()
    body = _board(section, "meetings.ics")()
    assert portal.REQUEST.response.getHeader("Content-Type").startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(body)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Posiedzenie Rady Dzielnicy Zaborze", "Sesja Rady Dzielnicy Helenka"}
    helenka = events["Sesja Rady Dzielnicy Helenka"]
    start = helenka.decoded("dtstart")
    assert (start.hour, str(helenka["location"])) == (18, "Dom Kultury Helenka")
    assert start.utcoffset() is not None
    assert helenka.decoded("dtend") > start
    council = icalendar.Calendar.from_ical(_board(section["zaborze"], "meetings.ics")())
    assert [str(e["summary"]) for e in council.walk("VEVENT")] == ["Posiedzenie Rady Dzielnicy Zaborze"]


# --------------------------------------------------------------------------- council editors


def test_council_editor_adds_and_publishes_only_in_own_council(portal, section):
    create_personas()
    with api.env.adopt_user(username="council_a"):
        notice = api.content.create(container=section["biskupice"], type="Notice", id="moje", title="Moje",
                                    valid_from=today())
        api.content.transition(notice, transition="publish")
        assert api.content.get_state(notice) == "published"
        with pytest.raises(Exception):
            api.content.create(container=section["zaborze"], type="Notice", id="obce", title="Obce")
        with pytest.raises(Exception):
            api.content.create(container=portal["aktualnosci"], type="News Item", id="n", title="N")
        assert not api.user.has_permission("Modify portal content", obj=section["biskupice"])
        assert not api.user.has_permission("Modify portal content", obj=portal["aktualnosci"])


# --------------------------------------------------------------------------- HTTP and REST


@pytest.fixture
def http_notices(functional_portal):
    import transaction

    create_personas()
    create_notice(functional_portal["rady-dzielnic"]["zaborze"], "sesja", "Sesja Rady Dzielnicy Zaborze",
                  category="meeting", meeting_start=meeting_at(4), meeting_place="SP 17", state="published")
    transaction.commit()


def test_boards_over_http(request_factory, http_notices):
    anon = request_factory(api=False)
    anon.headers["Accept"] = "text/html"
    for path in ("/rady-dzielnic", "/rady-dzielnic/zaborze", "/rady-dzielnic/zaborze/notice-archive",
                 "/rady-dzielnic?council=zaborze&category=meeting"):
        response = anon.get(path)
        assert response.status_code == 200, path
        assert 'lang="pl"' in response.text
    assert "Sesja Rady Dzielnicy Zaborze" in anon.get("/rady-dzielnic").text
    assert "Tablica ogłoszeń rad dzielnic" in anon.get("/rady-dzielnic").text


def test_council_editor_add_form_over_http(request_factory, http_notices):
    from ezabrze.policy.testing.personas import PASSWORD

    editor = request_factory(api=False, basic_auth=("council_a", PASSWORD))
    editor.headers["Accept"] = "text/html"
    own = editor.get("/rady-dzielnic/biskupice/++add++Notice")
    assert own.status_code == 200 and "form.widgets.IBasic.title" in own.text
    assert "form.widgets.notice_category" in own.text and "form.widgets.meeting_place" in own.text
    other = editor.get("/rady-dzielnic/zaborze/++add++Notice")  # Plone answers with its login page
    assert "form.widgets.IBasic.title" not in other.text and "form.widgets.notice_category" not in other.text


def test_rest_validates_notices(request_factory, http_notices):
    from ezabrze.policy.testing.personas import PASSWORD

    session = request_factory(basic_auth=("council_a", PASSWORD))
    bad = {"@type": "Notice", "title": "Posiedzenie bez miejsca", "text": "<p>x</p>", "notice_category": "meeting",
           "valid_from": str(today())}
    response = session.post("/rady-dzielnic/biskupice", json=bad)
    assert response.status_code == 400
    assert "miejsca" in response.text
    bad_range = {"@type": "Notice", "title": "Zły zakres", "text": "<p>x</p>", "notice_category": "announcement",
                 "valid_from": str(today()), "valid_until": str(today() - timedelta(days=1))}
    assert session.post("/rady-dzielnic/biskupice", json=bad_range).status_code == 400
    good = dict(bad, meeting_place="SP 36, sala 12", meeting_start=meeting_at(6).isoformat())
    response = session.post("/rady-dzielnic/biskupice", json=good)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["notice_category"]["token"] == "meeting"
    assert created["valid_from"] == str(today())
    assert session.post(created["@id"] + "/@workflow/publish", json={}).status_code == 200
    assert session.post("/rady-dzielnic/zaborze", json=good).status_code in (401, 403)


@pytest.mark.parametrize("type_,icon", [("Notice", "megaphone"), ("DistrictCouncil", "people"),
                                         ("StaffDirectory", "person-lines-fill"), ("StaffMember", "person-badge")])
def test_type_icons(portal, type_, icon):
    fti = api.portal.get_tool("portal_types")[type_]
    name = fti.icon_expr.replace("string:", "")
    assert api.portal.get_registry_record(f"plone.icon.{name}").endswith(f"/{icon}.svg")


def test_reapplying_the_profile_keeps_councils_and_intranet(portal):
    section = portal[districts.SECTION_ID]
    notice = create_notice(section["biskupice"], "zostaje", "Zostaje", state="published")
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_setup").runAllImportStepsFromProfile("profile-ezabrze.policy:default")
    assert api.content.get_state(notice) == "published"
    assert districts.COUNCIL_EDITOR_ROLE in section["biskupice"].get_local_roles_for_userid(
        districts.group_id("biskupice"))
    placeful = api.portal.get_tool("portal_placeful_workflow")
    with api.env.adopt_roles(["Manager"]):
        assert placeful.getWorkflowPolicyConfig(portal["intranet"]).getPolicyBelowId() == "ezabrze-intranet"
    assert api.content.get_state(portal["intranet"]["pracownicy"]) == "internal"


def test_board_kept_for_anonymous_shows_a_change_at_once(request_factory, http_notices):
    """The board's body is kept for anonymous visitors (utils.anonymous_fragment): a published or retracted
    notice is on or off the board with the next request; a logged-in user's view is never kept for them."""
    import transaction

    anon = request_factory(api=False)
    anon.headers["Accept"] = "text/html"
    council = api.portal.get()["rady-dzielnic"]["zaborze"]
    notice = create_notice(council, "nowe", "Nowe ogłoszenie Zaborza", state="private")
    transaction.commit()
    for _ in range(2):
        assert "Nowe ogłoszenie Zaborza" not in anon.get("/rady-dzielnic").text
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(notice, transition="publish")
    transaction.commit()
    assert "Nowe ogłoszenie Zaborza" in anon.get("/rady-dzielnic").text
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(notice, to_state="private")
    transaction.commit()
    assert "Nowe ogłoszenie Zaborza" not in anon.get("/rady-dzielnic").text
    assert "Sesja Rady Dzielnicy Zaborze" in anon.get("/rady-dzielnic").text
