"""Open grant competitions (art. 13-15 of the act on public-benefit activity and volunteering): the call, offers
on the official template (regulation of 24 Oct 2018) with a checksum, the committee (declarations, exclusions,
view log), formal and merit evaluation, ranking, proposals within the funds and the public results."""

CALL_TYPE = "GrantCall"
OFFER_TYPE = "Offer"
FOLDER_ID = "konkursy"
MIN_DAYS = 21  # art. 13 ust. 1: at least 21 days from the announcement to the offer deadline
MANAGE_PERMISSION = "ezabrze.ngo: Manage grant competitions"
SUBMIT_PERMISSION = "ezabrze.ngo: Submit offers"
EVALUATE_PERMISSION = "ezabrze.ngo: Evaluate offers"
APPLICANT_ROLE = "GrantApplicant"  # verified representatives of the offer's organization (local role provider)
COMMITTEE_ROLE = "GrantCommittee"  # committee members allowed to see an offer (declaration signed, not excluded)
MEMBER_ROLE = "GrantCommitteeMember"  # every committee member on its call (to sign the declaration)
