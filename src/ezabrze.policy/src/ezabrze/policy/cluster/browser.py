"""No exception view for database errors: they must reach the WSGI filter (wsgi.py), which answers 503.

Plone's exception view for ``Exception`` would render its error page for them with status 500, and run the
theme over it (which needs the very database that is gone). Registering a factory that returns None for
the database errors' classes hides that view for them: Zope's publisher then aborts the transaction and
re-raises the error, and ``egg:ezabrze.policy#database_unavailable`` answers 503 with Retry-After.
"""


def no_exception_view(error, request):
    return None
