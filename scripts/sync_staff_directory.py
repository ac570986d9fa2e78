"""Synchronise the intranet's staff directory (Katalog pracowników) with the city's directory (LDAP / Active
Directory) and print the report. Staff who left are archived, never deleted.

Run with the instance, on schedule from cron (README, "Directory"), e.g. every night at 2:15:

    15 2 * * *  cd /srv/ezabrze && bin/instance run scripts/sync_staff_directory.py --site-id zabrze

Exit status: 0 synchronised, 2 the directory did not answer or is not configured (nothing changed).
"""

from AccessControl.SecurityManagement import newSecurityManager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import argparse
import sys
import transaction


def main(app, argv):
    parser = argparse.ArgumentParser(prog="sync_staff_directory.py")
    parser.add_argument("--site-id", default="zabrze")
    args = parser.parse_args(argv)

    from ezabrze.policy.directory import sync

    app = makerequest(app)
    site = app.get(args.site_id)
    if site is None:
        sys.exit(f"No site /{args.site_id}")
    admin = app.acl_users.getUserById("admin") or next(iter(app.acl_users.getUsers()), None)
    if admin is None:
        sys.exit("No administrator in the Zope root.")
    newSecurityManager(None, admin.__of__(app.acl_users))
    setSite(site)
    try:
        report = sync.synchronize(site, actor="sync_staff_directory.py")
    except sync.DirectoryUnavailable as error:
        transaction.abort()
        print(f"Not synchronised: {error.args[0]}", file=sys.stderr)
        sys.exit(2)
    transaction.get().note("sync_staff_directory.py")
    transaction.commit()
    print(
        f"Staff directory synchronised: {len(report['added'])} added, {len(report['updated'])} updated "
        f"({len(report['moved'])} moved), {len(report['archived'])} archived, {len(report['restored'])} restored, "
        f"{report['unchanged']} unchanged"
    )
    for kind in ("added", "moved", "archived", "restored"):
        for item in report[kind]:
            extra = f" ({item['from']} -> {item['to']})" if kind == "moved" else ""
            print(f"  {kind}: {item['title']} [{item.get('username') or item['id']}]{extra}")


if __name__ == "__main__":
    argv = sys.argv[sys.argv.index(__file__) + 1 :] if __file__ in sys.argv else sys.argv[1:]
    main(app, argv)  # noqa: F821 -- `app` is provided by `bin/instance run`
