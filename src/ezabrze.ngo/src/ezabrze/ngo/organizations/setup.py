"""What the install creates for the registry: /organizacje-pozarzadowe/organizacje (the public directory)."""

from ezabrze.ngo.organizations import DIRECTORY_ID
from ezabrze.ngo.organizations import ORGANIZATION_TYPE
from ezabrze.ngo.organizations import SECTION_ID
from ezabrze.policy.utils import ensure
from ezabrze.policy.utils import publish
from plone import api
from Products.CMFPlone.interfaces.constrains import ENABLED
from Products.CMFPlone.interfaces.constrains import ISelectableConstrainTypes


def section():
    portal = api.portal.get()
    folder = ensure(
        portal, "Folder", SECTION_ID, "Organizacje pozarządowe",
        "Konsultacje społeczne, otwarte konkursy ofert i współpraca miasta z NGO.",
    )
    publish(folder)
    return folder


def feature_folder(folder_id, title, description, type_, layout):
    folder = ensure(section(), "Folder", folder_id, title, description)
    constraints = ISelectableConstrainTypes(folder)
    constraints.setConstrainTypesMode(ENABLED)
    constraints.setLocallyAllowedTypes([type_])
    constraints.setImmediatelyAddableTypes([type_])
    folder.setLayout(layout)
    # Editors add organizations and consultations here (Plone gives "Add portal content" to Contributors only);
    # which types they add is still decided by each type's own add permission (ezabrze.ngo: Add ...).
    folder.manage_permission("Add portal content", roles=["Editor"], acquire=True)
    publish(folder)
    return folder


def directory():
    return feature_folder(
        DIRECTORY_ID, "Katalog organizacji",
        "Organizacje pozarządowe zweryfikowane przez Urząd Miejski w Zabrzu.",
        ORGANIZATION_TYPE, "katalog-organizacji",
    )


def install():
    with api.env.adopt_roles(["Manager"]):
        directory()
