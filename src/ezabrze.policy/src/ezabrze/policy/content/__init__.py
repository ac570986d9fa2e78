"""Content types of the service catalogue: OrganizationalUnit and Service."""
