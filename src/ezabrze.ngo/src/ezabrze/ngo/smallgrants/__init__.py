"""Small grants outside a competition (art. 19a of the act on public-benefit activity and volunteering): an offer
on the simplified template for a task of at most 90 days and at most 10,000 zł, published by the city for 7 days
for public comments and then decided; an organisation gets at most 20,000 zł of small grants in a calendar year."""

from decimal import Decimal


SMALL_GRANT_TYPE = "SmallGrant"
FOLDER_ID = "male-granty"
MAX_GRANT = Decimal("10000.00")  # art. 19a ust. 1 pkt 1
MAX_DAYS = 90  # art. 19a ust. 1 pkt 2
COMMENT_DAYS = 7  # art. 19a ust. 3
PUBLISH_WORKING_DAYS = 7  # art. 19a ust. 3: the offer is published within 7 working days of its receipt
YEARLY_LIMIT = Decimal("20000.00")  # art. 19a ust. 2
