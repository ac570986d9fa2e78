"""Every text field of the NGO types (organizations, consultations, grant calls, offers) has a maximum length
(the same check as ezabrze.policy's tests/security/test_field_limits.py)."""

from ezabrze.policy.security import limits
from pathlib import Path
from plone.app.textfield import RichText
from plone.dexterity.utils import iterSchemataForType
from zope.schema import getFieldsInOrder
from zope.schema import Text

import ezabrze.ngo
import pytest


TYPES = sorted(path.stem for path in (Path(ezabrze.ngo.__file__).parent / "profiles" / "default" / "types").glob("*.xml"))


def test_the_ngo_types_are_found():
    assert set(TYPES) == {"Consultation", "GrantCall", "Offer", "Organization", "SmallGrant"}


@pytest.mark.parametrize("portal_type", TYPES)
def test_every_text_field_has_a_maximum_length(portal, portal_type):
    assert portal.portal_types.get(portal_type) is not None
    missing = []
    for schema in iterSchemataForType(portal_type):
        for name, field in getFieldsInOrder(schema):
            for inner_name, inner in limits.text_fields(name, field):
                if isinstance(inner, (Text, RichText)) and not getattr(inner, "max_length", None):
                    missing.append(f"{schema.__identifier__}.{inner_name}")
    assert not missing, f"{portal_type}: text fields without max_length: {missing}"


def test_an_over_long_value_is_refused(portal):
    from ezabrze.ngo.organizations.content import IOrganization
    from zope.schema.interfaces import TooLong

    with pytest.raises(TooLong):
        IOrganization["street"].validate("x" * (limits.FIELD_LINE_MAX + 1))
    IOrganization["street"].validate("x" * limits.FIELD_LINE_MAX)


def test_remark_texts_have_limits(portal, world, login_as, frozen):
    """Remarks are not content: their service checks the lengths itself (400, nothing stored)."""
    from datetime import timedelta
    from ezabrze.ngo.consultations import remarks as remarks_api
    from ezabrze.ngo.consultations import state
    from ezabrze.ngo.consultations.setup import folder
    from ezabrze.ngo.testing import make_consultation
    from ezabrze.ngo.testing import NOW
    from plone import api

    with api.env.adopt_roles(["Manager"]):
        c = make_consultation(folder(), NOW - timedelta(days=1), NOW + timedelta(days=7), id_="c-open")
        state.sync()
    login_as("rep_a")
    with pytest.raises(remarks_api.RemarkError) as too_long:
        remarks_api.add(c, {"justification": "x" * (remarks_api.MAX_LENGTH + 1)})
    assert too_long.value.status == 400
    assert not list(remarks_api.remarks_tree(c).keys())
    remark = remarks_api.add(c, {"justification": "Uzasadnienie."})
    login_as("moderator")
    with pytest.raises(remarks_api.RemarkError) as reason:
        remarks_api.moderate(c, remark.id, "hide", "p" * (remarks_api.REASON_MAX_LENGTH + 1))
    assert reason.value.status == 400 and not remark.hidden
    login_as("staff")
    with pytest.raises(remarks_api.RemarkError) as reasoning:
        remarks_api.prepare_answer(c, remark.id, "accepted", "r" * (remarks_api.MAX_LENGTH + 1))
    assert reasoning.value.status == 400 and not remark.answer
