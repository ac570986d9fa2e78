"""Running on several instances over RelStorage/PostgreSQL (README, "Production stack").

When the database is unreachable (restart, fail-over), a request fails cleanly: 503 with Retry-After and
a short Polish page, never a 500 and never anything half stored (the transaction is aborted; PostgreSQL
commits all or nothing). Two places, because the failure shows up in two:

* ``wsgi.database_unavailable``: a WSGI filter (egg:ezabrze.policy#database_unavailable in the cluster
  instances' pipeline) that answers 503 for the database errors that leave Zope's publisher: those raised
  before it can render anything (opening the database connection at the start of the request), and
* those raised inside the request (traversal, rendering, commit): ``browser.no_exception_view`` hides
  Plone's exception view (500) for them, so the publisher aborts and re-raises them to the filter.

HAProxy's health check (/ok) fails the same way, so after ~2 s HAProxy answers 503 itself until the
database is back; RelStorage reconnects on the next request.
"""
