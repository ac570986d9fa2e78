"""What the install creates for the competitions: /organizacje-pozarzadowe/konkursy (listing @@konkursy)."""

from ezabrze.ngo.competitions import CALL_TYPE
from ezabrze.ngo.competitions import FOLDER_ID
from ezabrze.ngo.organizations.setup import feature_folder
from plone import api


def folder():
    return feature_folder(
        FOLDER_ID, "Otwarte konkursy ofert",
        "Otwarte konkursy ofert na realizację zadań publicznych przez organizacje pozarządowe.",
        CALL_TYPE, "konkursy",
    )


def install():
    with api.env.adopt_roles(["Manager"]):
        folder()
