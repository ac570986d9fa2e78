"""Citizen forms and cases.

A submission of an easyform form that has the action "Utwórz sprawę" (``CreateCase``) becomes a ``Case``:
a private Dexterity item in /sprawy/<year>/ with a sign ``ZAB/<year>/<NNNNNN>``, a secret tracking code
(only its hash is stored), a unit it is routed to and a due date. See docs in README section "Cases".
"""

CASES_FOLDER_ID = "sprawy"
FORMS_SECTION_ID = "dla-mieszkancow"
FORMS_FOLDER_ID = "formularze"
SIGN_PREFIX = "ZAB"
CASE_TYPE = "Case"
UNIT_GROUP_PREFIX = "unit-"
HANDLER_ROLE = "CaseHandler"
REGISTRY_PREFIX = "ezabrze.policy.cases"
ACTION_TYPE = "ezabrze.policy.cases.CreateCase"
