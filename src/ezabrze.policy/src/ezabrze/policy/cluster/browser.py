"""Exception view: a database error inside a request answers 503 with Retry-After (see the package doc)."""

from ezabrze.policy.cluster.wsgi import PAGE
from ezabrze.policy.cluster.wsgi import RETRY_AFTER

import logging


logger = logging.getLogger("ezabrze.policy.cluster")


class DatabaseUnavailableView:
    """Renders nothing from the database: a static page (the database is what failed)."""

    def __init__(self, context, request):
        self.context = context
        self.request = request
        self.__parent__ = None

    def __call__(self):
        response = self.request.response
        response.setStatus(503)
        response.setHeader("Retry-After", RETRY_AFTER)
        response.setHeader("Cache-Control", "no-store")
        response.setHeader("Content-Type", "text/html; charset=utf-8")
        logger.error("Database unavailable, %s answered 503: %s", self.request.get("PATH_INFO"), self.context)
        return PAGE.decode()
