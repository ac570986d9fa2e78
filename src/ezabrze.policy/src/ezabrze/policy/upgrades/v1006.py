"""1005 -> 1006: Polish full-text search.

The catalog's lexicon reduces words to their base forms (Morfeusz 2) and SearchableText, Title and Description
are rebuilt with it; the synonyms record and its control panel ("Synonimy wyszukiwania") are added.
"""

from ezabrze.policy.search import setup as search_setup
from plone import api

import logging
import re


logger = logging.getLogger("ezabrze.policy.upgrades")

PROFILE = "profile-ezabrze.policy:default"


def polish_lexicon(context):
    count = search_setup.install_polish_lexicon()
    logger.info("Full-text indexes use the Polish lexicon (%d items reindexed)", count)


def search_settings(context):
    setup = api.portal.get_tool("portal_setup")
    for step in ("plone.app.registry", "rolemap", "controlpanel"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    logger.info("Search synonyms record and control panel added")


PROBLEM_FORM_ID = "zglos-problem"
CATEGORY_VALUES = re.compile(r'(<field name="category" type="zope.schema.Choice">.*?)<values>.*?</values>', re.S)
CATEGORY_UNITS = re.compile(r"\s*<category_units>(.*?)</category_units>", re.S)
ELEMENT = re.compile(r"<element>(.*?)</element>", re.S)


def problem_form_labels(context):
    """The problem form shows Polish labels; its categories and their units move to one registry record.

    The form's other fields stay as editors left them: only the category's list of raw ids becomes the
    vocabulary, and the action's own category -> unit lines become the units of the registry's categories.
    """
    from ezabrze.policy.cases import categories
    from ezabrze.policy.cases import FORMS_FOLDER_ID
    from ezabrze.policy.cases import FORMS_SECTION_ID

    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "plone.app.registry", run_dependencies=False)
    portal = api.portal.get()
    form = portal.get(FORMS_SECTION_ID, {}).get(FORMS_FOLDER_ID, {}).get(PROBLEM_FORM_ID)
    if form is None:
        logger.info("No problem form: nothing to change")
        return
    units = {}
    match = CATEGORY_UNITS.search(form.actions_model or "")
    if match:
        for line in ELEMENT.findall(match.group(1)):
            if "|" in line:
                value, unit_id = (part.strip() for part in line.split("|", 1))
                units[value] = unit_id
        form.actions_model = CATEGORY_UNITS.sub("", form.actions_model, count=1)
    lines = [f"{value}|{title}|{units.get(value, unit_id)}" for value, title, unit_id in categories.current()]
    api.portal.set_registry_record(categories.RECORD, lines)
    form.fields_model = CATEGORY_VALUES.sub(
        r"\1<vocabulary>ezabrze.policy.ProblemCategories</vocabulary>", form.fields_model or "", count=1
    )
    logger.info("Problem form: Polish category labels; categories and units in %s", categories.RECORD)
