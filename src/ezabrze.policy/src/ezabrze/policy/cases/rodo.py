"""The GDPR (RODO art. 13) information clause shown on every form.

The fixed parts (controller, DPO, recipients, rights, complaint, no automated decisions) are the same for
every form; the purpose, the legal basis and whether the data are required come from the form's
"Utwórz sprawę" action (ICreateCase), so an editor who builds a new form sets them there.
"""

from ezabrze.policy import _


CONTROLLER = "Prezydent Miasta Zabrze, ul. Powstańców Śląskich 5-7, 41-800 Zabrze"
DPO_EMAIL = "iod@um.zabrze.pl"
UODO = "Prezes Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa"

BASIS = {
    "consent": _(
        "rodo_basis_consent",
        default="your consent — art. 6(1)(a) GDPR",
    ),
    "legal_obligation": _(
        "rodo_basis_legal_obligation",
        default="a legal obligation of the controller — art. 6(1)(c) GDPR",
    ),
    "public_task": _(
        "rodo_basis_public_task",
        default="a task carried out in the public interest or in the exercise of official authority — "
        "art. 6(1)(e) GDPR",
    ),
}

REQUIRED = {
    "consent": _(
        "rodo_required_consent",
        default="Giving your data is voluntary; without them we cannot answer you.",
    ),
    "legal_obligation": _(
        "rodo_required_legal_obligation",
        default="Giving the data marked as required is necessary to handle the request; without them the "
        "request cannot be handled.",
    ),
    "public_task": _(
        "rodo_required_public_task",
        default="Giving your contact data is voluntary; without them we cannot tell you how the matter "
        "was handled.",
    ),
}


def clause_items(purpose, legal_basis, legal_basis_detail=""):
    """(heading, text) pairs of the clause, as translatable messages."""
    basis = BASIS.get(legal_basis, BASIS["public_task"])
    items = [
        (
            _("rodo_controller_heading", default="Controller"),
            _("rodo_controller", default="The controller of your personal data is ${controller}.",
              mapping={"controller": CONTROLLER}),
        ),
        (
            _("rodo_dpo_heading", default="Data protection officer"),
            _("rodo_dpo", default="You can contact our data protection officer at ${email} or by post at the "
              "controller's address.", mapping={"email": DPO_EMAIL}),
        ),
        (
            _("rodo_purpose_heading", default="Purpose and legal basis"),
            _("rodo_purpose", default="We process your data for: ${purpose}. Legal basis: ${basis}${detail}.",
              mapping={"purpose": purpose or "", "basis": basis,
                       "detail": f" ({legal_basis_detail})" if legal_basis_detail else ""}),
        ),
        (
            _("rodo_recipients_heading", default="Recipients"),
            _("rodo_recipients", default="Your data may be disclosed only to bodies entitled by law and to "
              "companies that process them on our behalf under a contract (IT services, postal operators)."),
        ),
        (
            _("rodo_retention_heading", default="Retention"),
            _("rodo_retention", default="We keep your data for the period set by the archival classification "
              "of the case (the uniform list of files), and then delete them."),
        ),
        (
            _("rodo_rights_heading", default="Your rights"),
            _("rodo_rights", default="You have the right to access your data and to have them rectified, "
              "erased or restricted where the law allows, and to object to their processing."),
        ),
    ]
    if legal_basis == "consent":
        items.append(
            (
                _("rodo_withdraw_heading", default="Withdrawing consent"),
                _("rodo_withdraw", default="You may withdraw your consent at any time; this does not affect "
                  "the lawfulness of the processing before the withdrawal."),
            )
        )
    items += [
        (
            _("rodo_complaint_heading", default="Complaint"),
            _("rodo_complaint", default="You have the right to lodge a complaint with the supervisory "
              "authority: ${uodo}.", mapping={"uodo": UODO}),
        ),
        (
            _("rodo_required_heading", default="Is giving the data required?"),
            REQUIRED.get(legal_basis, REQUIRED["public_task"]),
        ),
        (
            _("rodo_automated_heading", default="Automated decisions"),
            _("rodo_automated", default="Your data will not be used for automated decision-making, "
              "including profiling."),
        ),
    ]
    return items
