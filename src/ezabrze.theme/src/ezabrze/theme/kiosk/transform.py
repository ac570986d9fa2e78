"""The kiosk layout, applied to every HTML page of a kiosk-mode request after the Diazo theme.

- links that leave the portal become plain text with their address and a QR code to open on one's phone;
  ``mailto:``/``tel:`` links become plain text;
- downloads (attachments, files, feeds, calendars) are offered as a QR code of their public address;
- links to the portal without the kiosk prefix are put back into the kiosk; links to login, editing or
  management views are removed;
- forms and fields do not autocomplete (nothing typed is offered to the next person);
- the kiosk bar (Start, Wstecz, larger text, high contrast), the idle countdown and the on-screen keyboard
  (``browser/static/kiosk.js``) are added; the page is never stored by the browser or a cache.
"""

from ezabrze.theme.kiosk.mode import current_kiosk
from ezabrze.theme.kiosk.mode import is_blocked
from functools import lru_cache
from lxml import etree
from lxml import html as lxml_html
from plone.transformchain.interfaces import ITransform
from repoze.xmliter.serializer import XMLSerializer
from repoze.xmliter.utils import getHTMLSerializer
from urllib.parse import urljoin
from urllib.parse import urlsplit
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.component.hooks import getSite
from zope.interface import implementer
from zope.interface import Interface

import logging
import re
import segno


logger = logging.getLogger("ezabrze.theme.kiosk")

DOWNLOAD_SEGMENTS = ("@@download", "@@display-file", "at_download", "@@images")
DOWNLOAD_EXTENSIONS = re.compile(
    r"\.(pdf|docx?|odt|ods|odp|rtf|xlsx?|csv|pptx?|zip|7z|rar|xml|ics|rss|txt|jpe?g|png|gif|svg|mp3|mp4)$",
    re.IGNORECASE,
)
FEED_VIEWS = ("rss", "rss.xml", "atom.xml", "ogloszenia.rss", "posiedzenia.ics", "notices.rss", "meetings.ics")
TEXT_INPUT_TYPES = {"", "text", "search", "email", "tel", "url", "password", "number"}


@lru_cache(maxsize=512)
def qr_svg(url):
    """An inline SVG QR code of ``url`` (segno, pure Python)."""
    return segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")


def is_download(path):
    segments = [segment for segment in path.split("/") if segment]
    if not segments:
        return False
    last = segments[-1].lower()
    return (
        any(segment in DOWNLOAD_SEGMENTS for segment in segments)
        or last in FEED_VIEWS
        or bool(DOWNLOAD_EXTENSIONS.search(last))
    )


