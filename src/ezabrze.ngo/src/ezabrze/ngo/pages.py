"""What the NGO pages of the competitions and the small grants share: messages translated for the request,
dates and amounts in Polish notation, the state's title and a refusal answered with its HTTP status."""

from ezabrze.ngo import clock
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate


def fmt(value):
    """A date and time as Polish pages show it (local time, to the second)."""
    return clock.local(value).strftime("%d.%m.%Y %H:%M:%S") if value else ""


def userid():
    return None if api.user.is_anonymous() else api.user.get_current().getId()


class NGOPage(BrowserView):
    """Base of the competitions' and small grants' pages; `state_titles` maps a state id to its message."""

    error = None
    state_titles = {}

    def t(self, message):
        if isinstance(message, list):
            return " ".join(translate(m, context=self.request) for m in message)
        return translate(message, context=self.request) if message else ""

    def fmt(self, value):
        return fmt(value)

    def money(self, value):
        return f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",") if value is not None else ""

    def state_title(self, value):
        return self.t(self.state_titles.get(value, value))

    def refuse(self, error):
        self.request.response.setStatus(error.status)
        self.error = self.t(error.message)
