"""NGO registry: organizations (verified by editors), their representatives, the public directory, CSV import."""

ORGANIZATION_TYPE = "Organization"
DIRECTORY_ID = "organizacje"
SECTION_ID = "organizacje-pozarzadowe"
MANAGE_PERMISSION = "ezabrze.ngo: Manage organizations"
# Computed on a verified organization (ezabrze.ngo.organizations.localroles) for its verified representatives:
# they may edit its public fields (REPRESENTATIVE_FIELDS), never the register data (editing.py).
REPRESENTATIVE_ROLE = "OrganizationRepresentative"
