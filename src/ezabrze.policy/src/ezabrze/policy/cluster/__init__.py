"""Running on several instances over RelStorage/PostgreSQL (README, "Production stack").

When the database is unreachable (restart, fail-over), a request fails cleanly: 503 with Retry-After and
a short Polish page, never a 500 and never anything half stored (the transaction is aborted; PostgreSQL
commits all or nothing). Two places, because the failure shows up in two:

* ``wsgi.database_unavailable``: a WSGI filter (egg:ezabrze.policy#database_unavailable in the cluster
  instances' pipeline) for errors raised before Zope's publisher can render anything, e.g. opening the
  database connection at the start of the request;
* ``browser.DatabaseUnavailableView``: the exception view for errors raised inside the request
  (traversal, rendering, commit).

HAProxy's health check (/ok) fails the same way, so after ~2 s HAProxy answers 503 itself until the
database is back; RelStorage reconnects on the next request.
"""
