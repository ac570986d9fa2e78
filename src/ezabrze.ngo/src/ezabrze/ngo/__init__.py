"""ezabrze.ngo."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "ezabrze.ngo"

_ = MessageFactory(PACKAGE_NAME)
