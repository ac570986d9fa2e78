"""ezabrze.policy."""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "ezabrze.policy"

_ = MessageFactory(PACKAGE_NAME)

from ezabrze.policy import moved_modules  # noqa: E402
from ezabrze.policy import patches  # noqa: E402,F401  (Chameleon cooking lock, easyform schema parsing)


moved_modules.install()
