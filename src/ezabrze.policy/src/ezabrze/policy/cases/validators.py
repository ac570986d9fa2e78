"""Easyform field validator "isAllowedAttachment": editors pick it for file fields of their forms."""

from ezabrze.policy.cases import api as cases_api


def isAllowedAttachment(value, **kwargs):
    return cases_api.validate_attachment(value)
