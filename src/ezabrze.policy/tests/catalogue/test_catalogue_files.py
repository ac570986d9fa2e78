"""Downloadable forms of a service: File items inside a Service accept only PDF, DOCX and ODT documents up to
the size limit of the registry, in the Classic UI add/edit forms and over plone.restapi."""

from ezabrze.policy.catalogue.files import MAX_SIZE_RECORD
from ezabrze.policy.interfaces import IBrowserLayer
from ezabrze.policy.testing import catalogue as ct
from plone import api
from zope.interface import alsoProvides
from ZPublisher.HTTPRequest import FileUpload

import base64
import io
import pytest
import transaction


HTML = b"<html><body>to nie jest PDF</body></html>"

GOOD = [
    ("wniosek.pdf", "application/pdf", ct.pdf_bytes),
    ("wniosek.docx", ct.DOCX, ct.docx_bytes),
    ("wniosek.odt", ct.ODT, ct.odt_bytes),
    ("WNIOSEK.PDF", "application/pdf", ct.pdf_bytes),
]


def test_default_size_limit(portal):
    assert api.portal.get_registry_record(MAX_SIZE_RECORD) == 10


# Classic UI (integration)


class _FieldStorage:
    def __init__(self, data, filename, content_type):
        self.file = io.BytesIO(data)
        self.filename = filename
        self.name = "form.widgets.file"
        self.headers = {"content-type": content_type}


def upload(data, filename, content_type="application/octet-stream"):
    return FileUpload(_FieldStorage(data, filename, content_type))


@pytest.fixture
def service(portal):
    unit = ct.make_unit(portal, "wydzial", "Wydział Spraw Obywatelskich")
    return ct.make_service(portal, "zameldowanie", "Zameldowanie", unit)


@pytest.fixture
def form_request(portal):
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    request["LANGUAGE"] = "pl"
    request.method = "POST"
    return request


def submit(context, view_name, request, data):
    request.form.clear()
    request.form.update(data)
    request.other.update(data)
    with ct.as_site_owner():
        return context.restrictedTraverse(view_name)()


def add_file(service, request, data, filename, content_type="application/octet-stream"):
    return submit(service, "++add++File", request, {
        "form.widgets.IDublinCore.title": "Wniosek o zameldowanie",
        "form.widgets.file": upload(data, filename, content_type),
        "form.buttons.save": "Zapisz",
    })


@pytest.mark.parametrize("filename,content_type,data", GOOD)
def test_add_form_accepts_documents(service, form_request, filename, content_type, data):
    add_file(service, form_request, data(), filename, content_type)
    [form] = service.objectValues()
    assert form.portal_type == "File"
    assert form.file.filename == filename


@pytest.mark.parametrize(
    "data,filename,expected",
    [
        (b"MZ\x90\x00", "wniosek.exe", "Plik: dozwolone są wyłącznie dokumenty PDF, DOCX i ODT; plik „wniosek.exe”"),
        (HTML, "wniosek.html", "Plik: dozwolone są wyłącznie dokumenty PDF, DOCX i ODT; plik „wniosek.html”"),
        (ct.pdf_bytes(), "wniosek.doc", "ma inne rozszerzenie"),
        (HTML, "wniosek.pdf", "Plik: zawartość pliku „wniosek.pdf” nie jest dokumentem PDF"),
        (ct.pdf_bytes(), "wniosek.docx", "Plik: zawartość pliku „wniosek.docx” nie jest dokumentem DOCX"),
        (ct.docx_bytes(), "wniosek.odt", "Plik: zawartość pliku „wniosek.odt” nie jest dokumentem ODT"),
    ],
)
def test_add_form_refuses_other_files(service, form_request, data, filename, expected):
    html = add_file(service, form_request, data, filename)
    assert expected in html
    assert service.objectIds() == []


def test_add_form_refuses_a_too_large_file(service, form_request):
    api.portal.set_registry_record(MAX_SIZE_RECORD, 1)
    html = add_file(service, form_request, ct.pdf_bytes(1024 * 1024 + 300 * 1024), "duzy.pdf")
    assert "Plik: „duzy.pdf” jest za duży (1,3 MB); limit wynosi 1 MB." in html
    assert service.objectIds() == []
    add_file(service, form_request, ct.pdf_bytes(900 * 1024), "maly.pdf")
    assert len(service.objectIds()) == 1


