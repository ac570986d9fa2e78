"""Administrator accounts: the daily Plone-level Manager, and refusing weak Zope root passwords.

The Zope root user of buildout.cfg (``[admin]`` of var/secrets.cfg) has a random password (scripts/
admin_secrets.py). Daily administration happens through a Manager of the site itself: its login is a
plone.session ticket (HttpOnly, invalidated by logout), never the root user's base64 login:password cookie.

At start, the root users are tried against the well-known default passwords. In production
(``EZABRZE_PRODUCTION=1`` in the instance environment) a match stops the start; elsewhere it is logged.
"""

from plone import api

import logging
import os


logger = logging.getLogger("ezabrze.policy.security")

DEFAULT_PASSWORDS = ("admin", "administrator", "password", "secret", "zope", "plone", "changeme", "12345678")
SITE_MANAGER_EMAIL = "administrator@um.zabrze.pl"


class WeakPasswordError(RuntimeError):
    """A Zope root user has a default password and the instance runs in production."""


def ensure_site_manager(site, username, password, fullname="Administrator portalu"):
    """A Plone user with the Manager role in ``site``; its password is reset to ``password``."""
    acl = site.acl_users
    with api.env.adopt_roles(["Manager"]):
        if acl.getUserById(username) is None:
            api.user.create(
                email=SITE_MANAGER_EMAIL,
                username=username,
                password=password,
                properties={"fullname": fullname},
            )
        else:
            acl.userSetPassword(username, password)
        acl.portal_role_manager.assignRoleToPrincipal("Manager", username)
    return api.user.get(username=username)


def weak_root_users(app):
    """Logins of the Zope root users whose password is a well-known default or equals the login.

    The root user folder is a PluggableAuthService (its ZODB user managers are tried) or a classic
    Zope User Folder."""
    folder = app.acl_users
    weak = set()
    if hasattr(folder, "plugins"):
        from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin

        for _id, plugin in folder.plugins.listPlugins(IAuthenticationPlugin):
            if not hasattr(plugin, "listUserInfo"):
                continue
            for info in plugin.listUserInfo():
                login = info["login_name"]
                for candidate in (*DEFAULT_PASSWORDS, login):
                    if plugin.authenticateCredentials({"login": login, "password": candidate}):
                        weak.add(login)
                        break
    else:
        for name in folder.getUserNames():
            user = folder.getUser(name)
            if user is not None and any(user.authenticate(c, None) for c in (*DEFAULT_PASSWORDS, name)):
                weak.add(name)
    return sorted(weak)


def production():
    return os.environ.get("EZABRZE_PRODUCTION", "").lower() in ("1", "true", "yes", "on")


def check_root_passwords(app):
    weak = weak_root_users(app)
    if not weak:
        return
    message = (
        f"Zope root user(s) {', '.join(weak)} have a default password. Set a strong one "
        "(bin/instance adduser NAME PASSWORD, or EZABRZE_ADMIN_PASSWORD before the first build)."
    )
    if production():
        raise WeakPasswordError(message)
    logger.warning(message)


def on_database_opened(event):
    """IDatabaseOpenedWithRoot: check the root users' passwords before the instance serves anything."""
    import transaction

    connection = event.database.open()
    try:
        app = connection.root().get("Application")
        if app is not None and getattr(app, "acl_users", None) is not None:
            check_root_passwords(app)
    finally:
        transaction.abort()
        connection.close()
