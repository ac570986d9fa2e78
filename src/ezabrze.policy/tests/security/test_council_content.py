"""District council editors: embeds only from the allowed hosts, files only of the allowed types.

The matrix: who (a council editor, an office editor, a site administrator) x what (rich text of each type,
each kind of file) x where (the councils' section, elsewhere)."""

from ezabrze.policy.security.councils import clean_embeds
from ezabrze.policy.testing.councils import create_notice
from ezabrze.policy.testing.councils import rich
from ezabrze.policy.testing.personas import create_personas
from plone import api
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from zExceptions import BadRequest
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


@pytest.mark.parametrize(
    "html,kept",
    [
        ('<p>a</p><iframe src="//evil.example/x"></iframe>', False),
        ('<p>a<iframe src="http://www.youtube.com/embed/x"></iframe></p>', False),
        ('<iframe src="javascript:alert(1)"></iframe>', False),
        ('<div><embed src="https://evil.example/x.swf"></div>', False),
        ('<p><iframe src="https://www.youtube.com/embed/abc"></iframe></p>', True),
        ('<p><iframe src="https://www.openstreetmap.org/export/embed.html"></iframe></p>', True),
    ],
)
def test_clean_embeds(html, kept):
    cleaned = clean_embeds(html)
    assert ("<iframe" in cleaned or "<embed" in cleaned) is kept
    if not kept:
        assert "evil" not in cleaned and "javascript" not in cleaned


def test_text_without_embeds_is_unchanged():
    html = "<p>Zebranie <strong>rady</strong> w szkole.</p>"
    assert clean_embeds(html) is html


def _council(portal):
    return portal["rady-dzielnic"]["biskupice"]


def _notice(portal):
    return create_notice(_council(portal), "z-zalacznikami")


def test_notice_loses_foreign_iframe_on_save(portal):
    notice = create_notice(_council(portal), "z-ramka")
    notice.text = rich('<p>Mapa</p><iframe src="//evil.example"></iframe>')
    notify(ObjectModifiedEvent(notice))
    assert "iframe" not in notice.text.raw
    assert "Mapa" in notice.text.raw


@pytest.mark.parametrize("filename,content_type", [("setup.exe", "application/octet-stream"),
                                                   ("strona.html", "text/html"), ("logo.svg", "image/svg+xml")])
def test_dangerous_files_are_refused_in_councils(portal, filename, content_type):
    with api.env.adopt_roles(["Manager"]), pytest.raises(BadRequest):
        api.content.create(container=_notice(portal), type="File", id="plik",
                           file=NamedBlobFile(b"MZ", filename=filename, contentType=content_type))


def test_documents_are_accepted_in_councils(portal):
    with api.env.adopt_roles(["Manager"]):
        item = api.content.create(container=_notice(portal), type="File", id="protokol",
                                  file=NamedBlobFile(b"%PDF-1.4", filename="protokol.pdf",
                                                     contentType="application/pdf"))
    assert item.getId() == "protokol"


def test_other_sections_are_not_restricted(portal):
    with api.env.adopt_roles(["Manager"]):
        item = api.content.create(container=portal["aktualnosci"], type="File", id="grafika",
                                  file=NamedBlobFile(b"<svg/>", filename="logo.svg", contentType="image/svg+xml"))
    assert item.getId() == "grafika"


def test_a_file_uploaded_later_is_checked_too(portal):
    """An empty File may be added (nothing to check yet); the file put in it later is checked on modification."""
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    with api.env.adopt_roles(["Manager"]):
        item = api.content.create(container=_notice(portal), type="File", id="pusty")
        item.file = NamedBlobFile(b"MZ", filename="setup.exe", contentType="application/octet-stream")
        with pytest.raises(BadRequest):
            notify(ObjectModifiedEvent(item))


# --------------------------------------------------------------------------- who may embed and upload what

EVIL = '<p>Tekst</p><iframe src="//evil.example/x"></iframe>'
VIDEO = '<p>Film</p><iframe src="https://www.youtube.com/embed/abc"></iframe>'


@pytest.fixture
def council_editor_may_write(portal):
    """The councils' section, where the office lets a council editor write pages, news and events too (local
    roles on the section: still not an office editor)."""
    section = portal["rady-dzielnic"]
    create_personas(["council_a", "editor", "admin"])
    with api.env.adopt_roles(["Manager"]):
        section.manage_setLocalRoles("council_a", ["Contributor", "Editor"])
    return section


