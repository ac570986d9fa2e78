"""District council editors: embeds only from the allowed hosts, files only of the allowed types."""

from ezabrze.policy.security.councils import clean_embeds
from ezabrze.policy.testing.councils import create_notice
from ezabrze.policy.testing.councils import rich
from plone import api
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
