"""WSGI filter: an unreachable database answers 503 Service Unavailable, not 500 (see the package doc)."""

import logging


logger = logging.getLogger("ezabrze.policy.cluster")

RETRY_AFTER = "10"
PAGE = """<!DOCTYPE html>
<html lang="pl"><head><meta charset="utf-8"><title>Serwis chwilowo niedostępny</title></head>
<body><h1>Serwis chwilowo niedostępny</h1>
<p>Trwają prace techniczne. Spróbuj ponownie za kilka sekund. Dane, których wysłanie zostało potwierdzone,
są bezpieczne; niepotwierdzonego zgłoszenia nie zapisano — wyślij je ponownie.</p>
<p lang="en">The service is temporarily unavailable. Please try again in a few seconds.</p>
</body></html>
""".encode()


def database_errors():
    """The exception classes that mean "the database cannot be reached" (psycopg2 only where installed)."""
    errors = []
    try:
        import psycopg2
    except ImportError:
        pass
    else:
        errors += [psycopg2.OperationalError, psycopg2.InterfaceError]
    try:
        from relstorage.adapters.interfaces import ReplicaClosedException
    except ImportError:
        pass
    else:
        errors.append(ReplicaClosedException)
    return tuple(errors)


def unavailable_headers():
    return [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(PAGE))),
        ("Retry-After", RETRY_AFTER),
        ("Cache-Control", "no-store"),
    ]


class DatabaseUnavailable:
    def __init__(self, app, errors=None):
        self.app = app
        self.errors = database_errors() if errors is None else errors

    def __call__(self, environ, start_response):
        if not self.errors:
            return self.app(environ, start_response)
        try:
            return self.app(environ, start_response)
        except self.errors as exc:
            logger.error("Database unavailable, %s %s answered 503: %s",
                         environ.get("REQUEST_METHOD"), environ.get("PATH_INFO"), exc)
            start_response("503 Service Unavailable", unavailable_headers(), None)
            return [PAGE]


def database_unavailable(app, global_conf=None, **local_conf):
    """paste.filter_app_factory of egg:ezabrze.policy#database_unavailable."""
    return DatabaseUnavailable(app)
