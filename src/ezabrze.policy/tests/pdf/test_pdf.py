"""The shared PDF helper: HTML to PDF offline, Polish letters kept, only local resources used, headers."""

from ezabrze.policy.pdf import content_disposition
from ezabrze.policy.pdf import html_to_pdf
from ezabrze.policy.pdf import OfflineURLFetcher
from ezabrze.policy.pdf import set_pdf_headers
from ezabrze.policy.testing.pdf import pdf_fonts
from ezabrze.policy.testing.pdf import pdf_text

import base64
import http.server
import threading


POLISH = "Zażółć gęślą jaźń — ŹRÓDŁO Łąk, Śląsk"

# A 1×1 PNG, as a data: URL (local, allowed).
PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
).decode()


def test_polish_text_reads_back():
    data = html_to_pdf(f"<h1>Raport</h1><p>{POLISH}</p><table><tr><td>§ 1 ust. 2</td></tr></table>")
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Raport" in text
    assert POLISH in text
    assert "§ 1 ust. 2" in text


def test_embeds_a_font_with_polish_glyphs():
    data = html_to_pdf(f"<p>{POLISH}</p>")
    assert any("DejaVu" in name for name in pdf_fonts(data)), pdf_fonts(data)


def test_escaped_markup_stays_text():
    data = html_to_pdf("<p>&lt;script&gt;alert(1)&lt;/script&gt; =SUM(A1)</p>")
    assert "<script>alert(1)</script> =SUM(A1)" in pdf_text(data)


def test_many_pages_are_numbered():
    body = "".join(f"<p>Akapit numer {i}</p>" for i in range(400))
    text = pdf_text(html_to_pdf(body))
    pages = text.split("\f")
    assert len(pages) > 3
    assert f"1 / {len(pages)}" in pages[0]
    assert "Akapit numer 399" in pages[-1]


class _Handler(http.server.BaseHTTPRequestHandler):
    hits = []

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"p { color: red }")

    def log_message(self, *args):
        pass


def test_network_addresses_are_never_fetched():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        fetcher = OfflineURLFetcher()
        html = (
            f'<link rel="stylesheet" href="{url}/style.css">'
            f'<p>Tekst <img src="{url}/track.png" alt="obrazek"></p>'
            f'<p style="background: url({url}/bg.png)">Tło</p>'
            f'<img src="https://example.invalid/x.png" alt="zewnętrzny">'
            f'<img src="file:///etc/passwd" alt="plik">'
        )
        data = html_to_pdf(html, fetcher=fetcher)
    finally:
        server.shutdown()
        server.server_close()
    assert _Handler.hits == []
    assert "Tekst" in pdf_text(data)
    assert any(u.endswith("/style.css") for u in fetcher.refused)
    assert any(u.endswith("/track.png") for u in fetcher.refused)
    assert "https://example.invalid/x.png" in fetcher.refused
    assert "file:///etc/passwd" in fetcher.refused


def test_local_resources_are_used(tmp_path):
    (tmp_path / "logo.png").write_bytes(base64.b64decode(PNG))
    fetcher = OfflineURLFetcher(allowed_dirs=[tmp_path])
    html = f'<img src="logo.png" alt="herb"><img src="data:image/png;base64,{PNG}" alt="kropka"><p>Herb</p>'
    data = html_to_pdf(html, base_url=tmp_path.as_uri() + "/", fetcher=fetcher)
    assert fetcher.refused == []
    assert b"/Image" in data
    # ../ out of the allowed folder is refused.
    outside = tmp_path.parent / "outside.png"
    outside.write_bytes(base64.b64decode(PNG))
    fetcher = OfflineURLFetcher(allowed_dirs=[tmp_path])
    html_to_pdf('<img src="../outside.png" alt="x">', base_url=tmp_path.as_uri() + "/", fetcher=fetcher)
    assert fetcher.refused == [outside.as_uri()]


class _Response:
    def __init__(self):
        self.headers = {}

    def setHeader(self, name, value):  # noqa: N802 (Zope's response API)
        self.headers[name] = value


def test_headers():
    response = _Response()
    set_pdf_headers(response, b"%PDF-1.7 ...", "Raport z konsultacji — Łódź.pdf")
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Length"] == "12"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "private, no-store"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Raport-z-konsultacji-Lodz.pdf"; filename*=UTF-8\'\'')
    assert "%C5%81%C3%B3d%C5%BA.pdf" in disposition
    public = _Response()
    set_pdf_headers(public, b"x", "a.pdf", disposition="inline", public=True)
    assert "Cache-Control" not in public.headers
    assert public.headers["Content-Disposition"].startswith('inline; filename="a.pdf"')


def test_content_disposition_header_injection():
    value = content_disposition('a"\r\nSet-Cookie: x=1.pdf')
    assert "\r" not in value and "\n" not in value
    assert value.split(";")[1].strip().count('"') == 2
