"""ezabrze.theme."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "ezabrze.theme"

_ = MessageFactory(PACKAGE_NAME)
