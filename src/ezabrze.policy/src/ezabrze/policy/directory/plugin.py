"""The PAS plugin of the city's directory: pas.plugins.ldap's plugin, configured from ``settings.current()``, behind
the circuit breaker, with the directory's groups mapped to the portal's groups and a short cache.

Which PAS interfaces it is active for (``setup.py``): authentication, user enumeration, properties, roles (Member)
and groups (the mapped portal groups). The directory's own groups are never portal groups: the rules of the
control panel say what a directory group means in the portal.
"""

from AccessControl.class_init import InitializeClass
from ezabrze.policy import _
from ezabrze.policy.directory.breaker import BREAKER
from ezabrze.policy.directory.groups import CACHE
from ezabrze.policy.directory.groups import map_groups
from ezabrze.policy.directory.groups import parse_rules
from ezabrze.policy.directory.groups import RuleError
from ezabrze.policy.directory.settings import current
from node.ext.ldap.scope import SUBTREE
from pas.plugins.ldap.interfaces import ILDAPPlugin
from pas.plugins.ldap.plugin import LDAPPlugin
from Products.CMFCore.utils import getToolByName
from zope.globalrequest import getRequest
from zope.interface import implementer

import logging
import threading


logger = logging.getLogger("ezabrze.policy.directory")

UNAVAILABLE_FLAG = "ezabrze.directory.unavailable"
UNAVAILABLE_MESSAGE = _(
    "The city's directory (domain accounts) does not answer at the moment: staff cannot log in with their domain "
    "account. Please try again in a few minutes. Local accounts work as usual."
)

_local = threading.local()


class IDirectoryPlugin(ILDAPPlugin):
    """The plugin ``directory`` in acl_users."""


def group_object_class(groups_filter):
    text = (groups_filter or "").lower()
    for name in ("groupOfUniqueNames", "posixGroup"):
        if name.lower() in text:
            return name
    if "objectclass=group)" in text:
        return "group"  # Active Directory
    return "groupOfNames"


def note_unavailable():
    """Remember on the request that the directory did not answer (the login form and @login say so)."""
    request = getRequest()
    if request is not None:
        request.set(UNAVAILABLE_FLAG, True)


def _guarded(name, default):
    """The method of pas.plugins.ldap's plugin, asked only when the directory is configured and the breaker lets
    the call through; a failure (pas.plugins.ldap logs and swallows it, or it is raised) opens the breaker."""
    original = getattr(LDAPPlugin, name)

    def method(self, *args, **kw):
        if getattr(_local, "inside", False):
            return original(self, *args, **kw)  # a call from inside a guarded call: already let through
        settings = current()
        if not settings.active:
            return default
        if not BREAKER.allow():
            note_unavailable()
            return default
        _local.inside = True
        error = None
        try:
            result = original(self, *args, **kw)
        except Exception as exc:  # an error of the directory must not become a 5xx
            logger.exception("Directory call %s failed", name)
            error = exc
            result = default
        finally:
            _local.inside = False
        if error is None and getattr(self, "_v_ldaperror_timeout", None) is not None:
            error = getattr(self, "_v_ldaperror_msg", "") or "error"
        if error is not None:
            # pas.plugins.ldap's own pause is per database connection and fixed: the breaker decides instead
            for attribute in ("_v_ldaperror_timeout", "_v_ldaperror_msg"):
                if attribute in self.__dict__:
                    delattr(self, attribute)
            BREAKER.failed(error, settings.retry_seconds)
            logger.warning("Directory unavailable (%s): not asked again for %ss", error, settings.retry_seconds)
            note_unavailable()
            return default
        BREAKER.succeeded()
        return result

    method.__name__ = name
    return method