def test_edit_form_refuses_a_bad_replacement(service, form_request):
    form = ct.add_form_file(service, "wniosek", "Wniosek", ct.pdf_bytes(), "wniosek.pdf", "application/pdf")
    html = submit(form, "@@edit", form_request, {
        "form.widgets.IDublinCore.title": "Wniosek",
        "form.widgets.file.action": "replace",
        "form.widgets.file": upload(HTML, "wniosek.exe"),
        "form.buttons.save": "Zapisz",
    })
    assert "Plik: dozwolone są wyłącznie dokumenty PDF, DOCX i ODT" in html
    assert form.file.filename == "wniosek.pdf"


def test_files_elsewhere_are_not_restricted(portal, form_request):
    folder = portal["aktualnosci"]
    submit(folder, "++add++File", form_request, {
        "form.widgets.IDublinCore.title": "Program",
        "form.widgets.file": upload(b"MZ\x90\x00", "program.exe"),
        "form.buttons.save": "Zapisz",
    })
    assert any(folder[i].portal_type == "File" for i in folder.objectIds())


def test_service_allows_only_files(service):
    with ct.as_site_owner():
        assert [t.getId() for t in service.allowedContentTypes()] == ["File"]
        with pytest.raises(api.exc.InvalidParameterError, match="Disallowed subobject type: Document"):
            api.content.create(service, "Document", id="strona", title="Strona")


# plone.restapi (functional)


@pytest.fixture
def rest_service(functional_portal):
    unit = ct.make_unit(functional_portal, "wydzial", "Wydział Spraw Obywatelskich")
    service = ct.make_service(functional_portal, "zameldowanie", "Zameldowanie", unit)
    transaction.commit()
    return service


def file_json(data, filename, content_type):
    return {
        "@type": "File",
        "title": "Wniosek",
        "file": {
            "data": base64.b64encode(data).decode(),
            "encoding": "base64",
            "filename": filename,
            "content-type": content_type,
        },
    }


def items(session):
    return [i["title"] for i in session.get("/dla-mieszkancow/uslugi/zameldowanie").json()["items"]]


@pytest.mark.parametrize("filename,content_type,data", GOOD[:3])
def test_rest_accepts_documents(manager_request, rest_service, filename, content_type, data):
    response = manager_request.post("/dla-mieszkancow/uslugi/zameldowanie", json=file_json(data(), filename, content_type))
    assert response.status_code == 201, response.text
    assert response.json()["file"]["filename"] == filename


@pytest.mark.parametrize(
    "data,filename,content_type,expected",
    [
        (b"MZ\x90\x00", "wniosek.exe", "application/octet-stream", "plik „wniosek.exe” ma inne rozszerzenie"),
        (ct.pdf_bytes(), "wniosek.pdf", "text/html", "nie jest dokumentem PDF (zadeklarowany typ: text/html)"),
        (HTML, "wniosek.pdf", "application/pdf", "Plik: zawartość pliku „wniosek.pdf” nie jest dokumentem PDF"),
        (ct.pdf_bytes(), "wniosek.odt", ct.ODT, "Plik: zawartość pliku „wniosek.odt” nie jest dokumentem ODT"),
    ],
)
def test_rest_refuses_other_files(manager_request, rest_service, data, filename, content_type, expected):
    response = manager_request.post("/dla-mieszkancow/uslugi/zameldowanie", json=file_json(data, filename, content_type))
    assert response.status_code == 400, response.text
    assert expected in response.json()["message"]
    assert items(manager_request) == []


def test_rest_refuses_a_too_large_file(manager_request, rest_service):
    api.portal.set_registry_record(MAX_SIZE_RECORD, 1)
    transaction.commit()
    data = ct.pdf_bytes(2 * 1024 * 1024)
    response = manager_request.post("/dla-mieszkancow/uslugi/zameldowanie", json=file_json(data, "duzy.pdf", "application/pdf"))
    assert response.status_code == 400
    assert "Plik: „duzy.pdf” jest za duży (2,0 MB); limit wynosi 1 MB." in response.json()["message"]
    assert items(manager_request) == []


def test_rest_patch_refuses_a_bad_replacement(manager_request, rest_service):
    ct.add_form_file(rest_service, "wniosek", "Wniosek", ct.pdf_bytes(), "wniosek.pdf", "application/pdf")
    transaction.commit()
    response = manager_request.patch(
        "/dla-mieszkancow/uslugi/zameldowanie/wniosek", json={"file": file_json(HTML, "wniosek.html", "text/html")["file"]}
    )
    assert response.status_code == 400
    assert "Plik: dozwolone są wyłącznie dokumenty PDF, DOCX i ODT" in response.json()["message"]
    after = manager_request.get("/dla-mieszkancow/uslugi/zameldowanie/wniosek").json()
    assert after["file"]["filename"] == "wniosek.pdf"
