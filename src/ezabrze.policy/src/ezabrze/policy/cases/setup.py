"""Set-up of the cases: /sprawy with its sign counter and the three forms in /dla-mieszkancow/formularze.

Idempotent: existing folders and forms are kept as they are (editors may have changed them).
"""

from ezabrze.policy.cases import CASES_FOLDER_ID
from ezabrze.policy.cases import FORMS_FOLDER_ID
from ezabrze.policy.cases import FORMS_SECTION_ID
from ezabrze.policy.cases.interfaces import ICasesFolder
from ezabrze.policy.cases.signs import SignCounter
from ezabrze.policy.utils import publish
from plone import api
from zope.interface import alsoProvides

import logging


logger = logging.getLogger("ezabrze.policy.cases")

MODEL_HEADER = """<?xml version="1.0" encoding="utf-8"?>
<model xmlns="http://namespaces.plone.org/supermodel/schema"
       xmlns:easyform="http://namespaces.plone.org/supermodel/easyform"
       xmlns:form="http://namespaces.plone.org/supermodel/form">
  <schema>
"""
MODEL_FOOTER = """  </schema>
</model>
"""

EMAIL_OPTIONAL = """
    <field name="email" type="zope.schema.TextLine" easyform:validators="isValidEmail">
      <title>Adres e-mail</title>
      <description>Wyślemy na niego potwierdzenie z sygnaturą sprawy i kodem do śledzenia statusu.</description>
      <required>False</required>
    </field>"""

EMAIL_REQUIRED = """
    <field name="email" type="zope.schema.TextLine" easyform:validators="isValidEmail">
      <title>Adres e-mail</title>
      <description>Wyślemy na niego potwierdzenie z sygnaturą sprawy, kodem do śledzenia statusu i odpowiedź.</description>
    </field>"""


def _attachment(name, title, description):
    return f"""
    <field name="{name}" type="plone.namedfile.field.NamedBlobFile" easyform:validators="isAllowedAttachment">
      <title>{title}</title>
      <description>{description}</description>
      <required>False</required>
    </field>"""


PROBLEM_CATEGORIES = (
    ("drogi-i-chodniki", "Drogi, chodniki i ścieżki rowerowe", "miejski-zarzad-drog"),
    ("oswietlenie", "Oświetlenie uliczne", "miejski-zarzad-drog"),
    ("sygnalizacja-i-znaki", "Sygnalizacja świetlna i znaki drogowe", "miejski-zarzad-drog"),
    ("zielen", "Zieleń miejska, parki i place zabaw", "wydzial-gospodarki-komunalnej"),
    ("odpady", "Odpady, dzikie wysypiska", "wydzial-ochrony-srodowiska"),
    ("porzadek", "Porządek publiczny, wraki pojazdów", "straz-miejska"),
    ("budynki-komunalne", "Budynki komunalne", "mzbm"),
    ("zwierzeta", "Bezdomne lub ranne zwierzęta", "schronisko"),
    ("inne", "Inne", "biuro-obslugi-mieszkancow"),
)


def _choice(name, title, values, description=""):
    elements = "".join(f"<element>{value}</element>" for value, label, unit in values)
    return f"""
    <field name="{name}" type="zope.schema.Choice">
      <title>{title}</title>
      <description>{description}</description>
      <values>{elements}</values>
    </field>"""


PROBLEM_FIELDS = (
    _choice("category", "Kategoria problemu", PROBLEM_CATEGORIES,
            "Od kategorii zależy, która jednostka zajmie się zgłoszeniem.")
    + """
    <field name="description" type="zope.schema.Text">
      <title>Opis problemu</title>
      <description>Co się stało i od kiedy? Np. „Głęboka dziura w jezdni przy przejściu dla pieszych”.</description>
      <max_length>5000</max_length>
    </field>
    <field name="address" type="zope.schema.TextLine">
      <title>Adres lub opis miejsca</title>
      <description>Np. ul. Wolności 286, Zabrze. Podaj adres albo punkt na mapie (szerokość i długość geograficzną).</description>
      <required>False</required>
    </field>
    <field name="latitude" type="zope.schema.Float">
      <title>Szerokość geograficzna</title>
      <description>Stopnie dziesiętne, np. 50.3085 (Zabrze leży ok. 50,30° N).</description>
      <required>False</required>
      <min>-90.0</min>
      <max>90.0</max>
    </field>
    <field name="longitude" type="zope.schema.Float">
      <title>Długość geograficzna</title>
      <description>Stopnie dziesiętne, np. 18.7856 (Zabrze leży ok. 18,78° E).</description>
      <required>False</required>
      <min>-180.0</min>
      <max>180.0</max>
    </field>"""
    + _attachment("photo", "Zdjęcie (opcjonalnie)",
                  "Plik JPG, PNG lub PDF, najwyżej 10 MB.")
    + """
    <field name="name" type="zope.schema.TextLine">
      <title>Imię i nazwisko (opcjonalnie)</title>
      <required>False</required>
    </field>"""
    + EMAIL_OPTIONAL
)

