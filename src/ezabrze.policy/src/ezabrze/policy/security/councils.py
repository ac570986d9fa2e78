"""What district council editors (people outside the City Hall) may put on the portal.

* Rich text: ``<iframe>``, ``<embed>`` and ``<object>`` stay only when they load over https from the video and
  map services the portal allows (ezabrze.policy.security.headers.EMBED_HOSTS); any other — also
  protocol-relative ``//host`` — is removed when a notice is saved.
* Files in the councils' section: only documents and images (PDF, office documents, JPG, PNG); executables,
  HTML and SVG (which can carry scripts) are refused with a Polish message (400).
"""

from ezabrze.policy import _
from ezabrze.policy.councils import SECTION_ID
from ezabrze.policy.security.headers import EMBED_HOSTS
from urllib.parse import urlsplit
from zExceptions import BadRequest
from zope.globalrequest import getRequest
from zope.i18n import translate

import os


ALLOWED_EMBED_HOSTS = frozenset(urlsplit(url).hostname for url in EMBED_HOSTS.split())
EMBED_TAGS = ("iframe", "embed", "object")
ALLOWED_FILE_EXTENSIONS = frozenset({"pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "rtf", "txt", "jpg", "jpeg",
                                     "png", "gif"})
FILE_REFUSED = _(
    "council_file_refused",
    default="Files of this type cannot be published here. Allowed: PDF, office documents, JPG, PNG, GIF.",
)


def embed_allowed(src):
    parts = urlsplit((src or "").strip())
    return parts.scheme == "https" and (parts.hostname or "") in ALLOWED_EMBED_HOSTS


def clean_embeds(html):
    """``html`` without the embeds from hosts that are not allowed (unchanged when there are none)."""
    if not html or not any(f"<{tag}" in html.lower() for tag in EMBED_TAGS):
        return html
    from lxml import html as lxml_html

    fragments = lxml_html.fragments_fromstring(html)
    changed = False
    result = []
    for fragment in fragments:
        if isinstance(fragment, str):
            result.append(fragment)
            continue
        elements = [fragment] if fragment.tag in EMBED_TAGS else []
        elements += [el for tag in EMBED_TAGS for el in fragment.iter(tag) if el is not fragment]
        for element in elements:
            src = element.get("src") or element.get("data") or ""
            if not embed_allowed(src):
                changed = True
                if element is fragment:
                    fragment = None
                    break
                element.drop_tree()
        if fragment is not None:
            result.append(lxml_html.tostring(fragment, encoding="unicode"))
    return "".join(result) if changed else html


def clean_notice_text(obj, event):
    """IObjectAddedEvent / IObjectModifiedEvent of a notice: embeds from other hosts are removed."""
    from plone.app.textfield.value import RichTextValue

    text = getattr(obj, "text", None)
    raw = getattr(text, "raw", None)
    if not raw:
        return
    cleaned = clean_embeds(raw)
    if cleaned != raw:
        obj.text = RichTextValue(cleaned, text.mimeType, text.outputMimeType)


def _in_councils(obj):
    return SECTION_ID in obj.getPhysicalPath()[:4]


def check_council_file(obj, event):
    """IObjectAddedEvent / IObjectModifiedEvent of content: a File or Image in the councils' section must be of an allowed type."""
    if getattr(obj, "portal_type", None) not in ("File", "Image") or not _in_councils(obj):
        return
    blob = getattr(obj, "file", None) or getattr(obj, "image", None)
    if blob is None:  # no file yet (it is checked when one is uploaded: the modified event)
        return
    filename = getattr(blob, "filename", "") or ""
    extension = os.path.splitext(filename)[1].lower().lstrip(".")
    content_type = (getattr(blob, "contentType", "") or "").lower()
    if extension not in ALLOWED_FILE_EXTENSIONS or "html" in content_type or "svg" in content_type:
        request = getRequest()
        message = translate(FILE_REFUSED, context=request) if request is not None else str(FILE_REFUSED.default)
        raise BadRequest(message)
