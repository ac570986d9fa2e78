"""Point the site's cache purging at this stack's Varnish (run by deploy/cluster.py with a cluster instance).

    bin/cluster1 run deploy/configure_site.py --caching-proxy http://127.0.0.1:8100 [--site-id zabrze]

The caching rules themselves come with the ezabrze.policy profile (caching/); only the address of the
caching proxy belongs to the deployment. Idempotent: commits only when something changes.
"""

from AccessControl.SecurityManagement import newSecurityManager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import argparse
import sys
import transaction


def main(app, argv):
    parser = argparse.ArgumentParser(prog="configure_site.py")
    parser.add_argument("--site-id", default="zabrze")
    parser.add_argument("--caching-proxy", action="append", required=True)
    args = parser.parse_args(argv)

    from ezabrze.policy.caching.setup import configure_purging

    app = makerequest(app)
    admin = app.acl_users.getUserById("admin")
    newSecurityManager(None, admin.__of__(app.acl_users))
    site = app[args.site_id]
    setSite(site)
    changed = configure_purging(tuple(args.caching_proxy))
    if changed:
        transaction.get().note(f"deploy/configure_site.py: caching proxies {args.caching_proxy}")
        transaction.commit()
    print(f"Caching proxies of /{args.site_id}: {', '.join(args.caching_proxy)}"
          + ("" if changed else " (unchanged)"))


if __name__ == "__main__":
    argv = sys.argv[sys.argv.index("-c") + 2 :] if "-c" in sys.argv else sys.argv[1:]
    main(app, argv)  # noqa: F821 -- `app` is provided by `bin/clusterN run`
