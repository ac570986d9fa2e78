"""Set-up of the cases: /sprawy with its sign counter and the three forms in /dla-mieszkancow/formularze.

Idempotent: existing folders and forms are kept as they are (editors may have changed them).
"""

from ezabrze.policy.cases import CASES_FOLDER_ID
from ezabrze.policy.cases import FORMS_FOLDER_ID
from ezabrze.policy.cases import FORMS_SECTION_ID
from ezabrze.policy.cases.interfaces import ICasesFolder
from ezabrze.policy.cases.signs import SignCounter
from ezabrze.policy.utils import publish
from pathlib import Path
from plone import api
from zope.interface import alsoProvides

import logging


logger = logging.getLogger("ezabrze.policy.cases")

# The easyform models of each form are XML files in cases/forms: `<form id>.xml` (the fields) and
# `<form id>.actions.xml` (the action that turns a submission into a case). They are plain files, not built from
# Python strings, so a text with "&" or "<" is written escaped once, in the file, and checked by the tests.
FORMS_DIR = Path(__file__).parent / "forms"


def form_model(form_id, part="fields"):
    """The XML model of a form in cases/forms: part "fields" (the questions) or "actions"."""
    name = f"{form_id}.xml" if part == "fields" else f"{form_id}.{part}.xml"
    return (FORMS_DIR / name).read_text(encoding="utf-8")


FORMS = (
    {
        "id": "zglos-problem",
        "title": "Zgłoś problem",
        "description": "Dziura w jezdni, zepsuta latarnia, dzikie wysypisko? Zgłoś problem w przestrzeni publicznej — "
        "przekażemy go właściwej jednostce.",
        "submit": "Wyślij zgłoszenie",
    },
    {
        "id": "kontakt-z-urzedem",
        "title": "Kontakt z urzędem",
        "description": "Napisz do Urzędu Miejskiego w Zabrzu. Odpowiemy na podany adres e-mail.",
        "submit": "Wyślij wiadomość",
    },
    {
        "id": "wniosek-o-informacje-publiczna",
        "title": "Wniosek o udostępnienie informacji publicznej",
        "description": "Każdy ma prawo do informacji publicznej. Odpowiemy bez zbędnej zwłoki, nie później niż "
        "w ciągu 14 dni od dnia złożenia wniosku (w szczególnych przypadkach do 2 miesięcy — poinformujemy o tym).",
        "submit": "Złóż wniosek",
    },
)


def create_cases_folder(portal):
    root = portal.get(CASES_FOLDER_ID)
    if root is None:
        root = api.content.create(
            container=portal,
            type="Folder",
            id=CASES_FOLDER_ID,
            title="Sprawy",
            description="Sprawy zgłoszone przez mieszkańców przez formularze (dostęp: pracownicy jednostek).",
            exclude_from_nav=True,
        )
        logger.info("Created /%s", CASES_FOLDER_ID)
    alsoProvides(root, ICasesFolder)
    if getattr(root, "_sign_counter", None) is None:
        root._sign_counter = SignCounter()
    # Nobody but the workflow decides who sees a case: no Owner or other local roles are inherited.
    root.__ac_local_roles_block__ = True
    root.reindexObject()
    return root


def create_forms(portal):
    section = portal.get(FORMS_SECTION_ID)
    if section is None:
        return None
    folder = section.get(FORMS_FOLDER_ID)
    if folder is None:
        folder = api.content.create(
            container=section,
            type="Folder",
            id=FORMS_FOLDER_ID,
            title="Formularze",
            description="Zgłoś problem, napisz do urzędu, złóż wniosek o informację publiczną — bez wychodzenia "
            "z domu. Status sprawy sprawdzisz na stronie „Status sprawy”.",
        )
    publish(folder)
    for definition in FORMS:
        form = folder.get(definition["id"])
        if form is None:
            form = api.content.create(
                container=folder,
                type="EasyForm",
                id=definition["id"],
                title=definition["title"],
                description=definition["description"],
            )
            form.fields_model = form_model(definition["id"])
            form.actions_model = form_model(definition["id"], "actions")
            form.submitLabel = definition["submit"]
            form.thankstitle = "Dziękujemy"
            form.thanksdescription = "Twoje zgłoszenie zostało zarejestrowane."
            form.includeEmpties = False
            form.useCancelButton = False
            form.reindexObject()
            logger.info("Created form %s", "/".join(form.getPhysicalPath()))
        publish(form)
    return folder


def create_unit_groups(portal):
    from ezabrze.policy.cases.api import ensure_unit_group

    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="OrganizationalUnit"):
        ensure_unit_group(brain.getId, brain.Title)


def install(portal):
    create_cases_folder(portal)
    create_forms(portal)
    create_unit_groups(portal)
