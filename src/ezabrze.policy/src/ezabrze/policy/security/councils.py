"""What district council editors (people outside the City Hall) may put on the portal.

Who is who: an *office editor* has a City Hall role on the whole site (Manager, Site Administrator, Editor,
Reviewer, Contributor — ``OFFICE_ROLES``); a *council editor* is anyone else, typically a member of a council's
group ``rada-dzielnicy-<id>`` with the local role CouncilEditor on their council only.

* Rich text: ``<iframe>``, ``<embed>`` and ``<object>`` stay only when they load over https from the video and
  map services the portal allows (ezabrze.policy.security.headers.EMBED_HOSTS); any other — also
  protocol-relative ``//host`` — is removed when the item is saved. This applies to every rich text field of
  every item (notices, pages, news, events, any type and behaviour) in the councils' section, whoever saves it,
  and anywhere on the site when a council editor saves it. Office editors elsewhere keep Plone's own safe-HTML
  filter (which allows only its configured embeds).
* Files and images in the councils' section:
  - council editors: only documents and images (PDF, office documents, JPG, PNG, GIF — ``ALLOWED_FILE_EXTENSIONS``);
  - office editors: any type except those a browser would run or render as a page — HTML, SVG, XML, scripts
    and executables (``DANGEROUS_FILE_EXTENSIONS``, and HTML/SVG/XML/JavaScript content types): everything
    there is downloadable by anonymous visitors, so these stay blocked for everyone.
  Refused with a Polish message (400), nothing stored.
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
DANGEROUS_FILE_EXTENSIONS = frozenset({
    "html", "htm", "xhtml", "shtml", "svg", "svgz", "xml", "xsl", "js", "mjs", "exe", "com", "bat", "cmd", "scr",
    "msi", "pif", "ps1", "vbs", "wsf", "jar", "sh", "php", "hta", "swf",
})
DANGEROUS_CONTENT_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml", "text/javascript",
    "application/javascript", "application/x-javascript", "text/ecmascript", "application/ecmascript",
    "application/x-msdownload", "application/x-msdos-program", "application/x-sh", "application/x-shockwave-flash",
    "application/hta",
})  # and every "+xml" type (a browser renders XML and SVG as documents that may run scripts)
OFFICE_ROLES = frozenset({"Manager", "Site Administrator", "Editor", "Reviewer", "Contributor"})
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


DANGEROUS_FILE_REFUSED = _(
    "dangerous_file_refused",
    default="Files of this type (web pages, SVG, scripts, programs) cannot be published here: visitors' "
            "browsers would run them. Send the file as PDF or in an archive.",
)


def is_office_editor():
    """True if the current user has a City Hall role on the whole site (not only a local role somewhere)."""
    from AccessControl import getSecurityManager

    user = getSecurityManager().getUser()
    return bool(OFFICE_ROLES & set(user.getRoles() or ()))


def _rich_text_fields(obj):
    """(schema adapter, field name) of every rich text field of ``obj`` (its type's schema and behaviours)."""
    from plone.app.textfield.interfaces import IRichText
    from plone.dexterity.utils import iterSchemata
    from zope.schema import getFieldsInOrder

    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            if IRichText.providedBy(field):
                adapter = schema(obj, None)
                if adapter is not None:
                    yield adapter, name


def clean_rich_text(obj, event):
    """IObjectAddedEvent / IObjectModifiedEvent of any content: embeds from other hosts are removed from its rich
    text in the councils' section, and wherever a council editor writes."""
    from plone.app.textfield.value import RichTextValue

    if not (_in_councils(obj) or not is_office_editor()):
        return
    for adapter, name in _rich_text_fields(obj):
        text = getattr(adapter, name, None)
        raw = getattr(text, "raw", None)
        if not raw:
            continue
        cleaned = clean_embeds(raw)
        if cleaned != raw:
            setattr(adapter, name, RichTextValue(cleaned, text.mimeType, text.outputMimeType))


def _in_councils(obj):
    path = obj.getPhysicalPath() if hasattr(obj, "getPhysicalPath") else ()
    return SECTION_ID in path[:4]


def check_council_file(obj, event):
    """IObjectAddedEvent / IObjectModifiedEvent of content: a File or Image in the councils' section must be of a
    type its uploader may publish there (see the module's docstring)."""
    if getattr(obj, "portal_type", None) not in ("File", "Image") or not _in_councils(obj):
        return
    blob = getattr(obj, "file", None) or getattr(obj, "image", None)
    if blob is None:  # no file yet (it is checked when one is uploaded: the modified event)
        return
    filename = getattr(blob, "filename", "") or ""
    extension = os.path.splitext(filename)[1].lower().lstrip(".")
    content_type = (getattr(blob, "contentType", "") or "").split(";")[0].strip().lower()
    if extension in DANGEROUS_FILE_EXTENSIONS or content_type in DANGEROUS_CONTENT_TYPES \
            or content_type.endswith("+xml"):
        _refuse(DANGEROUS_FILE_REFUSED)
    if extension not in ALLOWED_FILE_EXTENSIONS and not is_office_editor():
        _refuse(FILE_REFUSED)


def _refuse(message):
    request = getRequest()
    raise BadRequest(translate(message, context=request) if request is not None else str(message.default))
