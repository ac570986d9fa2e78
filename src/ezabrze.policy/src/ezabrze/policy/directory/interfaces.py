"""The settings of the connection to the city's directory (registry records ezabrze.policy.directory.*)."""

from ezabrze.policy import _
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid


DEFAULT_GROUP_RULES = [
    "jednostka-* -> unit-*",
    "pracownicy-urzedu -> pracownicy",
    "redaktorzy-portalu -> Editors",
]

DEFAULT_STAFF_ATTRIBUTES = [
    "title=displayName",
    "position=title",
    "unit=departmentNumber",
    "phone=telephoneNumber",
    "room=roomNumber",
    "email=mail",
]


def valid_rule(line):
    """A group rule the plugin understands (a Polish message otherwise)."""
    from ezabrze.policy.directory.groups import parse_rule
    from ezabrze.policy.directory.groups import RuleError

    if not line.strip() or line.strip().startswith("#"):
        return True
    try:
        parse_rule(line)
    except RuleError as error:
        raise Invalid(error.args[0]) from error
    return True


class IDirectoryConnection(Interface):
    """The settings that may be shown over REST (@controlpanels/katalog-domenowy): all but the password.

    Each of them may come from the environment instead (README, "Directory"): an environment variable wins over
    the control panel."""

    url = schema.TextLine(
        title=_("Directory server URL"),
        description=_(
            "For example ldaps://dc1.um.zabrze.pl or ldap://127.0.0.1:389. Empty: no directory, only local accounts "
            "(environment: EZABRZE_DIRECTORY_URL)."
        ),
        required=False,
        default="",
    )
    bind_dn = schema.TextLine(
        title=_("Bind DN of the portal's account"),
        description=_(
            "A read-only account, e.g. cn=portal,ou=konta,dc=um,dc=zabrze,dc=pl or portal@um.zabrze.pl in Active "
            "Directory (environment: EZABRZE_DIRECTORY_BIND_DN)."
        ),
        required=False,
        default="",
    )
    start_tls = schema.Bool(
        title=_("Use StartTLS"),
        description=_("Encrypt an ldap:// connection (ldaps:// is always encrypted). Environment: EZABRZE_DIRECTORY_START_TLS."),
        required=False,
        default=False,
    )
    users_base = schema.TextLine(
        title=_("Base DN of the staff"),
        description=_("Staff are searched in the whole subtree (environment: EZABRZE_DIRECTORY_USERS_BASE)."),
        required=False,
        default="",
    )
    users_filter = schema.TextLine(
        title=_("Filter of staff accounts"),
        description=_(
            "OpenLDAP: (objectClass=inetOrgPerson); Active Directory: "
            "(&(objectCategory=person)(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))."
        ),
        required=True,
        default="(objectClass=inetOrgPerson)",
    )
    login_attribute = schema.TextLine(
        title=_("Attribute of the login name"),
        description=_("OpenLDAP: uid; Active Directory: sAMAccountName or userPrincipalName."),
        required=True,
        default="uid",
    )
    id_attribute = schema.TextLine(
        title=_("Attribute of the user id"),
        description=_("A value that never changes for a person: uid (OpenLDAP), sAMAccountName (Active Directory)."),
        required=True,
        default="uid",
    )
    rdn_attribute = schema.TextLine(
        title=_("Attribute of the entry's name (RDN)"),
        description=_("OpenLDAP: uid; Active Directory: cn."),
        required=True,
        default="uid",
    )
    groups_base = schema.TextLine(
        title=_("Base DN of the groups"),
        description=_("Environment: EZABRZE_DIRECTORY_GROUPS_BASE."),
        required=False,
        default="",
    )
    groups_filter = schema.TextLine(
        title=_("Filter of groups"),
        description=_("OpenLDAP: (objectClass=groupOfNames); Active Directory: (objectClass=group)."),
        required=True,
        default="(objectClass=groupOfNames)",
    )
    group_rules = schema.List(
        title=_("Group rules"),
        description=_(
            "One rule a line: directory group -> portal group. A * in the directory group stands for any text, "
            "which replaces the * of the portal group: jednostka-* -> unit-* gives the members of jednostka-mops "
            "the group unit-mops (the cases of the unit mops)."
        ),
        value_type=schema.TextLine(constraint=valid_rule),
        required=False,
        default=list(DEFAULT_GROUP_RULES),
    )
    staff_attributes = schema.List(
        title=_("Staff directory fields"),
        description=_(
            "One line a field of the staff directory: field=directory attribute. Fields: title, position, unit "
            "(a unit id or a unit's name), phone, room, email. Active Directory: title=displayName, "
            "unit=department, room=physicalDeliveryOfficeName."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=list(DEFAULT_STAFF_ATTRIBUTES),
    )
    timeout_seconds = schema.Int(
        title=_("Connection time-out (seconds)"),
        required=True,
        default=5,
        min=1,
        max=60,
    )
    cache_seconds = schema.Int(
        title=_("Cache time (seconds)"),
        description=_(
            "How long the portal keeps a person's groups and data read from the directory. A person moved to "
            "another unit loses the old unit's cases at the latest after this time."
        ),
        required=True,
        default=300,
        min=0,
        max=86400,
    )
    retry_seconds = schema.Int(
        title=_("Pause after a failure (seconds)"),
        description=_(
            "When the directory does not answer, the portal does not ask it again for this time (staff cannot "
            "log in, pages do not wait for the directory)."
        ),
        required=True,
        default=60,
        min=1,
        max=3600,
    )


class IDirectorySettings(IDirectoryConnection):
    """All the settings (the HTML control panel, Manager only): the connection and the password of the portal's
    account, which is never sent back to a browser or over REST."""

    bind_password = schema.Password(
        title=_("Password of the portal's account"),
        description=_("Better kept in the environment: EZABRZE_DIRECTORY_BIND_PASSWORD."),
        required=False,
        default="",
    )
