"""Views used by workflow guard expressions (TALES runs restricted: it can call a view's public method)."""

from ezabrze.policy.editorial.workflow import may_publish
from Products.Five.browser import BrowserView


class WorkflowGuards(BrowserView):
    def may_publish(self):
        return may_publish(self.context)
