"""Delete cases and saved form submissions older than the retention period (control panel "Sprawy").

Run with the instance (daily, from cron; see README "Cases"):

    bin/instance run scripts/purge_cases.py [--site-id zabrze] [--dry-run]
"""

from AccessControl.SecurityManagement import newSecurityManager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import argparse
import sys
import transaction


def main(app, argv):
    parser = argparse.ArgumentParser(prog="purge_cases.py")
    parser.add_argument("--site-id", default="zabrze")
    parser.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    args = parser.parse_args(argv)

    from ezabrze.policy.cases.purge import purge

    app = makerequest(app)
    site = app.get(args.site_id)
    if site is None:
        sys.exit(f"No site /{args.site_id}")
    admin = app.acl_users.getUserById("admin")
    if admin is None:
        sys.exit("No 'admin' user in the Zope root.")
    newSecurityManager(None, admin.__of__(app.acl_users))
    setSite(site)
    cases, rows = purge(site, dry_run=args.dry_run)
    if args.dry_run:
        transaction.abort()
    else:
        transaction.get().note(f"purge_cases.py: {cases} cases, {rows} saved submissions")
        transaction.commit()
    print(f"{'Would delete' if args.dry_run else 'Deleted'} {cases} cases and {rows} saved submissions")


if __name__ == "__main__":
    argv = sys.argv[sys.argv.index(__file__) + 1 :] if __file__ in sys.argv else sys.argv[1:]
    main(app, argv)  # noqa: F821 -- `app` is provided by `bin/instance run`
