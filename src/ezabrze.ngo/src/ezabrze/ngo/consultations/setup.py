"""What the install creates for the consultations: /organizacje-pozarzadowe/konsultacje and the group of
moderators (role ConsultationModerator site-wide)."""

from ezabrze.ngo.consultations import CONSULTATION_TYPE
from ezabrze.ngo.consultations import FOLDER_ID
from ezabrze.ngo.consultations import MODERATOR_ROLE
from ezabrze.ngo.consultations import MODERATORS_GROUP
from ezabrze.ngo.organizations.setup import feature_folder
from ezabrze.policy.utils import ensure_group
from plone import api


def folder():
    return feature_folder(
        FOLDER_ID, "Konsultacje społeczne",
        "Konsultacje projektów aktów prawa miejscowego z organizacjami pozarządowymi i mieszkańcami.",
        CONSULTATION_TYPE, "konsultacje",
    )


def install():
    with api.env.adopt_roles(["Manager"]):
        folder()
        group, _created = ensure_group(
            MODERATORS_GROUP, "Moderatorzy konsultacji", "Ukrywają i przywracają uwagi w konsultacjach."
        )
        api.group.grant_roles(groupname=MODERATORS_GROUP, roles=[MODERATOR_ROLE])
