"""Easyform field validator "isAllowedAttachment": editors pick it for file fields of their forms."""

from ezabrze.policy.cases import service


def isAllowedAttachment(value, **kwargs):
    return service.validate_attachment(value)