CONTACT_FIELDS = """
    <field name="name" type="zope.schema.TextLine">
      <title>Imię i nazwisko</title>
    </field>""" + EMAIL_REQUIRED + """
    <field name="phone" type="zope.schema.TextLine">
      <title>Telefon (opcjonalnie)</title>
      <required>False</required>
    </field>
    <field name="subject" type="zope.schema.TextLine">
      <title>Temat</title>
    </field>
    <field name="message" type="zope.schema.Text">
      <title>Treść wiadomości</title>
      <max_length>5000</max_length>
    </field>""" + _attachment("attachment", "Załącznik (opcjonalnie)",
                              "Plik JPG, PNG, PDF, DOCX lub ODT, najwyżej 10 MB.") + """
    <field name="consent" type="zope.schema.Bool" easyform:validators="isChecked">
      <title>Wyrażam zgodę na przetwarzanie moich danych osobowych przez Prezydenta Miasta Zabrze w celu udzielenia odpowiedzi na moją wiadomość.</title>
      <description>Zgodę możesz wycofać w każdej chwili, pisząc na iod@um.zabrze.pl.</description>
      <required>True</required>
    </field>"""

DELIVERY = (
    ("e-mail", "Pocztą elektroniczną na podany adres e-mail", None),
    ("poczta", "Pocztą tradycyjną na podany adres", None),
    ("wglad", "Wgląd w dokumenty w urzędzie", None),
)

PUBLIC_INFO_FIELDS = """
    <field name="name" type="zope.schema.TextLine">
      <title>Imię i nazwisko lub nazwa wnioskodawcy (opcjonalnie)</title>
      <required>False</required>
    </field>""" + EMAIL_REQUIRED + """
    <field name="information" type="zope.schema.Text">
      <title>Zakres wnioskowanej informacji publicznej</title>
      <description>Opisz, jakiej informacji potrzebujesz, np. „Kopia umowy na odbiór odpadów zawartej w 2025 r.”.</description>
      <max_length>10000</max_length>
    </field>""" + _choice("delivery", "Sposób udostępnienia informacji", DELIVERY) + """
    <field name="postal_address" type="zope.schema.TextLine">
      <title>Adres do korespondencji (gdy wybierasz pocztę tradycyjną)</title>
      <required>False</required>
    </field>""" + _attachment("attachment", "Załącznik (opcjonalnie)",
                              "Plik JPG, PNG, PDF, DOCX lub ODT, najwyżej 10 MB.")


def _action(title, target_unit, deadline, purpose, basis, detail="", mapping=()):
    lines = "".join(f"<element>{value}|{unit}</element>" for value, label, unit in mapping if unit)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="utworz_sprawe" type="ezabrze.policy.cases.CreateCase">
      <title>{title}</title>
      <target_unit>{target_unit}</target_unit>
      <deadline_days>{deadline}</deadline_days>
      <category_field>category</category_field>
      <category_units>{lines}</category_units>
      <email_field>email</email_field>
      <purpose>{purpose}</purpose>
      <legal_basis>{basis}</legal_basis>
      <legal_basis_detail>{detail}</legal_basis_detail>
      <consent_field>consent</consent_field>
    </field>
  </schema>
</model>
"""


FORMS = (
    {
        "id": "zglos-problem",
        "title": "Zgłoś problem",
        "description": "Dziura w jezdni, zepsuta latarnia, dzikie wysypisko? Zgłoś problem w przestrzeni publicznej — "
        "przekażemy go właściwej jednostce.",
        "fields": PROBLEM_FIELDS,
        "actions": _action(
            "Utwórz sprawę", "biuro-obslugi-mieszkancow", 30,
            "rozpatrzenie zgłoszenia problemu w przestrzeni publicznej i poinformowanie o sposobie jego załatwienia",
            "public_task", "art. 7 ust. 1 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym",
            PROBLEM_CATEGORIES,
        ),
        "submit": "Wyślij zgłoszenie",
    },
    {
        "id": "kontakt-z-urzedem",
        "title": "Kontakt z urzędem",
        "description": "Napisz do Urzędu Miejskiego w Zabrzu. Odpowiemy na podany adres e-mail.",
        "fields": CONTACT_FIELDS,
        "actions": _action(
            "Utwórz sprawę", "biuro-obslugi-mieszkancow", 30,
            "udzielenie odpowiedzi na wiadomość przesłaną przez formularz kontaktowy",
            "consent",
        ),
        "submit": "Wyślij wiadomość",
    },
    {
        "id": "wniosek-o-informacje-publiczna",
        "title": "Wniosek o udostępnienie informacji publicznej",
        "description": "Każdy ma prawo do informacji publicznej. Odpowiemy bez zbędnej zwłoki, nie później niż "
        "w ciągu 14 dni od dnia złożenia wniosku (w szczególnych przypadkach do 2 miesięcy — poinformujemy o tym).",
        "fields": PUBLIC_INFO_FIELDS,
        "actions": _action(
            "Utwórz sprawę", "wydzial-organizacyjny", 14,
            "rozpatrzenie wniosku o udostępnienie informacji publicznej",
            "legal_obligation",
            "ustawa z dnia 6 września 2001 r. o dostępie do informacji publicznej",
        ),
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
            form.fields_model = MODEL_HEADER + definition["fields"] + MODEL_FOOTER
            form.actions_model = definition["actions"]
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
