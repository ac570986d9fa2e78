"""ezabrze.policy."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "ezabrze.policy"

_ = MessageFactory(PACKAGE_NAME)
