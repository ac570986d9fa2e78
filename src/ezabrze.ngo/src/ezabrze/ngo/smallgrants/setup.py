"""What the install creates for small grants: /organizacje-pozarzadowe/male-granty (listing @@male-granty)."""

from ezabrze.ngo.organizations.setup import feature_folder
from ezabrze.ngo.smallgrants import FOLDER_ID
from ezabrze.ngo.smallgrants import SMALL_GRANT_TYPE
from plone import api


def folder():
    return feature_folder(
        FOLDER_ID, "Małe granty",
        "Oferty realizacji zadań publicznych z pominięciem otwartego konkursu (art. 19a ustawy): do 10 000 zł, do "
        "90 dni; każdy może zgłosić uwagi w ciągu 7 dni od publikacji.",
        SMALL_GRANT_TYPE, "male-granty",
    )


def install():
    with api.env.adopt_roles(["Manager"]):
        folder()
