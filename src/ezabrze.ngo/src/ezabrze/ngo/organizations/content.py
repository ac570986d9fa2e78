"""The Organization type: public data of a non-governmental organisation in the city's registry.

Representatives are not schema fields: their personal data live in ``representatives.py`` (a BTree on the
organization), so neither the edit form, nor plone.restapi's serializer, nor the catalog ever publish them."""

from ezabrze.ngo import _
from ezabrze.ngo.organizations import validators
from ezabrze.policy.security.limits import FIELD_LINE_MAX
from ezabrze.policy.security.limits import URL_MAX
from plone.dexterity.content import Item
from plone.schema.email import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant


class IOrganization(model.Schema):
    """A non-governmental organisation (or another entity of art. 3 ust. 3 of the act)."""

    legal_form = schema.Choice(
        title=_("Legal form"),
        vocabulary="ezabrze.ngo.LegalForms",
        required=True,
    )
    krs = schema.TextLine(
        title=_("KRS number"),
        description=_("10 digits. Leave empty if the organisation is not in the National Court Register."),
        required=False,
        constraint=validators.krs_constraint,
        max_length=FIELD_LINE_MAX,
    )
    register_name = schema.TextLine(
        title=_("Other register"),
        description=_("For organisations without KRS: the register they are entered in, e.g. the Mayor's register "
                      "of ordinary associations."),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    register_number = schema.TextLine(
        title=_("Number in the other register"),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    nip = schema.TextLine(
        title=_("NIP"),
        required=False,
        constraint=validators.nip_constraint,
        max_length=FIELD_LINE_MAX,
    )
    regon = schema.TextLine(
        title=_("REGON"),
        required=False,
        constraint=validators.regon_constraint,
        max_length=FIELD_LINE_MAX,
    )
    street = schema.TextLine(
        title=_("Street and number"),
        required=True,
        max_length=FIELD_LINE_MAX,
    )
    postal_code = schema.TextLine(
        title=_("Postal code"),
        required=True,
        constraint=validators.postal_code_constraint,
        max_length=FIELD_LINE_MAX,
    )
    city = schema.TextLine(
        title=_("City"),
        required=True,
        default="Zabrze",
        max_length=FIELD_LINE_MAX,
    )
    email = Email(
        title=_("E-mail of the organisation"),
        required=False,
        max_length=FIELD_LINE_MAX,
    )
    website = schema.URI(
        title=_("Website"),
        required=False,
        max_length=URL_MAX,
    )
    areas = schema.List(
        title=_("Areas of public-benefit activity"),
        description=_("Art. 4 of the act on public-benefit activity and volunteering."),
        value_type=schema.Choice(vocabulary="ezabrze.ngo.Areas"),
        required=True,
        min_length=1,
    )

    @invariant
    def identified_by_a_register(data):
        validators.register(
            getattr(data, "krs", None), getattr(data, "register_name", None), getattr(data, "register_number", None)
        )


@implementer(IOrganization)
class Organization(Item):
    """An organization; its representatives are kept by ezabrze.ngo.organizations.representatives."""

    def identifier(self):
        """KRS, else the other register's name and number (the key of the CSV import)."""
        if self.krs:
            return f"KRS {self.krs}"
        return f"{self.register_name or ''} {self.register_number or ''}".strip()
