"""Set-up of a consultation on its events: storage for remarks, the units of the draft while it is a draft,
and the responsible unit's staff (group unit-<id>) as ConsultationStaff on it."""

from ezabrze.ngo.consultations import remarks
from ezabrze.ngo.consultations import STAFF_ROLE
from ezabrze.ngo.consultations import UNIT_GROUP_PREFIX
from ezabrze.ngo.consultations.state import stored_state


def _staff_roles(consultation):
    wanted = f"{UNIT_GROUP_PREFIX}{consultation.responsible_unit}" if consultation.responsible_unit else None
    changed = False
    for principal, roles in list(consultation.get_local_roles()):
        if STAFF_ROLE in roles and principal != wanted:
            remaining = [r for r in roles if r != STAFF_ROLE]
            consultation.manage_delLocalRoles([principal])
            if remaining:
                consultation.manage_setLocalRoles(principal, remaining)
            changed = True
    if wanted and STAFF_ROLE not in consultation.get_local_roles_for_userid(wanted):
        roles = list(consultation.get_local_roles_for_userid(wanted)) + [STAFF_ROLE]
        consultation.manage_setLocalRoles(wanted, roles)
        changed = True
    if changed:
        consultation.reindexObjectSecurity()


def added(consultation, event):
    remarks.init_storage(consultation)
    consultation.parse_units()
    _staff_roles(consultation)


def modified(consultation, event):
    if stored_state(consultation) == "draft":
        consultation.parse_units()
    _staff_roles(consultation)


def transitioned(consultation, event):
    if event.transition is not None and event.transition.id == "schedule":
        consultation.parse_units()  # the last parse: frozen from now on