class KioskPage:
    """Rewrites the lxml tree of one page."""

    def __init__(self, root, request, kiosk_url, public_url, strings):
        self.root = root
        self.request = request
        self.kiosk_url = kiosk_url.rstrip("/")
        self.public_url = public_url.rstrip("/")
        self.base = request.get("ACTUAL_URL") or self.kiosk_url
        self.strings = strings
        self.qr_count = 0

    def inside(self, url, root):
        return url == root or url.startswith((root + "/", root + "?", root + "#"))

    def run(self):
        for link in list(self.root.iter("a")):
            self.link(link)
        for form in self.root.iter("form"):
            self.form(form)
        for field in self.root.iter("input", "textarea"):
            if field.tag == "textarea" or (field.get("type") or "").lower() in TEXT_INPUT_TYPES:
                field.set("autocomplete", "off")
        for element in self.root.xpath("//*[@target]"):
            del element.attrib["target"]

    def form(self, form):
        form.set("autocomplete", "off")
        action = (form.get("action") or "").strip()
        if not action:
            return
        url = urljoin(self.base, action)
        if self.inside(url, self.public_url) and not self.inside(url, self.kiosk_url):
            url = self.kiosk_url + url[len(self.public_url):]
            form.set("action", url)
        if not self.inside(url, self.kiosk_url) or is_blocked_url(url, self.kiosk_url):
            # A form that would log in or leave the portal: not in a kiosk.
            self.remove(form)

    def link(self, link):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#"):
            return
        scheme = urlsplit(href).scheme.lower()
        if scheme in ("mailto", "tel", "sms", "callto"):
            # The address is the text of such a link (or is shown as it): plain text.
            text = (link.text_content() or "").strip()
            return self.plain(link, None if text else href.split(":", 1)[1].split("?", 1)[0], qr=False)
        if scheme and scheme not in ("http", "https"):
            return self.plain(link, None, qr=False)
        url = urljoin(self.base, href)
        if self.inside(url, self.public_url) and not self.inside(url, self.kiosk_url):
            url = self.kiosk_url + url[len(self.public_url):]
            link.set("href", url)
        if self.inside(url, self.kiosk_url):
            if is_blocked_url(url, self.kiosk_url):
                return self.remove(link)
            if is_download(urlsplit(url).path):
                public = self.public_url + url[len(self.kiosk_url):]
                return self.plain(link, None, qr=True, qr_url=public, label=self.strings["download"])
            return None
        # Another site: text and address, a QR code to open it on a phone.
        return self.plain(link, url, qr=True, qr_url=url, label=self.strings["external"])

    def plain(self, link, address, qr, qr_url=None, label=""):
        """Replace the link by a span with its text (and address, and a QR code button)."""
        span = etree.Element("span", {"class": "ezabrze-kiosk-nolink"})
        span.text = link.text
        for child in link:
            span.append(child)
        text = (link.text_content() if hasattr(link, "text_content") else "") or ""
        if address and address not in text:
            extra = etree.SubElement(span, "span", {"class": "ezabrze-kiosk-address"})
            extra.text = f" ({address})"
        if qr:
            self.qr_count += 1
            qr_id = f"ezabrze-kiosk-qr-{self.qr_count}"
            button = etree.SubElement(
                span,
                "button",
                {
                    "type": "button",
                    "class": "ezabrze-kiosk-qr-button",
                    "aria-expanded": "false",
                    "aria-controls": qr_id,
                },
            )
            button.text = label
            box = etree.SubElement(span, "span", {"class": "ezabrze-kiosk-qr", "id": qr_id, "hidden": "hidden"})
            try:
                svg = lxml_html.fragment_fromstring(qr_svg(qr_url))
            except Exception:  # never break a page for a QR code
                logger.exception("QR code of %s failed", qr_url)
                svg = None
            if svg is not None:
                svg.set("role", "img")
                svg.set("aria-label", f"{self.strings['qr']}: {qr_url}")
                box.append(svg)
            caption = etree.SubElement(box, "span", {"class": "ezabrze-kiosk-qr-caption"})
            caption.text = self.strings["scan"]
        span.tail = link.tail
        link.getparent().replace(link, span)

    def remove(self, element):
        parent = element.getparent()
        if parent is None:
            return
        tail = element.tail
        if tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(element)
        # An emptied list item would still show a bullet and take a touch.
        if parent.tag == "li" and not len(parent) and not (parent.text or "").strip():
            grand = parent.getparent()
            if grand is not None:
                grand.remove(parent)


def is_blocked_url(url, kiosk_url):
    path = urlsplit(url[len(kiosk_url):]).path
    return any(is_blocked(name) for name in path.split("/") if name)


def add_kiosk_chrome(root, request, site):
    """The kiosk bar at the start of <body>, the config, CSS and JS in <head>."""
    head = root.find("head")
    body = root.find("body")
    if head is None or body is None:
        return
    root.set("class", ((root.get("class") or "") + " ezabrze-kiosk").strip())
    view = getMultiAdapter((site, request), name="infokiosk-elementy")
    for fragment in lxml_html.fragments_fromstring(view.head()):
        if not isinstance(fragment, str):
            head.append(fragment)
    bar = lxml_html.fragment_fromstring(view.bar())
    skiplinks = body.find(".//*[@id='ezabrze-skiplinks']")
    if skiplinks is not None and skiplinks.getparent() is body:
        skiplinks.addnext(bar)
    else:
        body.insert(0, bar)


@implementer(ITransform)
@adapter(Interface, Interface)
class KioskTransform:
    """Order 8900: after the Diazo theme (8850), before plone.protect (9000)."""

    order = 8900

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def transformBytes(self, result, encoding):
        return self.transformIterable([result], encoding)

    def transformUnicode(self, result, encoding):
        return self.transformIterable([result.encode(encoding or "utf-8")], encoding)

    def transformIterable(self, result, encoding):
        request = self.request
        if current_kiosk(request) is None:
            return None
        response = request.response
        content_type = response.getHeader("Content-Type") or ""
        if not content_type.startswith("text/html") or response.getStatus() in (301, 302, 303, 304, 307, 308):
            return None
        # Nothing of a kiosk page is kept by the browser (back/forward cache included) or a shared cache.
        response.setHeader("Cache-Control", "no-store, private")
        if not isinstance(result, XMLSerializer):
            if isinstance(result, list) and len(result) == 1 and not result[0].strip():
                return None
            try:
                result = getHTMLSerializer(result, pretty_print=False, encoding=encoding)
            except (AttributeError, TypeError, etree.ParseError):
                return None
        site = getSite()
        if site is None:
            return None
        kiosk_url = site.absolute_url()
        public_url = kiosk_url.rsplit("/", 1)[0]
        view = getMultiAdapter((site, request), name="infokiosk-elementy")
        root = result.tree.getroot()
        KioskPage(root, request, kiosk_url, public_url, view.strings()).run()
        add_kiosk_chrome(root, request, site)
        return result
