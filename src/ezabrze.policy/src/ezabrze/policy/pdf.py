"""PDF documents made from HTML (a page template's output): the one helper every PDF export of the portal uses.

WeasyPrint lays the HTML out with the CSS paged-media rules and embeds the fonts it used, so a report shows
Polish letters (ą, ę, ł, ś, ź, ż …) in any reader; the README ("PDF") says why WeasyPrint and what it needs
from Debian (Pango and fonts with Polish glyphs, scripts/system_deps.sh).

Rendering is offline: the fetcher given to WeasyPrint answers ``data:`` URLs and files inside the folders the
caller allows, and refuses everything else (http, https, ftp, other files). A report therefore never makes the
server fetch an address written into a remark (no server-side request forgery, no waiting on a network that
is not there); a refused image or stylesheet is left out and the rest of the document is still made.
"""

from pathlib import Path
from urllib.parse import quote
from urllib.parse import unquote
from urllib.parse import urlsplit
from weasyprint import CSS
from weasyprint import HTML
from weasyprint.urls import URLFetcher

import logging
import re
import unicodedata


logger = logging.getLogger(__name__)

PDF_MIMETYPE = "application/pdf"

# Fonts with every Polish glyph (Debian: fonts-dejavu-core); fontconfig falls back to any sans font.
BASE_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; } }
html { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; } h3 { font-size: 11pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #777; padding: 2pt 4pt; vertical-align: top; text-align: left; }
"""


class OfflineURLFetcher(URLFetcher):
    """Answers ``data:`` URLs and ``file:`` URLs inside ``allowed_dirs``; refuses every other address.

    The refused addresses are kept in ``refused`` (tests read them; the log names them once).
    """

    def __init__(self, allowed_dirs=()):
        super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
        self.allowed_dirs = [Path(d).resolve() for d in allowed_dirs]
        self.refused = []

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "file" and self._allowed_file(parts):
            return super().fetch(url, headers)
        if scheme == "data":
            return super().fetch(url, headers)
        self.refused.append(url)
        logger.info("PDF rendering: refused to fetch %s (only local resources are used)", url[:200])
        raise ValueError(f"Not a local resource: {url[:200]}")

    def _allowed_file(self, parts):
        if parts.netloc not in ("", "localhost"):
            return False
        path = Path(unquote(parts.path)).resolve()
        return any(path == d or d in path.parents for d in self.allowed_dirs)


def html_to_pdf(html, stylesheets=(), allowed_dirs=(), base_url=None, fetcher=None):
    """The PDF (bytes) of ``html``, a complete HTML document or a fragment, as text.

    ``stylesheets``: CSS texts added after the base style (A4, page numbers, DejaVu Sans). ``allowed_dirs``:
    folders whose files (images, fonts) the document may use through ``file:`` URLs; relative URLs resolve
    against ``base_url`` (a ``file:`` URL of such a folder, or nothing). Nothing is fetched over a network.
    """
    fetcher = fetcher or OfflineURLFetcher(allowed_dirs)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    css = [CSS(string=BASE_CSS, url_fetcher=fetcher)]
    css += [CSS(string=text, url_fetcher=fetcher) for text in stylesheets]
    return document.write_pdf(stylesheets=css)


def content_disposition(filename, disposition="attachment"):
    """A Content-Disposition value that carries a Polish file name: an ASCII fallback and RFC 6266 filename*."""
    ascii_name = unicodedata.normalize("NFKD", filename.replace("ł", "l").replace("Ł", "L"))
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name.encode("ascii", "ignore").decode("ascii"))
    ascii_name = ascii_name.strip("-") or "dokument.pdf"
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def set_pdf_headers(response, data, filename, disposition="attachment", public=False):
    """Headers of a PDF answer: type, length, file name, no sniffing; private caching unless ``public``."""
    response.setHeader("Content-Type", PDF_MIMETYPE)
    response.setHeader("Content-Length", str(len(data)))
    response.setHeader("Content-Disposition", content_disposition(filename, disposition))
    response.setHeader("X-Content-Type-Options", "nosniff")
    if not public:
        response.setHeader("Cache-Control", "private, no-store")

