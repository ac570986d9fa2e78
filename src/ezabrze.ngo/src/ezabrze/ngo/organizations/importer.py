"""Import of organizations from a CSV file (the city's existing register).

All or nothing: every row is validated first; if any row is refused, nothing is imported and the report lists
the refused rows with their reasons. A row is matched to an existing organization by its identifier (KRS, else
the other register's name and number); an identical row changes nothing, so importing a file twice does
nothing the second time. New organizations are created verified (the register is the city's own).

Columns (header row, `;` or `,` separated, UTF-8): nazwa, forma_prawna, krs, rejestr, numer_w_rejestrze, nip,
regon, ulica, kod_pocztowy, miejscowosc, email, www, obszary (ids separated by `|`), opis.
"""

from ezabrze.ngo import _
from ezabrze.ngo.organizations import ORGANIZATION_TYPE
from ezabrze.ngo.organizations import validators
from ezabrze.ngo.organizations.vocabularies import AREA_IDS
from ezabrze.ngo.organizations.vocabularies import LEGAL_FORM_IDS
from plone import api
from zope.i18nmessageid import Message

import csv
import io
import re
import transaction


COLUMNS = (
    ("nazwa", "title"),
    ("forma_prawna", "legal_form"),
    ("krs", "krs"),
    ("rejestr", "register_name"),
    ("numer_w_rejestrze", "register_number"),
    ("nip", "nip"),
    ("regon", "regon"),
    ("ulica", "street"),
    ("kod_pocztowy", "postal_code"),
    ("miejscowosc", "city"),
    ("email", "email"),
    ("www", "website"),
    ("obszary", "areas"),
    ("opis", "description"),
)
REQUIRED = ("nazwa", "forma_prawna", "ulica", "kod_pocztowy", "miejscowosc", "obszary")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URL_RE = re.compile(r"^https?://[^\s]+$")


class ImportReport:
    def __init__(self):
        self.refused = []  # (line number, [messages])
        self.created = []
        self.updated = []
        self.unchanged = []

    @property
    def ok(self):
        return not self.refused


def _read(data):
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None, _("The file is not in UTF-8.")
    sample = data[:2048]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(data), delimiter=delimiter)
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        return None, Message(_("Missing columns: ${columns}."), mapping={"columns": ", ".join(missing)})
    reader.fieldnames = header
    return reader, None


def _validate(raw):
    """(values for the schema, [messages]) of one CSV row."""
    errors = []
    for column in REQUIRED:
        if not (raw.get(column) or "").strip():
            errors.append(Message(_("Column ${column} is empty."), mapping={"column": column}))
    values, more = validate_values({field: raw.get(column) for column, field in COLUMNS})
    return values, errors + more


REQUIRED_FIELDS = {"title": _("Name"), "legal_form": _("Legal form"), "street": _("Street and number"),
                   "postal_code": _("Postal code"), "city": _("City"), "areas": _("Areas of public-benefit activity")}


def validate_values(raw, required=False):
    """(values for the schema, [messages]) of an organization's data given as text (CSV row or form)."""
    errors = []
    values = {field: (raw.get(field) or "").strip() for _column, field in COLUMNS}
    if required:
        for field, title in REQUIRED_FIELDS.items():
            if not values[field]:
                errors.append(Message(_("Fill in: ${field}."), mapping={"field": title}))
    for field, check in (
        ("krs", validators.krs),
        ("nip", validators.nip),
        ("regon", validators.regon),
        ("postal_code", validators.postal_code),
    ):
        try:
            values[field] = check(values[field])
        except validators.Invalid as error:
            errors.append(error.doc())
    try:
        validators.register(values["krs"], values["register_name"], values["register_number"])
    except validators.Invalid as error:
        errors.append(error.doc())
    if values["legal_form"] and values["legal_form"] not in LEGAL_FORM_IDS:
        errors.append(Message(_("Unknown legal form: ${value}."), mapping={"value": values["legal_form"]}))
    areas = [a.strip() for a in values["areas"].split("|") if a.strip()]
    unknown = [a for a in areas if a not in AREA_IDS]
    if unknown:
        errors.append(Message(_("Unknown areas: ${value}."), mapping={"value": ", ".join(unknown)}))
    values["areas"] = areas
    if values["email"] and not EMAIL_RE.match(values["email"]):
        errors.append(_("The e-mail address is not valid."))
    if values["website"] and not URL_RE.match(values["website"]):
        errors.append(_("The website must start with http:// or https://."))
    for field in ("title", "description", "street", "city", "register_name"):
        if "<" in values[field] or ">" in values[field]:
            errors.append(_("Text may not contain < or > characters."))
            break
    for field in ("email", "website", "nip", "regon", "krs"):
        values[field] = values[field] or None
    return values, errors


def _key(values):
    if values["krs"]:
        return f"KRS {values['krs']}"
    return f"{values['register_name']} {values['register_number']}".strip()


def run(directory, data):
    """Validate and import; returns an ImportReport (nothing is stored when report.ok is False)."""
    report = ImportReport()
    reader, error = _read(data)
    if error is not None:
        report.refused.append((1, [error]))
        return report
    rows = []
    seen = {}
    for raw in reader:
        line = reader.line_num
        values, errors = _validate(raw)
        key = _key(values)
        if key and key in seen:
            errors.append(Message(_("The same organisation as in line ${line}."), mapping={"line": seen[key]}))
        seen.setdefault(key, line)
        if errors:
            report.refused.append((line, errors))
        else:
            rows.append((line, key, values))
    if not rows and not report.refused:
        report.refused.append((1, [_("The file has no rows.")]))
    if not report.ok:
        return report
    catalog = api.portal.get_tool("portal_catalog")
    savepoint = transaction.savepoint()
    try:
        for _line, key, values in rows:
            brains = catalog.unrestrictedSearchResults(portal_type=ORGANIZATION_TYPE, ngo_identifier=key)
            if brains:
                org = brains[0]._unrestrictedGetObject()
                changed = [f for f, v in values.items() if getattr(org, f, None) != v]
                if changed:
                    for field in changed:
                        setattr(org, field, values[field])
                    org.reindexObject()
                    report.updated.append(org)
                else:
                    report.unchanged.append(org)
                continue
            org = api.content.create(container=directory, type=ORGANIZATION_TYPE, **values)
            api.content.transition(org, transition="verify", comment="Import z rejestru miasta")
            report.created.append(org)
    except Exception:
        savepoint.rollback()
        raise
    return report
