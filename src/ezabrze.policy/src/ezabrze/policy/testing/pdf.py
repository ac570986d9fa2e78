"""Reading a generated PDF back in tests (pypdf, a pinned test dependency of ezabrze.policy)."""

from pypdf import PdfReader

import io


def pdf_text(data):
    """The text of a PDF (bytes), pages joined by form feeds."""
    reader = PdfReader(io.BytesIO(data))
    return "\f".join(page.extract_text() or "" for page in reader.pages)


def pdf_fonts(data):
    """The names of the fonts embedded in a PDF (bytes), e.g. {"ABCDEF+DejaVuSans"}."""
    reader = PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            names.add(str(ref.get_object().get("/BaseFont", "")).lstrip("/"))
    return names