@pytest.mark.parametrize("portal_type,who", [
    (portal_type, who) for portal_type in ("Document", "News Item", "Event") for who in ("council_a", "editor", "admin")
] + [("Notice", "council_a"), ("Notice", "admin")])  # notices: the council's editors and the administrators
def test_rich_text_in_councils_keeps_only_allowed_embeds(portal, council_editor_may_write, portal_type, who):
    container = _council(portal) if portal_type == "Notice" else council_editor_may_write
    with api.env.adopt_user(username=who):
        item = api.content.create(container=container, type=portal_type, id="tekst", title="Tekst",
                                  text=rich(EVIL + VIDEO))
    raw = item.text.raw
    assert "evil.example" not in raw and "Tekst" in raw
    assert "youtube.com/embed/abc" in raw  # the allowed services stay, for everyone


def test_council_editor_edit_is_cleaned_too(portal, council_editor_may_write):
    with api.env.adopt_user(username="council_a"):
        item = api.content.create(container=council_editor_may_write, type="Document", id="strona", title="S")
        item.text = rich(EVIL)
        notify(ObjectModifiedEvent(item))
    assert "evil.example" not in item.text.raw


def test_rich_text_of_a_behaviour_is_cleaned(portal, council_editor_may_write):
    """Not only a field called ``text``: every rich text field of the item's schemata."""
    from ezabrze.policy.security.councils import _rich_text_fields

    with api.env.adopt_user(username="council_a"):
        item = api.content.create(container=council_editor_may_write, type="News Item", id="n", title="N",
                                  text=rich(EVIL))
    fields = [name for _adapter, name in _rich_text_fields(item)]
    assert "text" in fields
    assert "evil.example" not in item.text.raw


def test_council_editor_is_cleaned_outside_the_section(portal):
    """A council editor given a place to write elsewhere: still only the allowed embeds."""
    create_personas(["council_a"])
    folder = portal["aktualnosci"]
    with api.env.adopt_roles(["Manager"]):
        folder.manage_setLocalRoles("council_a", ["Contributor", "Editor"])
    with api.env.adopt_user(username="council_a"):
        item = api.content.create(container=folder, type="Document", id="od-rady", title="Od rady",
                                  text=rich(EVIL))
    assert "evil.example" not in item.text.raw


def test_office_editor_outside_the_section_keeps_plone_filter(portal):
    """Outside the councils' section the office keeps Plone's own safe-HTML filter: nothing removed on save."""
    create_personas(["editor"])
    with api.env.adopt_user(username="editor"):
        item = api.content.create(container=portal["aktualnosci"], type="Document", id="urzad", title="Urząd",
                                  text=RichTextValue(EVIL, "text/html", "text/x-html-safe"))
    assert item.text.raw == EVIL


def _upload(container, who, filename, content_type, id_="plik"):
    with api.env.adopt_user(username=who):
        return api.content.create(container=container, type="File", id=id_,
                                  file=NamedBlobFile(b"data", filename=filename, contentType=content_type))


@pytest.mark.parametrize(
    "filename,content_type,council_editor,office",
    [
        ("protokol.pdf", "application/pdf", True, True),
        ("uchwala.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", True, True),
        ("zdjecie.jpg", "image/jpeg", True, True),
        ("zalaczniki.zip", "application/zip", False, True),
        ("film.mp4", "video/mp4", False, True),
        ("mapa.geojson", "application/geo+json", False, True),
        ("setup.exe", "application/octet-stream", False, False),
        ("strona.html", "text/html", False, False),
        ("strona.txt", "text/html", False, False),  # the type the browser is told counts, not only the name
        ("logo.svg", "image/svg+xml", False, False),
        ("skrypt.js", "text/javascript", False, False),
        ("dane.xml", "application/xml", False, False),
    ],
)
def test_file_matrix_in_councils(portal, filename, content_type, council_editor, office):
    create_personas(["council_a", "editor", "admin"])
    notice = _notice(portal)
    for number, (who, allowed) in enumerate((("council_a", council_editor), ("editor", office),
                                             ("admin", office))):
        if allowed:
            assert _upload(notice, who, filename, content_type, id_=f"plik-{number}").getId() == f"plik-{number}"
        else:
            with pytest.raises(BadRequest):
                _upload(notice, who, filename, content_type, id_=f"plik-{number}")  # the publisher aborts


def test_refusals_are_in_polish(portal):
    from zope.globalrequest import getRequest

    getRequest().environ["HTTP_ACCEPT_LANGUAGE"] = "pl"
    create_personas(["council_a", "editor"])
    notice = _notice(portal)
    with pytest.raises(BadRequest) as refused:
        _upload(notice, "council_a", "zalaczniki.zip", "application/zip")
    assert "Tu nie można publikować" in str(refused.value)
    with pytest.raises(BadRequest) as dangerous:
        _upload(notice, "editor", "strona.html", "text/html", id_="strona")
    assert "przeglądarki" in str(dangerous.value)
