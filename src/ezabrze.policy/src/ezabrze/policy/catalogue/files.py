"""Downloadable forms of a Service: File items inside a Service accept only PDF, DOCX and ODT documents
up to ``ezabrze.policy.service_form_max_size_mb`` megabytes.

The check is a plone.namedfile pluggable file-field validator, so it runs wherever the ``file`` field is
validated: the Classic UI add form (the field is bound to the Service), the edit form (bound to the File
inside the Service) and plone.restapi's POST/PATCH (bound to the new or edited File, wrapped in the Service).
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from ezabrze.policy import _
from ezabrze.policy.catalogue.validators import FieldValidationError
from plone import api
from plone.namedfile.interfaces import INamedFileField
from plone.namedfile.interfaces import IPluggableFileFieldValidation
from zope.component import adapter
from zope.interface import implementer
from zope.interface import Interface

import io
import os
import zipfile


MAX_SIZE_RECORD = "ezabrze.policy.service_form_max_size_mb"
DEFAULT_MAX_SIZE_MB = 10

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"

# extension -> content types a browser or client may declare for it
ALLOWED = {
    ".pdf": (PDF, "application/x-pdf"),
    ".docx": (DOCX,),
    ".odt": (ODT,),
}


class InvalidServiceForm(FieldValidationError):
    __doc__ = _("File: only PDF, DOCX and ODT documents are accepted.")


def service_of(context):
    """The Service a File (or a File being added) belongs to, or None."""
    from ezabrze.policy.catalogue.content.service import IService

    if context is None:
        return None
    if IService.providedBy(context):
        return context
    parent = aq_parent(aq_inner(context)) if hasattr(context, "aq_parent") else None
    if parent is not None and IService.providedBy(parent):
        return parent
    return None


def max_size_mb():
    value = api.portal.get_registry_record(MAX_SIZE_RECORD, default=DEFAULT_MAX_SIZE_MB)
    return value or DEFAULT_MAX_SIZE_MB


def _open(value):
    opener = getattr(value, "open", None)
    if opener is not None:
        return opener("r")
    return io.BytesIO(value.data or b"")


def _content_matches(value, extension):
    """Sniff the document itself: the declared type and name are easy to fake."""
    with _open(value) as stream:
        if extension == ".pdf":
            return stream.read(5) == b"%PDF-"
        if stream.read(4) != b"PK\x03\x04":
            return False
        stream.seek(0)
        try:
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
                if extension == ".docx":
                    return "word/document.xml" in names and "[Content_Types].xml" in names
                return "mimetype" in names and archive.read("mimetype").strip() == ODT.encode()
        except (zipfile.BadZipFile, KeyError, OSError):
            return False


def check_service_form(value):
    """Raise InvalidServiceForm with a Polish message naming the field when the file is not acceptable."""
    filename = value.filename or ""
    extension = os.path.splitext(filename)[1].lower()
    content_type = (value.contentType or "").split(";")[0].strip().lower()
    if extension not in ALLOWED:
        raise InvalidServiceForm(
            filename,
            _(
                "File: only PDF, DOCX and ODT documents are accepted; "
                "“${filename}” has a different extension.",
                mapping={"filename": filename},
            ),
        )
    if content_type not in ALLOWED[extension] or not _content_matches(value, extension):
        raise InvalidServiceForm(
            filename,
            _(
                "File: the content of “${filename}” is not a ${kind} document (declared type: ${content_type}).",
                mapping={"filename": filename, "kind": extension[1:].upper(), "content_type": content_type or "-"},
            ),
        )
    limit = max_size_mb()
    size = value.getSize()
    if size > limit * 1024 * 1024:
        raise InvalidServiceForm(
            filename,
            _(
                "File: “${filename}” is too large (${size} MB); the limit is ${limit} MB.",
                mapping={"filename": filename, "size": f"{size / 1024 / 1024:.1f}".replace(".", ","),
                         "limit": limit},
            ),
        )


@implementer(IPluggableFileFieldValidation)
@adapter(INamedFileField, Interface)
class ServiceFormValidator:
    """Registered as a named adapter next to plone.namedfile's own content type validator."""

    def __init__(self, field, value):
        self.field = field
        self.value = value

    def __call__(self):
        if self.value is None or self.field.__name__ != "file":
            return
        if service_of(getattr(self.field, "context", None)) is None:
            return
        check_service_form(self.value)