@implementer(IDirectoryPlugin)
class DirectoryPlugin(LDAPPlugin):
    """pas.plugins.ldap's plugin whose settings are those of the control panel / environment."""

    meta_type = "e-Zabrze Directory Plugin"

    def __init__(self, id, title=None):
        self._setId(id)
        self.title = title
        self.plugin_caching = True

    def init_settings(self):
        """No settings of its own (see ``settings``)."""

    @property
    def settings(self):
        """pas.plugins.ldap's settings (read through its LDAPProps/UsersConfig/GroupsConfig adapters)."""
        s = current()
        return {
            "server.uri": s.url,
            "server.user": s.bind_dn,
            "server.password": s.bind_password,
            "server.start_tls": s.start_tls,
            "server.ignore_cert": False,
            "server.page_size": 1000,
            "server.conn_timeout": s.timeout_seconds,
            "server.op_timeout": s.timeout_seconds * 4,
            "cache.cache": False,
            "cache.timeout": s.cache_seconds,
            "users.baseDN": s.users_base,
            "users.attrmap": {
                "rdn": s.rdn_attribute,
                "id": s.id_attribute,
                "login": s.login_attribute,
                "fullname": "cn",
                "email": "mail",
            },
            "users.scope": SUBTREE,
            "users.queryFilter": s.users_filter,
            "users.objectClasses": ["user"] if "objectclass=user" in s.users_filter.lower() else ["inetOrgPerson"],
            "users.defaults": {},
            "users.memberOfSupport": False,
            "users.recursiveGroups": False,
            "users.memberOfExternalGroupDNs": [],
            "users.account_expiration": False,
            "groups.baseDN": s.groups_base or s.users_base,
            "groups.attrmap": {"rdn": "cn", "id": "cn", "title": "cn", "description": "description"},
            "groups.scope": SUBTREE,
            "groups.queryFilter": s.groups_filter,
            "groups.objectClasses": [group_object_class(s.groups_filter)],
            "groups.defaults": {},
            "groups.memberOfSupport": False,
            "groups.recursiveGroups": False,
            "groups.memberOfExternalGroupDNs": [],
        }

    # pas.plugins.ldap's methods behind the breaker
    _authenticate = _guarded("authenticateCredentials", None)
    _enumerate_users = _guarded("enumerateUsers", ())
    _directory_groups = _guarded("getGroupsForPrincipal", None)
    _properties = _guarded("getPropertiesForUser", None)

    def authenticateCredentials(self, credentials):
        login = credentials.get("login")
        if not (login and credentials.get("password")):
            return None
        return self._authenticate(credentials)

    def enumerateUsers(self, id=None, login=None, exact_match=False, sort_by=None, max_results=None, **kw):
        cacheable = exact_match and not kw and (id or login) and isinstance(id or login, str)
        settings = current()
        if not settings.active:
            return ()
        if cacheable:
            key = ("users", id, login)
            cached = CACHE.get(key)
            if cached is not None:
                return [dict(item) for item in cached]
        result = self._enumerate_users(
            id=id, login=login, exact_match=exact_match, sort_by=sort_by, max_results=max_results, **kw
        )
        if cacheable and not BREAKER.is_open:
            CACHE.set(key, tuple(dict(item) for item in result), settings.cache_seconds)
        return result

    def _is_directory_user(self, principal_id):
        return bool(self.enumerateUsers(id=principal_id, exact_match=True))

    def getRolesForPrincipal(self, principal, request=None):
        if self._is_directory_user(principal.getId()):
            return ("Member",)
        return ()

    def getGroupsForPrincipal(self, principal, request=None):
        """The portal groups of a directory user (rules of the control panel), cached for cache_seconds."""
        settings = current()
        if not settings.active:
            return ()
        principal_id = principal.getId()
        key = ("groups", principal_id)
        cached = CACHE.get(key)
        if cached is not None:
            return cached
        if not self._is_directory_user(principal_id):
            return ()
        directory_groups = self._directory_groups(principal, request)
        if directory_groups is None:
            return ()
        try:
            rules = parse_rules(settings.group_rules)
        except RuleError:
            logger.exception("Invalid group rule: no portal groups from the directory")
            rules = []
        result = self._existing(map_groups(directory_groups, rules))
        CACHE.set(key, result, settings.cache_seconds)
        return result

    def _existing(self, group_ids):
        """Only portal groups that exist (a rule may name a group nobody created yet: no group, a warning)."""
        groups_tool = getToolByName(self, "portal_groups", None)
        if groups_tool is None:
            return tuple(group_ids)
        result = []
        for group_id in group_ids:
            if groups_tool.getGroupById(group_id) is not None:
                result.append(group_id)
            else:
                logger.warning("Group rule names the portal group %r, which does not exist", group_id)
        return tuple(result)

    def getPropertiesForUser(self, user_or_group, request=None):
        settings = current()
        if not settings.active:
            return {}
        principal_id = user_or_group.getId()
        key = ("properties", principal_id)
        cached = CACHE.get(key)
        if cached is not None:
            return dict(cached)
        if not self._is_directory_user(principal_id):
            return {}
        sheet = self._properties(user_or_group, request)
        if not sheet:
            return {}
        values = {name: sheet.getProperty(name) for name in sheet.propertyIds()}
        values = {name: value[0] if isinstance(value, list | tuple) and value else value for name, value in values.items()}
        CACHE.set(key, values, settings.cache_seconds)
        return dict(values)

    # the directory is read-only for the portal: no passwords, users or groups are written to it
    def allowPasswordSet(self, id):
        return False

    def allowDeletePrincipal(self, id):
        return False

    def allowGroupAdd(self, principal_id, group_id):
        return False

    def allowGroupRemove(self, principal_id, group_id):
        return False

    def doChangeUser(self, user_id, password, **kw):
        raise RuntimeError("Directory accounts change their password in the directory")

    def doAddUser(self, login, password):
        return False

    def doDeleteUser(self, login):
        return False


InitializeClass(DirectoryPlugin)
