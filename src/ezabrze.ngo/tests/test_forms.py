"""The add and edit forms of both types and the control panel render for those who may use them."""

from ezabrze.ngo.consultations.setup import folder
from ezabrze.ngo.organizations.setup import directory
from plone import api


def test_add_forms_render(portal, world, login_as):
    login_as("editor")
    for container, type_ in ((folder(), "Consultation"), (directory(), "Organization")):
        html = container.restrictedTraverse(f"++add++{type_}")()
        assert "form-widgets-" in html
    assert "Kto może wziąć udział" in folder().restrictedTraverse("++add++Consultation")()


def test_edit_form_and_control_panel(portal, world, login_as):
    login_as("editor")
    assert "form-widgets-nip" in world["org_a"].restrictedTraverse("@@edit")()
    from plone.app.testing import login
    from plone.app.testing import TEST_USER_NAME

    login(portal, TEST_USER_NAME)  # a Manager
    html = portal.restrictedTraverse("@@konsultacje-ustawienia")()
    assert "form-widgets-reports_to_hide" in html
    assert api.portal.get_registry_record("ezabrze.ngo.consultations.reports_to_hide") == 3
