"""Public consultations of draft acts (art. 5 of the act on public-benefit activity): the draft in numbered
units, remarks per unit with threads, moderation, official answers, the adopted text and the report."""

CONSULTATION_TYPE = "Consultation"
FOLDER_ID = "konsultacje"
REGISTRY_PREFIX = "ezabrze.ngo.consultations"
MANAGE_PERMISSION = "ezabrze.ngo: Manage consultations"
ANSWER_PERMISSION = "ezabrze.ngo: Answer remarks"
MODERATE_PERMISSION = "ezabrze.ngo: Moderate remarks"
STAFF_ROLE = "ConsultationStaff"
MODERATOR_ROLE = "ConsultationModerator"
MODERATORS_GROUP = "ngo-moderatorzy"
UNIT_GROUP_PREFIX = "unit-"  # the groups of ezabrze.policy's units (unit-<unit id>)
MIN_DAYS = 7
EXPORT_PERMISSION = "ezabrze.ngo: Export remarks"
