"""NGO registry: organizations (verified by editors), their representatives, the public directory, CSV import."""

ORGANIZATION_TYPE = "Organization"
DIRECTORY_ID = "organizacje"
SECTION_ID = "organizacje-pozarzadowe"
MANAGE_PERMISSION = "ezabrze.ngo: Manage organizations"
