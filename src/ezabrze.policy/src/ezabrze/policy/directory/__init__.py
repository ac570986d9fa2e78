"""Staff sign-on with the city's directory (LDAP / Active Directory) and the staff directory filled from it.

- ``plugin.py``: the PAS plugin ``directory`` in acl_users, pas.plugins.ldap's plugin with the connection settings
  of ``settings.py`` (environment first, then the control panel "Katalog domenowy"), a circuit breaker
  (``breaker.py``: after a failure the directory is not asked again for ``retry_seconds``) and the directory's
  groups mapped to the portal's groups by the rules of the control panel (``groups.py``), cached for
  ``cache_seconds``. Not configured (no URL) = not active: local accounts only.
- ``sync.py``: the intranet's staff directory (Katalog pracowników) synchronised from the directory: a button on
  the staff directory (@@synchronizuj-z-katalogiem) and ``scripts/sync_staff_directory.py`` for cron; staff who left
  are archived, never deleted; each run leaves a report of what changed.
- ``setup.py``: the plugin in acl_users, after the local users (local accounts never wait for the directory).
"""

PLUGIN_ID = "directory"
SETTINGS_PREFIX = "ezabrze.policy.directory"
