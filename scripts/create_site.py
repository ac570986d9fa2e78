"""Create the Plone site "zabrze" if it is missing; keep it as it is otherwise.

Run with the instance:  bin/instance run scripts/create_site.py [--site-id zabrze] [--no-demo]
"""

from AccessControl.SecurityManagement import newSecurityManager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import argparse
import sys
import transaction


# Packages built on ezabrze.policy: installed after it, their demo content applied after the policy's.
ADD_ONS = ("ezabrze.ngo:default",)
DEMO_PROFILES = ("ezabrze.ngo:demo",)


def main(app, argv):
    parser = argparse.ArgumentParser(prog="create_site.py")
    parser.add_argument("--site-id", default="zabrze")
    parser.add_argument("--no-demo", action="store_true", help="do not add demo content")
    args = parser.parse_args(argv)

    from ezabrze.policy.site import ensure_site

    app = makerequest(app)
    admin = app.acl_users.getUserById("admin")
    if admin is None:
        sys.exit("No 'admin' user in the Zope root: the instance was not built by buildout.")
    newSecurityManager(None, admin.__of__(app.acl_users))
    site, created = ensure_site(
        app, args.site_id, demo=not args.no_demo, add_ons=ADD_ONS, demo_profiles=DEMO_PROFILES
    )
    setSite(site)
    _ensure_site_manager(site)
    transaction.commit()
    print(("Created" if created else "Kept the existing") + f" site /{args.site_id}")


def _ensure_site_manager(site):
    """The Plone-level Manager for daily administration ([site-admin] of var/secrets.cfg)."""
    from ezabrze.policy.security.accounts import ensure_site_manager
    from pathlib import Path

    import importlib.util

    script = sys.argv[sys.argv.index("-c") + 1] if "-c" in sys.argv else __file__
    spec = importlib.util.spec_from_file_location("admin_secrets", Path(script).with_name("admin_secrets.py"))
    secrets = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(secrets)
    accounts = secrets.ensure()
    user, password = accounts["site-admin"]
    ensure_site_manager(site, user, password)


if __name__ == "__main__":
    # `bin/instance run SCRIPT ARGS` runs us as `python -c SCRIPT ARGS`: our arguments follow the script path.
    argv = sys.argv[sys.argv.index("-c") + 2 :] if "-c" in sys.argv else sys.argv[1:]
    main(app, argv)  # noqa: F821 -- `app` is provided by `bin/instance run`
